import assert from 'node:assert/strict';
import {
  EmptySeriesError,
  expandRule,
  formatRrule,
  graphToRule,
  GraphRecurrenceError,
  ruleToGraph,
} from '../../../src/convert/recurrence/index.js';
import type { GraphPatternedRecurrence, GraphRecurrencePattern, GraphRecurrenceRange } from '../../../src/graph/types.js';
import { localToEpochMs } from '../../../src/model/instant.js';
import type { EventTime } from '../../../src/model/time.js';
import { graphLocals, localOf } from './oracle.js';

const TZ = 'Europe/Berlin';
const WIN = 'W. Europe Standard Time';
const zoned = (local: string, tz = TZ): EventTime => ({ kind: 'zoned', local, tz });
const rec = (pattern: GraphRecurrencePattern, range: Partial<GraphRecurrenceRange> & { startDate: string }): GraphPatternedRecurrence => ({
  pattern,
  range: { type: 'noEnd', ...range },
});

interface Case {
  readonly name: string;
  readonly recurrence: GraphPatternedRecurrence;
  readonly start: string;
  readonly rrule: string;
  /** First occurrences, as published by Microsoft's docs or computed by hand. */
  readonly first?: readonly string[];
}

const CASES: readonly Case[] = [
  { name: 'daily every 3 days, 5 times', recurrence: rec({ type: 'daily', interval: 3 }, { type: 'numbered', startDate: '2025-03-28', numberOfOccurrences: 5 }), start: '2025-03-28T09:30:00', rrule: 'FREQ=DAILY;INTERVAL=3;COUNT=5', first: ['2025-03-28', '2025-03-31', '2025-04-03', '2025-04-06', '2025-04-09'] },
  { name: 'weekly every other Monday and Tuesday (doc example)', recurrence: rec({ type: 'weekly', interval: 2, daysOfWeek: ['monday', 'tuesday'] }, { startDate: '2025-03-03' }), start: '2025-03-03T08:00:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU;WKST=SU', first: ['2025-03-03', '2025-03-04', '2025-03-17', '2025-03-18'] },
  { name: 'weekly, week starting Monday, Sunday+Tuesday', recurrence: rec({ type: 'weekly', interval: 2, daysOfWeek: ['tuesday', 'sunday'], firstDayOfWeek: 'monday' }, { startDate: '2025-08-05' }), start: '2025-08-05T09:00:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,TU;WKST=MO', first: ['2025-08-05', '2025-08-10', '2025-08-19', '2025-08-24'] },
  { name: 'absoluteMonthly day 15 (doc example)', recurrence: rec({ type: 'absoluteMonthly', interval: 1, dayOfMonth: 15 }, { startDate: '2025-01-15' }), start: '2025-01-15T10:00:00', rrule: 'FREQ=MONTHLY;BYMONTHDAY=15' },
  { name: 'absoluteMonthly day 31 clamps', recurrence: rec({ type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 }, { startDate: '2024-01-31' }), start: '2024-01-31T10:00:00', rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1', first: ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30'] },
  { name: 'absoluteMonthly day 30 clamps', recurrence: rec({ type: 'absoluteMonthly', interval: 1, dayOfMonth: 30 }, { startDate: '2025-01-30' }), start: '2025-01-30T10:00:00', rrule: 'FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1', first: ['2025-01-30', '2025-02-28', '2025-03-30', '2025-04-30'] },
  { name: 'absoluteMonthly day 29 clamps', recurrence: rec({ type: 'absoluteMonthly', interval: 1, dayOfMonth: 29 }, { startDate: '2025-01-29' }), start: '2025-01-29T10:00:00', rrule: 'FREQ=MONTHLY;BYMONTHDAY=28,29;BYSETPOS=-1', first: ['2025-01-29', '2025-02-28', '2025-03-29'] },
  { name: 'relativeMonthly second Wednesday (doc example)', recurrence: rec({ type: 'relativeMonthly', interval: 1, daysOfWeek: ['wednesday'], index: 'second' }, { startDate: '2025-01-08' }), start: '2025-01-08T10:00:00', rrule: 'FREQ=MONTHLY;BYDAY=2WE', first: ['2025-01-08', '2025-02-12', '2025-03-12'] },
  { name: 'relativeMonthly first Thursday or Friday (doc example)', recurrence: rec({ type: 'relativeMonthly', interval: 1, daysOfWeek: ['thursday', 'friday'], index: 'first' }, { startDate: '2025-01-02' }), start: '2025-01-02T10:00:00', rrule: 'FREQ=MONTHLY;BYDAY=TH,FR;BYSETPOS=1', first: ['2025-01-02', '2025-02-06', '2025-03-06', '2025-04-03', '2025-05-01'] },
  { name: 'relativeMonthly last weekday', recurrence: rec({ type: 'relativeMonthly', interval: 1, daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], index: 'last' }, { startDate: '2025-01-31' }), start: '2025-01-31T17:00:00', rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', first: ['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-30'] },
  { name: 'relativeMonthly fourth Sunday every 3 months', recurrence: rec({ type: 'relativeMonthly', interval: 3, daysOfWeek: ['sunday'], index: 'fourth' }, { startDate: '2025-03-23' }), start: '2025-03-23T10:00:00', rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=4SU', first: ['2025-03-23', '2025-06-22', '2025-09-28'] },
  { name: 'absoluteYearly April 15 (doc example)', recurrence: rec({ type: 'absoluteYearly', interval: 1, dayOfMonth: 15, month: 4 }, { startDate: '2025-04-15' }), start: '2025-04-15T10:00:00', rrule: 'FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=15' },
  { name: 'absoluteYearly February 29 clamps', recurrence: rec({ type: 'absoluteYearly', interval: 1, dayOfMonth: 29, month: 2 }, { startDate: '2024-02-29' }), start: '2024-02-29T10:00:00', rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1', first: ['2024-02-29', '2025-02-28', '2026-02-28', '2027-02-28', '2028-02-29'] },
  { name: 'relativeYearly last Wednesday of November (doc example)', recurrence: rec({ type: 'relativeYearly', interval: 1, daysOfWeek: ['wednesday'], index: 'last', month: 11 }, { startDate: '2025-11-26' }), start: '2025-11-26T10:00:00', rrule: 'FREQ=YEARLY;BYMONTH=11;BYDAY=-1WE', first: ['2025-11-26', '2026-11-25', '2027-11-24'] },
  { name: 'relativeYearly first weekend day of March every 2 years', recurrence: rec({ type: 'relativeYearly', interval: 2, daysOfWeek: ['saturday', 'sunday'], index: 'first', month: 3 }, { startDate: '2025-03-01' }), start: '2025-03-01T10:00:00', rrule: 'FREQ=YEARLY;INTERVAL=2;BYMONTH=3;BYDAY=SU,SA;BYSETPOS=1', first: ['2025-03-01', '2027-03-06', '2029-03-03'] },
];

const WINDOW_END = Date.UTC(2031, 0, 1);

describe('convert/recurrence Graph patterns ⇄ RRULE', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      const start = zoned(c.start);
      it(`maps to ${c.rrule}`, () => {
        const out = graphToRule(c.recurrence, start, TZ);
        assert.equal(formatRrule(out.rule), c.rrule);
        assert.deepEqual(out.start, start);
        assert.deepEqual(out.warnings, []);
      });
      it('has the occurrences the emulator expands for the Graph pattern (and the published first ones)', () => {
        const out = graphToRule(c.recurrence, start, TZ);
        const mine = expandRule({ start: out.start, rule: out.rule, fromMs: 0, toMs: WINDOW_END }).map(localOf);
        assert.deepEqual(mine, graphLocals(c.recurrence, c.start, TZ, WINDOW_END));
        if (c.first) assert.deepEqual(mine.slice(0, c.first.length).map((l) => l.slice(0, 10)), c.first);
      });
      it('comes back from ruleToGraph as the same pattern', () => {
        const out = graphToRule(c.recurrence, start, TZ);
        const back = ruleToGraph(out.rule, out.start, TZ, WIN);
        assert.equal(back.kind, 'exact');
        if (back.kind !== 'exact') return;
        const want = { ...c.recurrence.pattern, firstDayOfWeek: c.recurrence.pattern.type === 'weekly' ? (c.recurrence.pattern.firstDayOfWeek ?? 'sunday') : undefined };
        const sortDays = (p: GraphRecurrencePattern): GraphRecurrencePattern => JSON.parse(JSON.stringify({ ...p, daysOfWeek: p.daysOfWeek && [...p.daysOfWeek].sort() }));
        assert.deepEqual(sortDays(back.recurrence.pattern), sortDays(want));
        assert.deepEqual(back.recurrence.range, { ...c.recurrence.range, recurrenceTimeZone: WIN });
      });
    });
  }

  it('turns endDate into a UTC UNTIL covering the whole last local day (doc: Mondays to 2017-12-31 end on Dec 25)', () => {
    const r = rec({ type: 'weekly', interval: 1, daysOfWeek: ['monday'] }, { type: 'endDate', startDate: '2017-09-04', endDate: '2017-12-31' });
    const out = graphToRule(r, zoned('2017-09-04T12:00:00', 'America/Los_Angeles'), 'America/Los_Angeles');
    assert.deepEqual(out.rule.until, { kind: 'zoned', local: '2018-01-01T07:59:59', tz: 'UTC' });
    const all = expandRule({ start: out.start, rule: out.rule, fromMs: 0, toMs: WINDOW_END }).map(localOf);
    assert.equal(all.at(-1), '2017-12-25T12:00:00');
    assert.equal(all.length, 17);
    const late = graphToRule(rec({ type: 'daily', interval: 1 }, { type: 'endDate', startDate: '2025-03-01', endDate: '2025-03-03' }), zoned('2025-03-01T23:30:00', 'Australia/Sydney'), 'Australia/Sydney');
    assert.deepEqual(expandRule({ start: late.start, rule: late.rule, fromMs: 0, toMs: WINDOW_END }).map(localOf), ['2025-03-01T23:30:00', '2025-03-02T23:30:00', '2025-03-03T23:30:00']);
  });

  it('writes a DATE UNTIL for all-day series and reads it back', () => {
    const r = rec({ type: 'weekly', interval: 1, daysOfWeek: ['friday'] }, { type: 'endDate', startDate: '2025-01-03', endDate: '2025-01-31' });
    const out = graphToRule(r, { kind: 'date', date: '2025-01-03' }, TZ);
    assert.equal(formatRrule(out.rule), 'FREQ=WEEKLY;UNTIL=20250131;BYDAY=FR;WKST=SU');
    const back = ruleToGraph(out.rule, out.start, TZ, WIN);
    assert.equal(back.kind === 'exact' && back.recurrence.range.endDate, '2025-01-31');
    assert.deepEqual(expandRule({ start: out.start, rule: out.rule, fromMs: 0, toMs: WINDOW_END, floatingTz: TZ }).map(localOf), ['2025-01-03', '2025-01-10', '2025-01-17', '2025-01-24', '2025-01-31']);
  });

  it('moves a start that is not an occurrence to the first one, counting the interval from there (doc: every other month from 2017-08-29)', () => {
    const r = rec({ type: 'relativeMonthly', interval: 2, daysOfWeek: ['thursday'], index: 'first' }, { startDate: '2017-08-29' });
    const out = graphToRule(r, zoned('2017-08-29T14:00:00', 'America/Los_Angeles'), 'America/Los_Angeles');
    assert.deepEqual(out.start, zoned('2017-09-07T14:00:00', 'America/Los_Angeles'));
    assert.equal(out.warnings.length, 1);
    assert.match(out.warnings[0]!, /2017-08-29T14:00:00 is not an occurrence.*2017-09-07T14:00:00/);
    const mine = expandRule({ start: out.start, rule: out.rule, fromMs: 0, toMs: Date.UTC(2018, 3, 1) }).map(localOf);
    assert.deepEqual(mine, ['2017-09-07T14:00:00', '2017-11-02T14:00:00', '2018-01-04T14:00:00', '2018-03-01T14:00:00']);
    assert.deepEqual(mine, graphLocals(r, '2017-08-29T14:00:00', 'America/Los_Angeles', Date.UTC(2018, 3, 1)));
  });

  it('keeps a numbered count after moving the start', () => {
    const r = rec({ type: 'weekly', interval: 1, daysOfWeek: ['friday'] }, { type: 'numbered', startDate: '2025-01-01', numberOfOccurrences: 3 });
    const out = graphToRule(r, zoned('2025-01-01T09:00:00'), TZ);
    assert.deepEqual(expandRule({ start: out.start, rule: out.rule, fromMs: 0, toMs: WINDOW_END }).map(localOf), ['2025-01-03T09:00:00', '2025-01-10T09:00:00', '2025-01-17T09:00:00']);
  });

  it('converts a start given in another zone into the series zone', () => {
    const r = rec({ type: 'daily', interval: 1 }, { type: 'numbered', startDate: '2025-06-02', numberOfOccurrences: 1 });
    assert.deepEqual(graphToRule(r, zoned('2025-06-02T07:00:00', 'UTC'), TZ).start, zoned('2025-06-02T09:00:00'));
  });

  it('rejects patterns Graph would refuse, naming the field', () => {
    const bad: [GraphPatternedRecurrence, string][] = [
      [rec({ type: 'weekly', interval: 1, daysOfWeek: [] }, { startDate: '2025-01-01' }), 'pattern.daysOfWeek'],
      [rec({ type: 'daily', interval: 0 }, { startDate: '2025-01-01' }), 'pattern.interval'],
      [rec({ type: 'absoluteMonthly', interval: 1, dayOfMonth: 32 }, { startDate: '2025-01-01' }), 'pattern.dayOfMonth'],
      [rec({ type: 'absoluteYearly', interval: 1, dayOfMonth: 1, month: 13 }, { startDate: '2025-01-01' }), 'pattern.month'],
      [rec({ type: 'daily', interval: 1 }, { type: 'numbered', startDate: '2025-01-01', numberOfOccurrences: 0 }), 'range.numberOfOccurrences'],
      [rec({ type: 'daily', interval: 1 }, { type: 'endDate', startDate: '2025-01-01', endDate: '31.12.2025' }), 'range.endDate'],
    ];
    for (const [r, field] of bad) {
      assert.throws(() => graphToRule(r, zoned('2025-01-01T09:00:00'), TZ), (e: unknown) => e instanceof GraphRecurrenceError && e.field === field);
    }
  });

  it('refuses a series that ends before its first occurrence', () => {
    const r = rec({ type: 'weekly', interval: 1, daysOfWeek: ['friday'] }, { type: 'endDate', startDate: '2025-01-01', endDate: '2025-01-02' });
    assert.throws(() => graphToRule(r, zoned('2025-01-01T09:00:00'), TZ), EmptySeriesError);
  });

  for (const day of [29, 30, 31]) {
    it(`absoluteMonthly day ${day} gives the clamped date in every month 2000-2040`, () => {
      const start = zoned(`2000-01-${day}T08:00:00`);
      const out = graphToRule(rec({ type: 'absoluteMonthly', interval: 1, dayOfMonth: day }, { startDate: `2000-01-${day}` }), start, TZ);
      const got = expandRule({ start: out.start, rule: out.rule, fromMs: 0, toMs: localToEpochMs('2041-01-01T00:00:00', TZ) }).map(localOf);
      const want: string[] = [];
      for (let y = 2000; y <= 2040; y += 1) {
        for (let m = 1; m <= 12; m += 1) {
          const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
          want.push(`${y}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}T08:00:00`);
        }
      }
      assert.deepEqual(got, want);
    });
  }

  it('absoluteYearly February 29 falls on February 28 outside leap years, 2000-2100', () => {
    const out = graphToRule(rec({ type: 'absoluteYearly', interval: 1, dayOfMonth: 29, month: 2 }, { startDate: '2000-02-29' }), zoned('2000-02-29T08:00:00'), TZ);
    const got = expandRule({ start: out.start, rule: out.rule, fromMs: 0, toMs: Date.UTC(2101, 0, 1) }).map((t) => localOf(t).slice(0, 10));
    const want = Array.from({ length: 101 }, (_, i) => 2000 + i).map((y) => `${y}-02-${new Date(Date.UTC(y, 2, 0)).getUTCDate()}`);
    assert.deepEqual(got, want);
  });
});
