import fc from 'fast-check';
import { resolveGraphZone } from '../../../src/convert/timezones/index.js';
import { expandRecurrence, validateRecurrence } from '../../../src/emulator/recurrence/index.js';
import type {
  GraphAttendee,
  GraphDayOfWeek,
  GraphEvent,
  GraphPatternedRecurrence,
  GraphRecurrencePattern,
  GraphRecurrenceRange,
} from '../../../src/graph/types.js';
import { convertLocal, localAsUtcMs, utcMsAsLocal } from '../../../src/model/index.js';

/**
 * Graph events as Graph returns them (times in the event's own zone, as with a Prefer header for it),
 * over the space calbridge claims to represent exactly: single/all-day/series of each pattern type ×
 * range type, Windows and IANA zone names, every mapped writable field. Series masters start on the
 * first real occurrence, as Graph stores them, while range.startDate may lie before it.
 */

/** Windows names, and IANA names Graph also accepts. */
export const ZONES = [
  'W. Europe Standard Time',
  'Pacific Standard Time',
  'Eastern Standard Time',
  'India Standard Time',
  'AUS Eastern Standard Time',
  'Tokyo Standard Time',
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Sydney',
  'America/Sao_Paulo',
] as const;

export function ianaOf(graphZone: string): string {
  const z = resolveGraphZone(graphZone);
  if (z.kind !== 'iana') throw new Error(`test zone ${graphZone} does not resolve`);
  return z.tz;
}

const DAYS: readonly GraphDayOfWeek[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_MS = 86_400_000;

/** Text with the characters iCalendar must escape and some non-ASCII. */
const text = (maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom('a', 'B', 'z', ' ', ',', ';', ':', '\\', '"', 'é', '€', '1', '-'), maxLength });
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'q', 'x', 'y', 'Z'), minLength: 1, maxLength: 8 });

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const body = fc.oneof(
  fc.constant(undefined),
  fc.array(text(30), { minLength: 1, maxLength: 3 }).map((lines) => ({ contentType: 'text' as const, content: lines.join('\n') })),
  fc.array(text(30), { minLength: 1, maxLength: 3 }).map((paras) => ({
    contentType: 'html' as const,
    content: `<html><head></head><body>${paras.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</body></html>`,
  })),
);

const location = fc.oneof(
  fc.constant(undefined),
  fc.record({
    displayName: word.map((w) => `Room ${w}`),
    coordinates: fc.option(
      fc.record({
        latitude: fc.integer({ min: -890000, max: 890000 }).map((n) => n / 10000),
        longitude: fc.integer({ min: -1790000, max: 1790000 }).map((n) => n / 10000),
      }),
      { nil: undefined },
    ),
  }),
);

const attendees = fc.uniqueArray(
  fc.record({
    local: word,
    name: fc.option(word.map((w) => `Person ${w}`), { nil: undefined }),
    type: fc.constantFrom('required', 'optional', 'resource') as fc.Arbitrary<GraphAttendee['type']>,
    // The responses with a model counterpart both ways ('notResponded' and 'organizer' fold into others).
    response: fc.constantFrom('none', 'accepted', 'declined', 'tentativelyAccepted') as fc.Arbitrary<'none'>,
  }),
  { maxLength: 3, selector: (a) => a.local.toLowerCase() },
).map((list) =>
  list.map(
    (a): GraphAttendee => ({
      type: a.type,
      status: { response: a.response },
      emailAddress: { address: `${a.local}@example.org`, ...(a.name ? { name: a.name } : {}) },
    }),
  ),
);

/** The writable fields calbridge maps. */
export const graphFieldsArb: fc.Arbitrary<GraphEvent> = fc
  .record({
    subject: text(40),
    body,
    location,
    categories: fc.subarray(['Red category', 'Blue category', 'Work']),
    showAs: fc.constantFrom('free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown') as fc.Arbitrary<GraphEvent['showAs']>,
    sensitivity: fc.constantFrom('normal', 'personal', 'private', 'confidential') as fc.Arbitrary<GraphEvent['sensitivity']>,
    importance: fc.constantFrom('low', 'normal', 'high') as fc.Arbitrary<GraphEvent['importance']>,
    reminder: fc.option(fc.constantFrom(0, 5, 15, 60, 1440, 10080), { nil: undefined }),
    attendees,
  })
  .map((f) => {
    const e: GraphEvent = {
      subject: f.subject,
      categories: f.categories,
      showAs: f.showAs,
      sensitivity: f.sensitivity,
      importance: f.importance,
      attendees: f.attendees,
      isReminderOn: f.reminder !== undefined,
      ...(f.reminder !== undefined ? { reminderMinutesBeforeStart: f.reminder } : {}),
    };
    if (f.body) e.body = f.body;
    if (f.location) e.location = f.location;
    return e;
  });

const pattern: fc.Arbitrary<GraphRecurrencePattern> = fc.oneof(
  fc.record({ type: fc.constant('daily' as const), interval: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    type: fc.constant('weekly' as const),
    interval: fc.integer({ min: 1, max: 3 }),
    daysOfWeek: fc.subarray([...DAYS], { minLength: 1 }),
    firstDayOfWeek: fc.constantFrom('sunday', 'monday') as fc.Arbitrary<GraphDayOfWeek>,
  }),
  fc.record({ type: fc.constant('absoluteMonthly' as const), interval: fc.integer({ min: 1, max: 3 }), dayOfMonth: fc.integer({ min: 1, max: 31 }) }),
  fc.record({
    type: fc.constant('relativeMonthly' as const),
    interval: fc.integer({ min: 1, max: 3 }),
    daysOfWeek: fc.subarray([...DAYS], { minLength: 1, maxLength: 2 }),
    index: fc.constantFrom('first', 'second', 'third', 'fourth', 'last') as fc.Arbitrary<GraphRecurrencePattern['index']>,
  }),
  fc.record({
    type: fc.constant('absoluteYearly' as const),
    interval: fc.integer({ min: 1, max: 2 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayOfMonth: fc.integer({ min: 1, max: 31 }),
  }),
  fc.record({
    type: fc.constant('relativeYearly' as const),
    interval: fc.integer({ min: 1, max: 2 }),
    month: fc.integer({ min: 1, max: 12 }),
    daysOfWeek: fc.subarray([...DAYS], { minLength: 1, maxLength: 2 }),
    index: fc.constantFrom('first', 'second', 'third', 'fourth', 'last') as fc.Arbitrary<GraphRecurrencePattern['index']>,
  }),
);

type RangeShape = { type: 'noEnd' } | { type: 'endDate'; days: number } | { type: 'numbered'; count: number };
const rangeShape: fc.Arbitrary<RangeShape> = fc.oneof(
  fc.constant({ type: 'noEnd' as const }),
  fc.record({ type: fc.constant('endDate' as const), days: fc.integer({ min: 0, max: 800 }) }),
  fc.record({ type: fc.constant('numbered' as const), count: fc.integer({ min: 1, max: 25 }) }),
);

export interface GeneratedEvent {
  readonly event: GraphEvent;
  /** IANA zone of the event (and of its series). */
  readonly tz: string;
}

/** A first occurrence the emulator's engine agrees exists; undefined when the range holds none. */
function firstOccurrence(recurrence: GraphPatternedRecurrence, startLocal: string, tz: string): string | undefined {
  return expandRecurrence({ recurrence, startLocal, durationMs: 0, seriesTz: tz, limit: 1 })[0]?.originalStartLocal;
}

export const graphEventArb: fc.Arbitrary<GeneratedEvent | undefined> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    allDay: fc.boolean(),
    // The zone Graph answers in: the event's own (Prefer header for it), UTC (no Prefer) or another Prefer zone.
    answeredIn: fc.constantFrom('own', 'UTC', 'Pacific Standard Time', 'Tokyo Standard Time'),
    dayOffset: fc.integer({ min: 0, max: 1500 }),
    minuteOfDay: fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
    durationMinutes: fc.integer({ min: 1, max: 16 }).map((q) => q * 15),
    allDayDays: fc.integer({ min: 1, max: 3 }),
    fields: graphFieldsArb,
    recurrence: fc.option(fc.record({ pattern, range: rangeShape }), { nil: undefined, freq: 3 }),
  })
  .map((g): GeneratedEvent | undefined => {
    const tz = ianaOf(g.zone);
    const date = utcMsAsLocal(Date.UTC(2024, 0, 1) + g.dayOffset * DAY_MS).slice(0, 10);
    const time = g.allDay ? '00:00:00' : utcMsAsLocal(g.minuteOfDay * 60_000).slice(11);
    let startLocal = `${date}T${time}`;
    let recurrence: GraphPatternedRecurrence | undefined;
    if (g.recurrence) {
      const r = g.recurrence.range;
      const range: GraphRecurrenceRange =
        r.type === 'noEnd'
          ? { type: 'noEnd', startDate: date, recurrenceTimeZone: g.zone }
          : r.type === 'endDate'
            ? { type: 'endDate', startDate: date, endDate: utcMsAsLocal(localAsUtcMs(`${date}T00:00:00`) + r.days * DAY_MS).slice(0, 10), recurrenceTimeZone: g.zone }
            : { type: 'numbered', startDate: date, numberOfOccurrences: r.count, recurrenceTimeZone: g.zone };
      try {
        recurrence = validateRecurrence({ pattern: g.recurrence.pattern, range }, g.zone);
      } catch {
        return undefined; // Graph would answer 400 (e.g. February 30th)
      }
      const first = firstOccurrence(recurrence, startLocal, tz);
      if (!first) return undefined;
      startLocal = first;
    }
    const startMs = localAsUtcMs(startLocal);
    const endLocal = utcMsAsLocal(g.allDay ? startMs + g.allDayDays * DAY_MS : startMs + g.durationMinutes * 60_000);
    const answerZone = g.answeredIn === 'own' ? g.zone : g.answeredIn;
    // All-day values come back midnight to midnight in any zone; timed ones as that zone's wall clock.
    const answer = (local: string): { dateTime: string; timeZone: string } => ({
      dateTime: `${g.allDay ? local : convertLocal(local, tz, ianaOf(answerZone))}.0000000`,
      timeZone: answerZone,
    });
    const event: GraphEvent = {
      iCalUId: 'roundtrip-uid',
      type: recurrence ? 'seriesMaster' : 'singleInstance',
      ...g.fields,
      isAllDay: g.allDay,
      originalStartTimeZone: g.zone,
      originalEndTimeZone: g.zone,
      start: answer(startLocal),
      end: answer(endLocal),
      ...(recurrence ? { recurrence } : {}),
    };
    return { event, tz };
  });
