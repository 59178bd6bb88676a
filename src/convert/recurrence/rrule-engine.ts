import * as rruleModule from 'rrule';
import type { Options } from 'rrule';
import type { Frequency as ModelFrequency, RecurrenceRule } from '../../model/recurrence.js';
import type { Weekday } from '../../model/time.js';
import { skipAhead } from './skip-ahead.js';
import { walkWalls, type WallVisitor } from './walk.js';
import { monthLengthRange, type WallMs } from './wall.js';

// rrule is CommonJS with a non-standard "module" field: under Node's ESM loader its exports sit on `default`
// (named imports fail, caldav-ical.md §3.2), while a loader that compiles TS to CommonJS (tsx under mocha's
// require) hands them over directly. Accept both shapes.
type RruleExports = typeof import('rrule');
const rrulePkg: RruleExports = (rruleModule as unknown as { default?: RruleExports }).default?.RRule
  ? (rruleModule as unknown as { default: RruleExports }).default
  : rruleModule;
const { RRule } = rrulePkg;

/**
 * The bridge to the `rrule` package. rrule is fed "UTC-as-local" wall times and no tzid, so its
 * results are wall times too and the host zone never matters (caldav-ical.md §3.2: with a tzid
 * its results depend on the host TZ). Unlike RFC 5545, rrule does not count a DTSTART that does
 * not match the rule: callers add DTSTART themselves.
 */

const FREQ: Readonly<Record<ModelFrequency, number>> = {
  YEARLY: RRule.YEARLY,
  MONTHLY: RRule.MONTHLY,
  WEEKLY: RRule.WEEKLY,
  DAILY: RRule.DAILY,
  HOURLY: RRule.HOURLY,
  MINUTELY: RRule.MINUTELY,
  SECONDLY: RRule.SECONDLY,
};

const RRULE_DAY: Readonly<Record<Weekday, number>> = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 };

export type RruleInstance = InstanceType<typeof RRule>;

/** The rule's own limits (COUNT) are passed through; UNTIL is left to the caller (exact instants). */
export function makeRrule(rule: RecurrenceRule, dtstart: WallMs, overrides: Partial<Options> = {}): RruleInstance {
  const options: Partial<Options> = {
    freq: FREQ[rule.freq],
    dtstart: new Date(dtstart),
    interval: rule.interval,
    wkst: RRULE_DAY[rule.wkst ?? 'MO'],
    count: rule.count ?? null,
    tzid: null,
    bysetpos: rule.bySetPos ? [...rule.bySetPos] : null,
    bymonth: rule.byMonth ? [...rule.byMonth] : null,
    bymonthday: rule.byMonthDay ? [...rule.byMonthDay] : null,
    byyearday: rule.byYearDay ? [...rule.byYearDay] : null,
    byweekno: rule.byWeekNo ? [...rule.byWeekNo] : null,
    byweekday: rule.byDay ? rule.byDay.map((d) => new rrulePkg.Weekday(RRULE_DAY[d.day], d.nth)) : null,
    byhour: rule.byHour ? [...rule.byHour] : null,
    byminute: rule.byMinute ? [...rule.byMinute] : null,
    bysecond: rule.bySecond ? [...rule.bySecond] : null,
    ...overrides,
  };
  return new RRule(options);
}

/**
 * True for rules whose BYMONTHDAY/BYYEARDAY no month or year can hold (FREQ=YEARLY;BYMONTH=2;
 * BYMONTHDAY=30). rrule would look for them until year 9999 (seconds for YEARLY, minutes for
 * SECONDLY), so they are answered here. Other never-matching rules (an INTERVAL that only visits
 * non-leap years for Feb 29, a sub-daily INTERVAL that misses BYHOUR) still cost that scan.
 */
export function neverMatches(rule: RecurrenceRule): boolean {
  let impossibleDay = false;
  if (rule.byMonthDay) {
    let longest = rule.byMonth ? Number.NEGATIVE_INFINITY : 31;
    for (const m of rule.byMonth ?? []) longest = Math.max(longest, monthLengthRange(m).max);
    impossibleDay = rule.byMonthDay.every((d) => Math.abs(d) > longest);
  }
  const impossibleYearDay = rule.byYearDay?.every((d) => Math.abs(d) > 366) ?? false;
  return impossibleDay || impossibleYearDay;
}

/** The JS Date range, where an open search ends. */
const LAST_WALL = 8.64e15;

/**
 * Visits the wall times ≥ dtstart that `rule` generates in [fromWall, toWall], in order (COUNT counted
 * from dtstart), until `visit` returns false: by the fast walker (walk.ts) for the shapes it knows, by
 * rrule, moved close to the window (skip-ahead.ts), for the rest.
 */
export function eachWall(rule: RecurrenceRule, dtstart: WallMs, fromWall: WallMs, toWall: WallMs, visit: WallVisitor): void {
  if (walkWalls(rule, dtstart, fromWall, toWall, visit)) return;
  const rebased = skipAhead(rule, dtstart, fromWall);
  makeRrule(rebased.rule, rebased.dtstart).between(new Date(fromWall), new Date(toWall), true, (d) => visit(d.getTime()));
}

/** The first wall time ≥ dtstart the rule generates (not counting a non-matching DTSTART), if any. */
export function firstMatch(rule: RecurrenceRule, dtstart: WallMs, untilWall?: WallMs): WallMs | undefined {
  if (neverMatches(rule)) return undefined;
  let first: WallMs | undefined;
  eachWall(rule.count === undefined ? rule : { ...rule, count: undefined }, dtstart, dtstart, untilWall ?? LAST_WALL, (wall) => {
    first = wall;
    return false;
  });
  return first;
}
