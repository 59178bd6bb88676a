import rrulePkg from 'rrule';
import type { Options } from 'rrule';
import type { Frequency as ModelFrequency, RecurrenceRule } from '../../model/recurrence.js';
import type { Weekday } from '../../model/time.js';
import type { WallMs } from './wall.js';

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

/** The first wall time ≥ dtstart the rule generates (not counting a non-matching DTSTART), if any. */
export function firstMatch(rule: RecurrenceRule, dtstart: WallMs, untilWall?: WallMs): WallMs | undefined {
  const first = makeRrule({ ...rule, count: undefined }, dtstart, untilWall === undefined ? {} : { until: new Date(untilWall) })
    .after(new Date(dtstart), true);
  return first ? first.getTime() : undefined;
}
