import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EmptySeriesError, expandRule, graphToRule, ruleToGraph } from '../../../src/convert/recurrence/index.js';
import type { GraphDayOfWeek, GraphPatternedRecurrence, GraphRecurrencePattern, GraphRecurrenceRange, GraphWeekIndex } from '../../../src/graph/types.js';
import { localToEpochMs } from '../../../src/model/instant.js';
import { graphLocals, localOf } from './oracle.js';

const ZONES: Readonly<Record<string, string>> = {
  'Europe/Berlin': 'W. Europe Standard Time',
  'America/New_York': 'Eastern Standard Time',
  'Australia/Sydney': 'AUS Eastern Standard Time',
  'America/Santiago': 'Pacific SA Standard Time',
  'Asia/Kolkata': 'India Standard Time',
  UTC: 'UTC',
};
const DAYS: readonly GraphDayOfWeek[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const INDEXES: readonly GraphWeekIndex[] = ['first', 'second', 'third', 'fourth', 'last'];
const MAX_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const days = fc.uniqueArray(fc.constantFrom(...DAYS), { minLength: 1, maxLength: 7 });
const interval = fc.integer({ min: 1, max: 4 });
const pattern: fc.Arbitrary<GraphRecurrencePattern> = fc.oneof(
  fc.record({ type: fc.constant('daily' as const), interval }),
  fc.record({ type: fc.constant('weekly' as const), interval, daysOfWeek: days, firstDayOfWeek: fc.constantFrom(...DAYS) }, { requiredKeys: ['type', 'interval', 'daysOfWeek'] }),
  fc.record({ type: fc.constant('absoluteMonthly' as const), interval, dayOfMonth: fc.integer({ min: 1, max: 31 }) }),
  fc.record({ type: fc.constant('relativeMonthly' as const), interval, daysOfWeek: days, index: fc.constantFrom(...INDEXES) }, { requiredKeys: ['type', 'interval', 'daysOfWeek'] }),
  fc.integer({ min: 1, max: 12 }).chain((month) =>
    fc.record({ type: fc.constant('absoluteYearly' as const), interval, month: fc.constant(month), dayOfMonth: fc.integer({ min: 1, max: MAX_DAY[month - 1]! }) })),
  fc.record({ type: fc.constant('relativeYearly' as const), interval, daysOfWeek: days, index: fc.constantFrom(...INDEXES), month: fc.integer({ min: 1, max: 12 }) }),
);
const startDate = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const series = fc.record({
  pattern,
  startDate,
  range: fc.oneof(
    fc.constant({ type: 'noEnd' as const }),
    fc.integer({ min: 1, max: 25 }).map((n) => ({ type: 'numbered' as const, numberOfOccurrences: n })),
    fc.integer({ min: 0, max: 900 }).map((d) => ({ type: 'endDate' as const, days: d })),
  ),
  time: fc.constantFrom('09:00:00', '02:30:00', '00:00:00', '23:45:00', '13:10:00'),
  tz: fc.constantFrom(...Object.keys(ZONES)),
});

type Series = typeof series extends fc.Arbitrary<infer T> ? T : never;

function recurrenceOf(s: Series): GraphPatternedRecurrence {
  const range: GraphRecurrenceRange = s.range.type === 'endDate'
    ? { type: 'endDate', startDate: s.startDate, endDate: new Date(Date.parse(s.startDate) + s.range.days * 86_400_000).toISOString().slice(0, 10) }
    : { ...s.range, startDate: s.startDate };
  return { pattern: s.pattern, range };
}

/** What ruleToGraph writes for an input pattern: only the fields the type uses, defaults filled, days in Graph's order. */
function normalised(p: GraphRecurrencePattern): GraphRecurrencePattern {
  const sorted = DAYS.filter((d) => p.daysOfWeek?.includes(d));
  switch (p.type) {
    case 'daily':
      return { type: p.type, interval: p.interval };
    case 'weekly':
      return { type: p.type, interval: p.interval, daysOfWeek: sorted, firstDayOfWeek: p.firstDayOfWeek ?? 'sunday' };
    case 'absoluteMonthly':
      return { type: p.type, interval: p.interval, dayOfMonth: p.dayOfMonth! };
    case 'relativeMonthly':
      return { type: p.type, interval: p.interval, daysOfWeek: sorted, index: p.index ?? 'first' };
    case 'absoluteYearly':
      return { type: p.type, interval: p.interval, dayOfMonth: p.dayOfMonth!, month: p.month! };
    case 'relativeYearly':
      return { type: p.type, interval: p.interval, daysOfWeek: sorted, index: p.index ?? 'first', month: p.month! };
  }
}

function convert(s: Series): ReturnType<typeof graphToRule> | undefined {
  try {
    return graphToRule(recurrenceOf(s), { kind: 'zoned', local: `${s.startDate}T${s.time}`, tz: s.tz }, s.tz);
  } catch (e) {
    if (e instanceof EmptySeriesError) return undefined;
    throw e;
  }
}

describe('convert/recurrence Graph pattern properties (fast-check)', function () {
  this.timeout(120_000);

  it('graph → rule → graph gives back the normalised pattern and range (startDate = first occurrence)', () => {
    fc.assert(
      fc.property(series, (s) => {
        const out = convert(s);
        fc.pre(out !== undefined);
        const back = ruleToGraph(out!.rule, out!.start, s.tz, ZONES[s.tz]!);
        assert.equal(back.kind, 'exact', back.kind === 'unrepresentable' ? back.reason : '');
        if (back.kind !== 'exact') return;
        const input = recurrenceOf(s);
        assert.deepEqual(back.recurrence.pattern, normalised(input.pattern));
        assert.deepEqual(back.recurrence.range, { ...input.range, startDate: localOf(out!.start).slice(0, 10), recurrenceTimeZone: ZONES[s.tz] });
      }),
      { numRuns: 300 },
    );
  });

  it("the rule's occurrences equal the emulator's expansion of the Graph series", () => {
    fc.assert(
      fc.property(series, (s) => {
        const out = convert(s);
        fc.pre(out !== undefined);
        const toMs = localToEpochMs(`${s.startDate}T00:00:00`, s.tz) + 4 * 366 * 86_400_000;
        const theirs = graphLocals(recurrenceOf(s), `${s.startDate}T${s.time}`, s.tz, toMs).slice(0, 40);
        const ours = expandRule({ start: out!.start, rule: out!.rule, fromMs: 0, toMs, limit: 40 }).map(localOf);
        assert.deepEqual(ours, theirs);
      }),
      { numRuns: 150 },
    );
  });
});
