import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { GraphDayOfWeek, GraphRecurrencePattern, GraphWeekIndex } from '../../../src/graph/types.js';
import { occurrenceDays, formatDate, validateRecurrence } from '../../../src/emulator/recurrence/index.js';

/**
 * The generator steps through periods; this oracle instead walks every calendar day (with JS
 * Date, not the engine's date code) and asks whether that day is an occurrence under the same
 * rules (graph-api.md §4.1/§4.3, recurrencepattern.md, the first-occurrence anchor of
 * outlook-schedule-recurring-events.md / MS-OXOCAL 2.2.1.44.1.1).
 */

const DAY = 86_400_000;
const DAYS: readonly GraphDayOfWeek[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const INDEXES: readonly GraphWeekIndex[] = ['first', 'second', 'third', 'fourth', 'last'];

interface Day {
  readonly ms: number;
  readonly y: number;
  /** 1-12 */
  readonly m: number;
  readonly d: number;
  /** 0 = Sunday */
  readonly wd: number;
}

function toDay(ms: number): Day {
  const t = new Date(ms);
  return { ms, y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), wd: t.getUTCDay() };
}

const monthLength = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Is `day` the index-th day (or the last) of its month whose weekday is in `set`? */
function isRelative(day: Day, set: ReadonlySet<number>, index: GraphWeekIndex): boolean {
  if (!set.has(day.wd)) return false;
  let before = 0;
  let after = 0;
  for (let d = 1; d <= monthLength(day.y, day.m); d++) {
    if (d === day.d || !set.has(new Date(Date.UTC(day.y, day.m - 1, d)).getUTCDay())) continue;
    if (d < day.d) before++;
    else after++;
  }
  return index === 'last' ? after === 0 : before === INDEXES.indexOf(index);
}

function matchesDay(p: GraphRecurrencePattern, day: Day): boolean {
  const set = new Set((p.daysOfWeek ?? []).map((d) => DAYS.indexOf(d)));
  const dom = p.dayOfMonth ?? 0;
  switch (p.type) {
    case 'daily':
      return true;
    case 'weekly':
      return set.has(day.wd);
    case 'absoluteMonthly':
      return day.d === Math.min(dom, monthLength(day.y, day.m));
    case 'relativeMonthly':
      return isRelative(day, set, p.index ?? 'first');
    case 'absoluteYearly':
      return day.m === p.month && day.d === Math.min(dom, monthLength(day.y, day.m));
    case 'relativeYearly':
      return day.m === p.month && isRelative(day, set, p.index ?? 'first');
  }
}

function periodsBetween(p: GraphRecurrencePattern, a: Day, b: Day): number {
  switch (p.type) {
    case 'daily':
      return Math.round((b.ms - a.ms) / DAY);
    case 'weekly': {
      const fdow = DAYS.indexOf(p.firstDayOfWeek ?? 'sunday');
      const weekStart = (x: Day): number => x.ms - ((x.wd - fdow + 7) % 7) * DAY;
      return Math.round((weekStart(b) - weekStart(a)) / (7 * DAY));
    }
    case 'absoluteMonthly':
    case 'relativeMonthly':
      return (b.y - a.y) * 12 + (b.m - a.m);
    default:
      return b.y - a.y;
  }
}

function oracle(p: GraphRecurrencePattern, startMs: number, count: number): string[] {
  const out: string[] = [];
  let first: Day | undefined;
  for (let ms = startMs; out.length < count; ms += DAY) {
    const day = toDay(ms);
    if (!matchesDay(p, day)) continue;
    first ??= day;
    if (periodsBetween(p, first, day) % p.interval === 0) out.push(new Date(ms).toISOString().slice(0, 10));
  }
  return out;
}

const patternArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ type: fc.constant('daily'), interval: fc.integer({ min: 1, max: 10 }) }),
  fc.record({
    type: fc.constant('weekly'),
    interval: fc.integer({ min: 1, max: 4 }),
    daysOfWeek: fc.uniqueArray(fc.constantFrom(...DAYS), { minLength: 1, maxLength: 7 }),
    firstDayOfWeek: fc.constantFrom(...DAYS),
  }),
  fc.record({
    type: fc.constant('absoluteMonthly'),
    interval: fc.integer({ min: 1, max: 6 }),
    dayOfMonth: fc.integer({ min: 1, max: 31 }),
  }),
  fc.record({
    type: fc.constant('relativeMonthly'),
    interval: fc.integer({ min: 1, max: 6 }),
    daysOfWeek: fc.uniqueArray(fc.constantFrom(...DAYS), { minLength: 1, maxLength: 7 }),
    index: fc.constantFrom(...INDEXES),
  }),
  fc.record({
    type: fc.constant('absoluteYearly'),
    interval: fc.integer({ min: 1, max: 3 }),
    dayOfMonth: fc.integer({ min: 1, max: 31 }),
    month: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({
    type: fc.constant('relativeYearly'),
    interval: fc.integer({ min: 1, max: 3 }),
    daysOfWeek: fc.uniqueArray(fc.constantFrom(...DAYS), { minLength: 1, maxLength: 7 }),
    index: fc.constantFrom(...INDEXES),
    month: fc.integer({ min: 1, max: 12 }),
  }),
);

describe('occurrenceDays agrees with a day-by-day oracle', () => {
  it('for random patterns, start dates and counts (numbered ranges)', () => {
    fc.assert(
      fc.property(
        patternArb,
        fc.integer({ min: Date.UTC(1990, 0, 1) / DAY, max: Date.UTC(2040, 0, 1) / DAY }),
        fc.integer({ min: 1, max: 10 }),
        (pattern, startDay, count) => {
          const startDate = new Date(startDay * DAY).toISOString().slice(0, 10);
          const recurrence = validateRecurrence(
            { pattern, range: { type: 'numbered', startDate, numberOfOccurrences: count } },
            'UTC',
          );
          const actual = [...occurrenceDays(recurrence)].map(formatDate);
          assert.deepEqual(actual, oracle(recurrence.pattern, startDay * DAY, count));
        },
      ),
      { numRuns: 300 },
    );
  });
});
