import fc from 'fast-check';
import { expandRule } from '../../../src/convert/recurrence/index.js';
import {
  dateValue,
  eventTimeToEpochMs,
  localAsUtcMs,
  occurrenceKey,
  utcMsAsLocal,
  zoned,
  type Attendee,
  type CalendarItem,
  type EventFields,
  type EventOccurrence,
  type EventTime,
  type OccurrenceKey,
  type RecurrenceRule,
  type Weekday,
} from '../../../src/model/index.js';

/**
 * Model items as a CalDAV client's iCalendar carries them, over the space Graph can hold exactly:
 * zoned (zones with a Windows name) and all-day times, the RRULE spellings clients write for
 * Graph's six patterns × three ranges, DTSTART on an occurrence, overrides and EXDATEs, and the
 * fields Graph can write (no organizer, status or meeting URL: Graph makes those itself).
 */

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'UTC'] as const;
const DAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const DAY_MS = 86_400_000;

const text = (maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom('a', 'B', 'z', ' ', ',', ';', ':', '\\', '"', 'é', '€', '1', '-', '<', '&'), maxLength });
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'q', 'x', 'y'), minLength: 1, maxLength: 8 });

const attendees: fc.Arbitrary<Attendee[]> = fc.uniqueArray(
  fc.record({
    email: word.map((w) => `${w}@example.org`),
    name: fc.option(word.map((w) => `Person ${w}`), { nil: undefined }),
    role: fc.constantFrom('required', 'optional', 'resource') as fc.Arbitrary<Attendee['role']>,
    status: fc.constantFrom('needs-action', 'accepted', 'declined', 'tentative') as fc.Arbitrary<Attendee['status']>,
  }),
  { maxLength: 3, selector: (a) => a.email },
).map((list) => list.map((a) => (a.name === undefined ? { email: a.email, role: a.role, status: a.status } : (a as Attendee))));

export const fieldsArb: fc.Arbitrary<EventFields> = fc
  .record({
    summary: text(40),
    description: fc.array(text(30), { maxLength: 3 }).map((lines) => lines.join('\n')),
    location: fc.option(
      fc.record({
        displayName: word.map((w) => `Room ${w}`),
        geo: fc.option(fc.record({ latitude: fc.integer({ min: -89, max: 89 }), longitude: fc.integer({ min: -179, max: 179 }) }), { nil: undefined }),
      }),
      { nil: undefined },
    ),
    categories: fc.subarray(['Red category', 'Work', 'Travel']),
    busyStatus: fc.constantFrom('free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown') as fc.Arbitrary<EventFields['busyStatus']>,
    sensitivity: fc.constantFrom('normal', 'personal', 'private', 'confidential') as fc.Arbitrary<EventFields['sensitivity']>,
    importance: fc.constantFrom('low', 'normal', 'high') as fc.Arbitrary<EventFields['importance']>,
    reminder: fc.option(fc.constantFrom(5, 15, 30, 1440), { nil: undefined }),
    attendees,
  })
  .map((f) => ({
    summary: f.summary,
    description: f.description,
    locations: f.location ? [f.location.geo ? { displayName: f.location.displayName, geo: f.location.geo } : { displayName: f.location.displayName }] : [],
    categories: f.categories,
    busyStatus: f.busyStatus,
    sensitivity: f.sensitivity,
    importance: f.importance,
    ...(f.reminder !== undefined ? { reminderMinutesBefore: f.reminder } : {}),
    status: 'confirmed' as const,
    attendees: f.attendees,
  }));

const nth = fc.constantFrom(1, 2, 3, 4, -1);
const ruleArb: fc.Arbitrary<RecurrenceRule> = fc.oneof(
  fc.record({ freq: fc.constant('DAILY' as const), interval: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    freq: fc.constant('WEEKLY' as const),
    interval: fc.integer({ min: 1, max: 2 }),
    byDay: fc.subarray([...DAYS], { minLength: 1, maxLength: 3 }).map((ds) => ds.map((day) => ({ day }))),
    wkst: fc.constantFrom('MO', 'SU') as fc.Arbitrary<Weekday>,
  }),
  fc.record({ freq: fc.constant('MONTHLY' as const), interval: fc.integer({ min: 1, max: 2 }), byMonthDay: fc.integer({ min: 1, max: 28 }).map((d) => [d]) }),
  fc.record({ freq: fc.constant('MONTHLY' as const), interval: fc.constant(1), byDay: fc.tuple(fc.constantFrom(...DAYS), nth).map(([day, n]) => [{ day, nth: n }]) }),
  fc.record({ freq: fc.constant('YEARLY' as const), interval: fc.constant(1), byMonth: fc.integer({ min: 1, max: 12 }).map((m) => [m]), byMonthDay: fc.integer({ min: 1, max: 28 }).map((d) => [d]) }),
  fc.record({
    freq: fc.constant('YEARLY' as const),
    interval: fc.constant(1),
    byMonth: fc.integer({ min: 1, max: 12 }).map((m) => [m]),
    byDay: fc.tuple(fc.constantFrom(...DAYS), nth).map(([day, n]) => [{ day, nth: n }]),
  }),
);

type RangeShape = { kind: 'none' } | { kind: 'count'; count: number } | { kind: 'until'; days: number };
const rangeArb: fc.Arbitrary<RangeShape> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('count' as const), count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('until' as const), days: fc.integer({ min: 0, max: 700 }) }),
);

export interface GeneratedItem {
  readonly item: CalendarItem;
  /** Zone that all-day dates are placed in for expansion (UTC: calbridge's default floating zone). */
  readonly zone: string;
}

const addDays = (date: string, days: number): string => utcMsAsLocal(localAsUtcMs(`${date}T00:00:00`) + days * DAY_MS).slice(0, 10);

function shift(t: EventTime, ms: number): EventTime {
  return t.kind === 'zoned' ? zoned(utcMsAsLocal(localAsUtcMs(t.local) + ms), t.tz) : t;
}

export const modelItemArb: fc.Arbitrary<GeneratedItem | undefined> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    allDay: fc.boolean(),
    dayOffset: fc.integer({ min: 0, max: 1000 }),
    minuteOfDay: fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
    durationMinutes: fc.integer({ min: 1, max: 12 }).map((q) => q * 15),
    fields: fieldsArb,
    series: fc.option(fc.record({ rule: ruleArb, range: rangeArb, roles: fc.array(fc.constantFrom('plain', 'plain', 'cancelled', 'override'), { maxLength: 12 }) }), { nil: undefined, freq: 4 }),
    overrideSummary: text(20),
  })
  .map((g): GeneratedItem | undefined => {
    const date = addDays('2024-01-01', g.dayOffset);
    const time = utcMsAsLocal(g.minuteOfDay * 60_000).slice(11);
    const seed: EventTime = g.allDay ? dateValue(date) : zoned(`${date}T${time}`, g.zone);
    const zone = g.allDay ? 'UTC' : g.zone;
    const uid = 'roundtrip-ics';
    const endOf = (start: EventTime): EventTime =>
      start.kind === 'date' ? dateValue(addDays(start.date, 1)) : shift(start, g.durationMinutes * 60_000);
    if (!g.series) return { item: { kind: 'single', uid, event: { ...g.fields, start: seed, end: endOf(seed) } }, zone };
    const seedMs = eventTimeToEpochMs(seed, zone);
    // DTSTART on the rule's first occurrence after the seed (Graph has no instance outside the pattern).
    const start = expandRule({ start: seed, rule: g.series.rule, fromMs: seedMs + 1, toMs: seedMs + 3 * 366 * DAY_MS, floatingTz: zone, limit: 1 })[0];
    if (!start) return undefined;
    const startMs = eventTimeToEpochMs(start, zone);
    const r = g.series.range;
    const until: EventTime | undefined =
      r.kind !== 'until' ? undefined : start.kind === 'date' ? dateValue(addDays(start.date, r.days)) : zoned(utcMsAsLocal(startMs + r.days * DAY_MS + 3_600_000), 'UTC');
    const rule: RecurrenceRule = { ...g.series.rule, ...(r.kind === 'count' ? { count: r.count } : {}), ...(until ? { until } : {}) };
    const master: EventOccurrence = { ...g.fields, start, end: endOf(start) };
    const occurrences = expandRule({ start, rule, fromMs: startMs, toMs: startMs + 5 * 366 * DAY_MS, floatingTz: zone, limit: g.series.roles.length + 2 });
    const overrides: Record<OccurrenceKey, EventOccurrence> = {};
    const cancelled: OccurrenceKey[] = [];
    // The first occurrence is the master itself, and the last two stay plain (they close the window later).
    occurrences.slice(1, -2).forEach((o, i) => {
      const role = g.series!.roles[i];
      const key = occurrenceKey(o);
      if (role === 'cancelled') cancelled.push(key);
      if (role === 'override') {
        // Half an hour later, or earlier near midnight: an occurrence stays on its day in Graph.
        const late = o.kind === 'zoned' && o.local.slice(11) >= '23:00:00';
        const moved = shift(o, (late ? -30 : 30) * 60_000);
        overrides[key] = { ...master, summary: `${g.overrideSummary} (changed)`, start: moved, end: endOf(moved) };
      }
    });
    return { item: { kind: 'series', uid, master, rule, overrides, cancelled: cancelled.sort() }, zone };
  });
