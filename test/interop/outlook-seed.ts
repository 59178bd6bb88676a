// The Outlook user's calendar for the interop tests: a realistic mix written through the Graph emulator, plus the
// occurrences every client must end up showing (instants in UTC, all-day dates as DATE values).
import assert from 'node:assert/strict';
import { findOccurrence, deleteEvent, patchEvent } from '../../src/graph/writer.js';
import { calendarPath, preferHeader } from '../../src/graph/paths.js';
import type { GraphEvent } from '../../src/graph/types.js';
import type { World } from '../sync/e2e/harness.js';

export interface ExpectedOccurrence {
  readonly summary: string;
  /** UTC instant ('2026-12-10T13:00:00Z') or, for all-day events, a DATE ('2026-12-21'). */
  readonly start: string;
  readonly end: string;
}

export const SUBJECTS = {
  berlin: 'Berlin planning',
  tokyo: 'Tokyo vendor call',
  offsite: 'Team offsite',
  standup: 'NY standup',
  standupMoved: 'NY standup (moved)',
  monthEnd: 'Month-end close',
  review: 'Budget review',
  doctor: 'Doctor',
} as const;

/** A window that holds every seeded occurrence and lies inside the pair's sync window (-30d..+365d of 2026-11). */
export const RANGE = { start: '2026-12-01T00:00:00Z', end: '2027-07-01T00:00:00Z' } as const;

const at = (utc: string) => `${utc}:00Z`;

/**
 * US DST starts Sun 2027-03-14: 09:00 New York is 14:00Z before, 13:00Z after. The Mon 03-15 occurrence is
 * cancelled; the Wed 03-17 one is moved to Thu 03-18 11:00 New York (15:00Z) and renamed.
 */
const standup: ExpectedOccurrence[] = [
  ['2027-03-01T14:00', '2027-03-01T14:30'],
  ['2027-03-03T14:00', '2027-03-03T14:30'],
  ['2027-03-08T14:00', '2027-03-08T14:30'],
  ['2027-03-10T14:00', '2027-03-10T14:30'],
  ['2027-03-22T13:00', '2027-03-22T13:30'],
  ['2027-03-24T13:00', '2027-03-24T13:30'],
].map(([s, e]) => ({ summary: SUBJECTS.standup, start: at(s!), end: at(e!) }));

/** Outlook's day-31 rule falls back to the month's last day; CEST starts 2027-03-28 (16:00 Berlin = 14:00Z). */
const monthEnd: ExpectedOccurrence[] = [
  ['2027-01-31T15:00', '2027-01-31T16:00'],
  ['2027-02-28T15:00', '2027-02-28T16:00'],
  ['2027-03-31T14:00', '2027-03-31T15:00'],
  ['2027-04-30T14:00', '2027-04-30T15:00'],
  ['2027-05-31T14:00', '2027-05-31T15:00'],
  ['2027-06-30T14:00', '2027-06-30T15:00'],
].map(([s, e]) => ({ summary: SUBJECTS.monthEnd, start: at(s!), end: at(e!) }));

export const EXPECTED: readonly ExpectedOccurrence[] = [
  { summary: SUBJECTS.berlin, start: at('2026-12-10T13:00'), end: at('2026-12-10T14:00') },
  { summary: SUBJECTS.tokyo, start: at('2026-12-11T01:00'), end: at('2026-12-11T02:00') },
  { summary: SUBJECTS.offsite, start: '2026-12-21', end: '2026-12-24' },
  { summary: SUBJECTS.review, start: at('2026-12-15T10:00'), end: at('2026-12-15T11:00') },
  { summary: SUBJECTS.doctor, start: at('2026-12-16T17:00'), end: at('2026-12-16T18:00') },
  ...standup,
  { summary: SUBJECTS.standupMoved, start: at('2027-03-18T15:00'), end: at('2027-03-18T15:30') },
  ...monthEnd,
];

/** The series' occurrences that must not show up anywhere (the cancelled one, and the moved one's old slot). */
export const GONE = [at('2027-03-15T13:00'), at('2027-03-17T13:00')];

async function post(world: World, event: GraphEvent): Promise<GraphEvent> {
  const reply = await world.graph.call<GraphEvent>({ method: 'POST', url: `${calendarPath(world.graphRef)}/events`, headers: preferHeader(), body: event });
  return reply.body;
}

const wall = (dateTime: string, timeZone: string) => ({ dateTime, timeZone });

/** Writes the calendar as the Outlook user would (plain POST/PATCH/DELETE, no calbridge stamps). */
export async function seedOutlook(world: World): Promise<void> {
  const west = 'W. Europe Standard Time';
  await post(world, { subject: SUBJECTS.berlin, start: wall('2026-12-10T14:00:00', west), end: wall('2026-12-10T15:00:00', west) });
  await post(world, {
    subject: SUBJECTS.tokyo,
    start: wall('2026-12-11T10:00:00', 'Tokyo Standard Time'),
    end: wall('2026-12-11T11:00:00', 'Tokyo Standard Time'),
  });
  await post(world, { subject: SUBJECTS.offsite, isAllDay: true, start: wall('2026-12-21T00:00:00', west), end: wall('2026-12-24T00:00:00', west) });
  await post(world, {
    subject: SUBJECTS.review,
    start: wall('2026-12-15T10:00:00', 'GMT Standard Time'),
    end: wall('2026-12-15T11:00:00', 'GMT Standard Time'),
    body: { contentType: 'html', content: '<html><body><p>Agenda: <b>Q1 budget</b> &amp; hiring</p></body></html>' },
    attendees: [
      { type: 'required', emailAddress: { name: 'Bob Jones', address: 'bob@contoso.com' } },
      { type: 'optional', emailAddress: { name: 'Carol Smith', address: 'carol@fabrikam.com' } },
    ],
  });
  await post(world, { subject: SUBJECTS.doctor, sensitivity: 'private', start: wall('2026-12-16T18:00:00', west), end: wall('2026-12-16T19:00:00', west) });
  await seedSeries(world);
}

async function seedSeries(world: World): Promise<void> {
  const east = 'Eastern Standard Time';
  const series = await post(world, {
    subject: SUBJECTS.standup,
    start: wall('2027-03-01T09:00:00', east),
    end: wall('2027-03-01T09:30:00', east),
    recurrence: {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday'], firstDayOfWeek: 'sunday' },
      range: { type: 'numbered', startDate: '2027-03-01', numberOfOccurrences: 8, recurrenceTimeZone: east },
    },
  });
  const cancelled = await findOccurrence(world.graph, world.graphRef, series.id!, '2027-03-15T13:00:00Z');
  const moved = await findOccurrence(world.graph, world.graphRef, series.id!, '2027-03-17T13:00:00Z');
  assert.ok(cancelled?.id && moved?.id, 'the emulator lists the series occurrences to act on');
  await deleteEvent(world.graph, world.graphRef, cancelled.id);
  await patchEvent(world.graph, world.graphRef, moved.id, {
    subject: SUBJECTS.standupMoved,
    start: wall('2027-03-18T11:00:00', east),
    end: wall('2027-03-18T11:30:00', east),
  });
  const west = 'W. Europe Standard Time';
  await post(world, {
    subject: SUBJECTS.monthEnd,
    start: wall('2027-01-31T16:00:00', west),
    end: wall('2027-01-31T17:00:00', west),
    recurrence: {
      pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 },
      range: { type: 'numbered', startDate: '2027-01-31', numberOfOccurrences: 6, recurrenceTimeZone: west },
    },
  });
}

export function byStart(a: ExpectedOccurrence, b: ExpectedOccurrence): number {
  return a.start.localeCompare(b.start) || a.summary.localeCompare(b.summary);
}
