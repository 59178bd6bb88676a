import type { EmulatorSeed } from '../emulator/index.js';

/** The mailbox the demo seeds and syncs. */
export const DEMO_USER = 'demo@contoso.example';

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' of a UTC day count. */
const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Midnight UTC of the Monday of the week holding `nowMs`. */
function mondayOf(nowMs: number): number {
  const midnight = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7; // Monday = 0
  return midnight - weekday * DAY_MS;
}

/** The first day-31 on or after `fromMs` (months without a 31st are skipped). */
function firstThirtyFirst(fromMs: number): number {
  let day = Math.floor(fromMs / DAY_MS) * DAY_MS;
  while (new Date(day).getUTCDate() !== 31) day += DAY_MS;
  return day;
}

const at = (date: string, time: string, timeZone: string) => ({ dateTime: `${date}T${time}:00`, timeZone });

/**
 * A realistic mailbox, dated around `nowMs` so it always falls in the sync window: a weekly series with one
 * occurrence moved and one cancelled, a monthly series on day 31 (Outlook clamps it to the last day of short months), a multi-day all-day
 * event, and meetings in New York, Berlin and Tokyo, one with an HTML body and a location.
 */
export function demoSeed(nowMs: number): EmulatorSeed {
  const monday = mondayOf(nowMs);
  const day = (n: number): string => dateOf(monday + n * DAY_MS);
  const monthEnd = dateOf(firstThirtyFirst(monday));
  const user = DEMO_USER;
  return {
    requests: [
      {
        id: 'weekly',
        user,
        method: 'POST',
        url: '/events',
        body: {
          subject: 'Design review',
          body: { contentType: 'text', content: 'Weekly design review. Bring sketches.' },
          start: at(day(1), '10:00', 'Europe/Berlin'),
          end: at(day(1), '11:00', 'Europe/Berlin'),
          location: { displayName: 'Berlin office, room Spree' },
          recurrence: {
            pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'], firstDayOfWeek: 'monday' },
            range: { type: 'numbered', startDate: day(1), numberOfOccurrences: 12 },
          },
        },
      },
      {
        id: 'weeks',
        user,
        method: 'GET',
        url: `/events/$ref:weekly.id/instances?startDateTime=${day(0)}T00:00:00Z&endDateTime=${day(21)}T00:00:00Z`,
      },
      {
        user,
        method: 'PATCH',
        url: '/events/$ref:weeks.value.1.id',
        body: { subject: 'Design review (moved to Wednesday)', start: at(day(9), '14:00', 'Europe/Berlin'), end: at(day(9), '15:00', 'Europe/Berlin') },
      },
      { user, method: 'DELETE', url: '/events/$ref:weeks.value.2.id' },
      {
        user,
        method: 'POST',
        url: '/events',
        body: {
          subject: 'Month-end close',
          start: at(monthEnd, '16:00', 'America/New_York'),
          end: at(monthEnd, '17:00', 'America/New_York'),
          recurrence: {
            pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 },
            range: { type: 'noEnd', startDate: monthEnd },
          },
        },
      },
      {
        user,
        method: 'POST',
        url: '/events',
        body: {
          subject: 'Team offsite',
          isAllDay: true,
          showAs: 'oof',
          start: at(day(15), '00:00', 'UTC'),
          end: at(day(18), '00:00', 'UTC'),
        },
      },
      {
        user,
        method: 'POST',
        url: '/events',
        body: {
          subject: 'Customer visit',
          body: {
            contentType: 'html',
            content: '<html><body><p>Agenda:</p><ul><li><b>Roadmap</b> for next year</li><li>Contract renewal</li></ul><p>Lunch afterwards.</p></body></html>',
          },
          start: at(day(3), '13:00', 'America/New_York'),
          end: at(day(3), '15:00', 'America/New_York'),
          location: { displayName: 'Contoso NYC, 350 5th Ave, 34th floor' },
          importance: 'high',
        },
      },
      {
        user,
        method: 'POST',
        url: '/events',
        body: {
          subject: 'Call with the Tokyo office',
          start: at(day(4), '09:00', 'Asia/Tokyo'),
          end: at(day(4), '09:45', 'Asia/Tokyo'),
        },
      },
    ],
  };
}

/** Subjects the seeded calendar shows (one per series or single event), for the demo banner and tests. */
export const DEMO_SUBJECTS = ['Design review', 'Month-end close', 'Team offsite', 'Customer visit', 'Call with the Tokyo office'] as const;
