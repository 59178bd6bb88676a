import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ruleToGraph } from '../../../src/convert/recurrence/index.js';
import type { RecurrenceRule } from '../../../src/model/recurrence.js';
import { WEEKDAYS, type EventTime } from '../../../src/model/time.js';
import { modelItemArb } from '../roundtrip/model-arbitraries.js';
import { ruleToGraphBefore } from './rule-to-graph-before.js';

/**
 * ruleToGraph must answer exactly as before its helpers were rewritten without intermediate arrays,
 * sets and callbacks and before DTSTART's own days were recognised without firstMatch: the same
 * pattern, range and reason for any rule, also ones Graph cannot hold (ordinals, several
 * BYMONTH/BYMONTHDAY values, odd INTERVALs, time parts, UNTIL before DTSTART).
 */

const weekday = fc.constantFrom(...WEEKDAYS);
const nth = fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined });
/** Mostly one value, as clients write them; sometimes none or several. */
const list = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T[]> =>
  fc.oneof({ arbitrary: a.map((x) => [x]), weight: 3 }, { arbitrary: fc.array(a, { maxLength: 4 }), weight: 2 });
const date = fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const time = fc.constantFrom('00:00:00', '09:30:00', '23:15:00');
const zone = fc.constantFrom('Europe/Berlin', 'America/New_York', 'UTC');

/** Present in about one rule in `oneIn`. */
const sometimes = <T>(a: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: a, weight: 1 }, { arbitrary: fc.constant(undefined), weight: oneIn - 1 });

const rule: fc.Arbitrary<RecurrenceRule> = fc
  .record({
    freq: fc.constantFrom('DAILY', 'WEEKLY', 'WEEKLY', 'MONTHLY', 'MONTHLY', 'YEARLY', 'YEARLY', 'HOURLY') as fc.Arbitrary<RecurrenceRule['freq']>,
    interval: fc.constantFrom(1, 1, 2, 3, 5, 7, 12),
    count: sometimes(fc.integer({ min: 1, max: 30 }), 2),
    until: sometimes(fc.oneof(date.map((d): EventTime => ({ kind: 'date', date: d })), date.map((d): EventTime => ({ kind: 'zoned', local: `${d}T12:00:00`, tz: 'UTC' }))), 3),
    byDay: sometimes(list(fc.record({ day: weekday, nth }).map((d) => (d.nth === undefined ? { day: d.day } : d))), 2),
    byMonthDay: sometimes(list(fc.oneof(fc.constantFrom(-1, 1, 15, 28, 29, 30, 31), fc.integer({ min: -31, max: 31 }))), 3),
    byMonth: sometimes(list(fc.integer({ min: 1, max: 12 })), 3),
    bySetPos: sometimes(list(fc.constantFrom(1, 2, 4, 5, -1, -2)), 4),
    byYearDay: sometimes(list(fc.integer({ min: 1, max: 366 })), 20),
    byWeekNo: sometimes(list(fc.integer({ min: 1, max: 53 })), 20),
    byHour: sometimes(list(fc.constantFrom(0, 9, 23)), 10),
    byMinute: sometimes(list(fc.constantFrom(0, 15, 30)), 10),
    wkst: sometimes(weekday, 2),
  })
  // Absent parts are left out, as the parser leaves them out.
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as unknown as RecurrenceRule);

const start: fc.Arbitrary<EventTime> = fc.oneof(
  date.map((d): EventTime => ({ kind: 'date', date: d })),
  fc.tuple(date, time, zone).map(([d, t, tz]): EventTime => ({ kind: 'zoned', local: `${d}T${t}`, tz })),
);

/** Rules built around their start: its weekday among BYDAY, its day and month as BYMONTHDAY and BYMONTH, or others. */
const alignedRule: fc.Arbitrary<[RecurrenceRule, EventTime]> = fc
  .tuple(rule, start, fc.boolean(), fc.boolean(), fc.boolean())
  .map(([r, s, withDay, withMonthDay, withMonth]) => {
    const date = s.kind === 'date' ? s.date : s.local.slice(0, 10);
    const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
    const aligned: RecurrenceRule = {
      ...r,
      ...(withDay ? { byDay: [...(r.byDay ?? []), { day: weekday }] } : {}),
      ...(withMonthDay ? { byMonthDay: [Number(date.slice(8, 10))] } : {}),
      ...(withMonth ? { byMonth: [Number(date.slice(5, 7))] } : {}),
    };
    return [aligned, s];
  });

/** The result, or the error's message (rrule refuses some odd INTERVALs). */
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    return `throws ${(e as Error).message}`;
  }
}

function sameAsBefore(r: RecurrenceRule, s: EventTime, seriesTz: string): void {
  const now = outcome(() => ruleToGraph(r, s, seriesTz, 'W. Europe Standard Time'));
  const before = outcome(() => ruleToGraphBefore(r, s, seriesTz, 'W. Europe Standard Time'));
  assert.deepEqual(now, before);
  assert.equal(JSON.stringify(now), JSON.stringify(before), 'key order');
}

describe('convert/recurrence ruleToGraph differential', () => {
  it('gives what the former helpers gave, for any rule and start', () => {
    fc.assert(fc.property(rule, start, zone, sameAsBefore), { numRuns: 3000 });
  });

  it('gives what the former helpers gave for rules built around their start (DTSTART often an occurrence)', () => {
    fc.assert(fc.property(alignedRule, zone, ([r, s], seriesTz) => sameAsBefore(r, s, seriesTz)), { numRuns: 3000 });
  });

  it('leaves rules the walker does not take (INTERVAL 0 or fractional) to firstMatch, as before', () => {
    // Not in the arbitraries: rrule can search for such rules' occurrences for a very long time.
    const s: EventTime = { kind: 'zoned', local: '2025-03-12T10:00:00', tz: 'UTC' };
    for (const interval of [0, 1.5]) {
      for (const freq of ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const) sameAsBefore({ freq, interval }, s, 'UTC');
    }
  });

  it('gives what the former helpers gave for the series Graph can hold (every pattern, DTSTART on an occurrence)', () => {
    fc.assert(
      fc.property(modelItemArb, (g) => {
        if (g?.item.kind !== 'series') return;
        const s = g.item.master.start;
        sameAsBefore(g.item.rule, s, s.kind === 'zoned' ? s.tz : 'UTC');
      }),
      { numRuns: 1500 },
    );
  });
});
