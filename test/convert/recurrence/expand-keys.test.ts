import assert from 'node:assert/strict';
import fc from 'fast-check';
import { expandOccurrences, type ExpandedOccurrence, type ExpandRuleArgs } from '../../../src/convert/recurrence/expand.js';
import { eachWall, firstMatch, neverMatches } from '../../../src/convert/recurrence/rrule-engine.js';
import { untilTest, untilWallBound } from '../../../src/convert/recurrence/until.js';
import { atWall, instantOf, wallOf } from '../../../src/convert/recurrence/wall.js';
import { isoUtc, localAsUtcMs, utcMsAsLocal, wallToEpochMs } from '../../../src/model/instant.js';
import { occurrenceKey } from '../../../src/model/keys.js';
import type { OccurrenceKey } from '../../../src/model/event.js';
import type { ByDay, RecurrenceRule } from '../../../src/model/recurrence.js';
import { WEEKDAYS, type EventTime } from '../../../src/model/time.js';

/**
 * expandOccurrences as it was before keys were made on demand: every key formatted at once and
 * every occurrence set in a Map by it. The reference its order, values, keys and errors must equal.
 */
function expandBefore(args: ExpandRuleArgs): ExpandedOccurrence[] {
  const { start, rule, fromMs, toMs } = args;
  const zone = args.floatingTz ?? 'UTC';
  const limit = args.limit ?? Number.POSITIVE_INFINITY;
  const stopAfterMs = args.stopAfterMs ?? Number.POSITIVE_INFINITY;
  const excluded = args.exdates && args.exdates.length > 0 ? new Set(args.exdates) : undefined;
  const found = new Map<OccurrenceKey, ExpandedOccurrence>();
  const startWall = wallOf(start);
  const addGiven = (time: EventTime): void => {
    const ms = instantOf(time, zone);
    const key = time.kind === 'zoned' ? isoUtc(ms) : occurrenceKey(time);
    if (ms >= fromMs && ms < toMs && !args.exdates?.includes(key)) found.set(key, { time, ms, key });
  };
  addGiven(start);
  for (const r of args.rdates ?? []) addGiven(r);
  const count = rule.count !== undefined && firstMatch(rule, startWall) !== startWall ? rule.count - 1 : rule.count;
  if (count !== 0 && !neverMatches(rule)) {
    const DATE_LIMIT_MS = 8.64e15 - 2 * 86_400_000;
    let toWall = Math.min(toMs, DATE_LIMIT_MS) + 2 * 86_400_000;
    if (rule.until) toWall = Math.min(toWall, untilWallBound(rule.until, start, zone));
    const fromWall = Math.max(fromMs, -DATE_LIMIT_MS) - 2 * 86_400_000;
    const tz = start.kind === 'zoned' ? start.tz : zone;
    const within = rule.until ? untilTest(rule.until, zone) : undefined;
    let accepted = 0;
    if (toWall >= fromWall) {
      eachWall(count === rule.count ? rule : { ...rule, count }, startWall, fromWall, toWall, (wall) => {
        const ms = wallToEpochMs(wall, tz);
        if (ms < fromMs || ms >= toMs || (within && !within(wall, ms))) return true;
        const key = start.kind === 'zoned' ? isoUtc(ms) : start.kind === 'floating' ? utcMsAsLocal(wall) : utcMsAsLocal(wall).slice(0, 10);
        if (excluded?.has(key)) return true;
        found.set(key, { ms, key, time: atWall(wall, start) });
        accepted += 1;
        return accepted < limit && !(ms >= stopAfterMs);
      });
    }
  }
  const out = Array.from(found.values());
  if (out.some((o, i) => i > 0 && out[i - 1]!.ms > o.ms)) out.sort((a, b) => a.ms - b.ms);
  return out.length > limit ? out.slice(0, limit) : out;
}

const outcome = (f: () => ExpandedOccurrence[]): unknown => {
  try {
    return f().map((o) => ({ ms: o.ms, key: o.key, time: o.time }));
  } catch (e) {
    return { error: String(e) };
  }
};

const DAY = 86_400_000;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
const weekday = fc.constantFrom(...WEEKDAYS);
const byDay = fc.array(fc.record({ day: weekday, nth: fc.option(fc.integer({ min: -5, max: 5 }).filter((n) => n !== 0), { nil: undefined }) }), { minLength: 1, maxLength: 3 }).map((xs) =>
  xs.map((d): ByDay => (d.nth === undefined ? { day: d.day } : { day: d.day, nth: d.nth })),
);
const rule: fc.Arbitrary<RecurrenceRule> = fc.record(
  {
    freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'HOURLY', 'MINUTELY') as fc.Arbitrary<RecurrenceRule['freq']>,
    interval: fc.integer({ min: 1, max: 3 }),
    count: fc.integer({ min: 1, max: 40 }),
    byDay,
    byMonthDay: fc.uniqueArray(fc.integer({ min: -31, max: 31 }).filter((d) => d !== 0), { minLength: 1, maxLength: 3 }),
    bySetPos: fc.uniqueArray(fc.constantFrom(1, 2, -1, -2), { minLength: 1, maxLength: 2 }),
    byHour: fc.uniqueArray(fc.integer({ min: 0, max: 23 }), { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: ['freq', 'interval'] },
).map((r): RecurrenceRule => {
  // Shapes the walker takes, and sub-daily ones rrule finishes quickly (a barren rule it would search to year 9999).
  if (r.freq === 'MINUTELY') return { freq: r.freq, interval: 30 * r.interval, count: r.count ?? 60 };
  if (r.freq === 'HOURLY') return r.byHour ? { freq: r.freq, interval: 1, byHour: r.byHour } : { freq: r.freq, interval: r.interval };
  const { byHour: _, bySetPos, ...days } = r;
  if (r.freq === 'DAILY') return days;
  if (r.freq === 'WEEKLY') return r.byDay ? { freq: r.freq, interval: r.interval, byDay: r.byDay.map((d) => ({ day: d.day })) } : { freq: r.freq, interval: r.interval };
  const periodic = bySetPos ? { ...days, bySetPos } : days;
  return r.freq === 'YEARLY' ? { ...periodic, byMonth: [2, 3, 10] } : periodic;
});

// Starts near DST changes (where instants repeat and skip), plain ones, and calendar dates that do not exist.
const local = fc.tuple(
  fc.constantFrom('2025-03-30', '2025-03-09', '2025-10-26', '2025-11-02', '2025-04-06', '2025-10-05', '2025-06-15', '2024-02-29', '2025-02-30', '0999-12-31', '9999-12-29'),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom('00:00:00', '01:30:00', '02:00:00', '02:30:00', '03:00:00', '09:15:00', '23:59:59'),
).map(([date, days, time]) => {
  const ms = localAsUtcMs(`${date}T00:00:00`) + days * DAY;
  // An unreal date stays as written when not moved: its wall is read with overflow, its key as written.
  return `${days === 0 ? date : utcMsAsLocal(ms).slice(0, 10)}T${time}`;
});
const time: fc.Arbitrary<EventTime> = fc.oneof(
  fc.tuple(local, fc.constantFrom(...ZONES)).map(([l, tz]): EventTime => ({ kind: 'zoned', local: l, tz })),
  local.map((l): EventTime => ({ kind: 'floating', local: l })),
  local.map((l): EventTime => ({ kind: 'date', date: l.slice(0, 10) })),
);

describe('convert/recurrence expandOccurrences with keys made on demand', function () {
  this.timeout(120_000);

  it('gives the occurrences, keys, order and errors the Map of formatted keys gave', () => {
    fc.assert(
      fc.property(
        time,
        rule,
        fc.array(time, { maxLength: 2 }),
        fc.integer({ min: -5, max: 20 }),
        fc.integer({ min: 0, max: 60 }),
        fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
        fc.constantFrom(...ZONES),
        fc.array(fc.nat(30), { maxLength: 3 }),
        (start, r, rdates, fromDays, spanDays, limit, stopDays, floatingTz, exIndexes) => {
          let base: number;
          try {
            base = instantOf(start, floatingTz);
          } catch {
            base = 0;
          }
          const args: ExpandRuleArgs = {
            start,
            rule: r,
            fromMs: base + fromDays * DAY,
            toMs: base + (fromDays + spanDays) * DAY,
            floatingTz,
            ...(rdates.length > 0 ? { rdates } : {}),
            ...(limit !== undefined ? { limit } : {}),
            ...(stopDays !== undefined ? { stopAfterMs: base + stopDays * DAY } : {}),
          };
          const reference = outcome(() => expandBefore(args));
          assert.deepEqual(outcome(() => expandOccurrences(args)), reference);
          // Excluding some of them by key.
          if (Array.isArray(reference) && reference.length > 0) {
            const exdates = exIndexes.map((i) => (reference[i % reference.length] as { key: string }).key);
            assert.deepEqual(outcome(() => expandOccurrences({ ...args, exdates })), outcome(() => expandBefore({ ...args, exdates })));
          }
        },
      ),
      { numRuns: 800 },
    );
  });
});
