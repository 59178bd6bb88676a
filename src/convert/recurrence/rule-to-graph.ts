import type { GraphDayOfWeek, GraphPatternedRecurrence, GraphRecurrencePattern, GraphRecurrenceRange } from '../../graph/types.js';
import { convertLocal, epochMsToLocal } from '../../model/instant.js';
import type { ByDay, RecurrenceRule } from '../../model/recurrence.js';
import { civilOfDay, WEEKDAYS, weekdayOfDay, type EventTime } from '../../model/time.js';
import { GRAPH_DAYS, graphOfWeekday, indexOfOrdinal } from './graph-names.js';
import { firstMatch } from './rrule-engine.js';
import { withinUntil } from './until.js';
import { addDays, DAY_MS, datePart, instantOf, localDateOf, monthLengthRange, timePart, wallOf, weekdayOfDate } from './wall.js';

export type RuleToGraphResult =
  | { readonly kind: 'exact'; readonly recurrence: GraphPatternedRecurrence }
  | { readonly kind: 'unrepresentable'; readonly reason: string };

type Pattern = GraphRecurrencePattern | string;

const unrepresentable = (reason: string): RuleToGraphResult => ({ kind: 'unrepresentable', reason });

/**
 * RRULE model → Graph patternedRecurrence, only when Graph's series has exactly the same
 * occurrences (docs/recurrence.md has the table); otherwise 'unrepresentable' with the reason,
 * and the caller goes through fallbackCarrier. Recognises every form graphToRule writes and the
 * RFC-equivalent spellings clients use (BYDAY=-1FR ≡ BYDAY=FR;BYSETPOS=-1, BYMONTH+BYDAY=2WE
 * yearly, defaults taken from DTSTART). A DTSTART that is not an occurrence of the rule is
 * refused: RFC 5545 counts it as an instance, Graph would drop it.
 */
export function ruleToGraph(rule: RecurrenceRule, start: EventTime, seriesTz: string, windowsZone: string): RuleToGraphResult {
  const inZone: EventTime = start.kind === 'zoned' && start.tz !== seriesTz
    ? { kind: 'zoned', local: convertLocal(start.local, start.tz, seriesTz), tz: seriesTz }
    : start;
  const timeReason = redundantTimeParts(rule, inZone);
  if (timeReason) return unrepresentable(timeReason);
  const pattern = patternOf(rule, inZone);
  if (typeof pattern === 'string') return unrepresentable(pattern);
  const startWall = wallOf(inZone);
  if (!startOpensPattern(rule, pattern, startWall) && firstMatch(rule, startWall) !== startWall) {
    return unrepresentable('DTSTART is not an occurrence of the rule (RFC 5545 counts it; Graph would not)');
  }
  if (rule.until && !withinUntil(rule.until, inZone, seriesTz)) return unrepresentable('UNTIL is before DTSTART');
  const startDate = localDateOf(inZone);
  const range: GraphRecurrenceRange = rule.count !== undefined
    ? { type: 'numbered', startDate, numberOfOccurrences: rule.count, recurrenceTimeZone: windowsZone }
    : rule.until
      ? { type: 'endDate', startDate, endDate: endDateOf(rule.until, inZone, seriesTz), recurrenceTimeZone: windowsZone }
      : { type: 'noEnd', startDate, recurrenceTimeZone: windowsZone };
  return { kind: 'exact', recurrence: { pattern, range } };
}

/** rrule's MAXYEAR, where the walker (walk.ts) stops: DTSTART must lie before it to be generated. */
const WALKER_END_WALL = Date.UTC(10_000, 0, 1);

const onlyValue = (values: readonly number[] | undefined, v: number): boolean =>
  values === undefined || (values.length === 1 && values[0] === v);

/**
 * firstMatch(rule, startWall) === startWall, known without walking the rule: the pattern repeats DTSTART's
 * own weekday (one of BYDAY's plain days), day of the month and month, and the rule has a shape the
 * walker takes (no BYHOUR/BYMINUTE/BYSECOND, a whole INTERVAL ≥ 1), so its first candidate is DTSTART.
 * False means "not known": firstMatch decides (ordinals, BYSETPOS, other days).
 */
function startOpensPattern(rule: RecurrenceRule, pattern: GraphRecurrencePattern, startWall: number): boolean {
  if (!(startWall < WALKER_END_WALL) || rule.byHour || rule.byMinute || rule.bySecond) return false;
  if (!Number.isInteger(rule.interval) || rule.interval < 1) return false;
  // Day number, weekday and civil date as the walker computes them (model/time.ts).
  const day = Math.floor(startWall / DAY_MS);
  switch (pattern.type) {
    case 'daily':
      return true;
    case 'weekly': {
      const weekday = WEEKDAYS[(weekdayOfDay(day) + 1) % 7];
      return !rule.byDay || rule.byDay.some((d) => d.day === weekday);
    }
    case 'absoluteMonthly':
      return !rule.bySetPos && onlyValue(rule.byMonthDay, civilOfDay(day).d);
    case 'absoluteYearly': {
      const { m, d } = civilOfDay(day);
      return !rule.bySetPos && onlyValue(rule.byMonth, m) && onlyValue(rule.byMonthDay, d);
    }
    default:
      return false;
  }
}

const SUB_DAILY: ReadonlySet<string> = new Set(['HOURLY', 'MINUTELY', 'SECONDLY']);

/** BYHOUR/BYMINUTE/BYSECOND are fine only when they just repeat DTSTART's time of day. */
function redundantTimeParts(rule: RecurrenceRule, start: EventTime): string | undefined {
  if (SUB_DAILY.has(rule.freq)) return `FREQ=${rule.freq}: Graph repeats at most daily`;
  if (!rule.byHour && !rule.byMinute && !rule.bySecond) return undefined;
  const [h, m, s] = (start.kind === 'date' ? '00:00:00' : timePart(start.local)).split(':').map(Number);
  const same = (values: readonly number[] | undefined, v: number | undefined): boolean => !values || (values.length === 1 && values[0] === v);
  if (!same(rule.byHour, h) || !same(rule.byMinute, m) || !same(rule.bySecond, s)) {
    return 'BYHOUR/BYMINUTE/BYSECOND give other times of day than DTSTART: Graph has one time per day';
  }
  return undefined;
}

type DatePart = 'byDay' | 'byMonthDay' | 'byMonth' | 'bySetPos' | 'byYearDay' | 'byWeekNo';
const DATE_PARTS: readonly DatePart[] = ['byDay', 'byMonthDay', 'byMonth', 'bySetPos', 'byYearDay', 'byWeekNo'];

function extraParts(rule: RecurrenceRule, allowed: readonly DatePart[]): string | undefined {
  let extra: DatePart[] | undefined;
  for (const p of DATE_PARTS) if (rule[p] !== undefined && !allowed.includes(p)) (extra ??= []).push(p);
  return extra && `FREQ=${rule.freq} with ${extra.map((p) => p.toUpperCase()).join(', ')} has no Graph pattern`;
}

function weeklyOf(rule: RecurrenceRule, daysOfWeek: GraphRecurrencePattern['daysOfWeek'], every: number): GraphRecurrencePattern {
  return { type: 'weekly', interval: every, daysOfWeek, firstDayOfWeek: graphOfWeekday(rule.wkst ?? 'MO') };
}

/** Graph's days for BYDAY weekdays (ordinals ignored): Sunday first, each once, in a fresh array. */
function graphDaysOf(byDay: readonly ByDay[]): GraphDayOfWeek[] {
  // WEEKDAYS and GRAPH_DAYS both start on Sunday: one bit per weekday index sorts and deduplicates.
  let bits = 0;
  for (const d of byDay) bits |= 1 << WEEKDAYS.indexOf(d.day);
  const days: GraphDayOfWeek[] = [];
  for (let i = 0; i < GRAPH_DAYS.length; i += 1) if (bits & (1 << i)) days.push(GRAPH_DAYS[i]!);
  return days;
}

/** Graph's days for a BYDAY without ordinals; undefined when there is no BYDAY or one has an ordinal. */
function plainGraphDays(byDay: readonly ByDay[] | undefined): GraphDayOfWeek[] | undefined {
  if (!byDay) return undefined;
  for (const d of byDay) if (d.nth !== undefined) return undefined;
  return graphDaysOf(byDay);
}

/** Month (1-12) and day of the month of a local date. */
const monthOf = (date: string): number => Number(date.slice(5, 7));
const dayOf = (date: string): number => Number(date.slice(8, 10));

function patternOf(rule: RecurrenceRule, start: EventTime): Pattern {
  const interval = rule.interval;
  const startDate = localDateOf(start);
  const plainDays = plainGraphDays(rule.byDay);
  switch (rule.freq) {
    case 'DAILY':
      // Every listed weekday, every day = weekly on those days.
      if (plainDays && interval === 1 && !extraParts(rule, ['byDay'])) return weeklyOf(rule, plainDays, 1);
      return extraParts(rule, []) ?? { type: 'daily', interval };
    case 'WEEKLY':
      if (rule.byDay && !plainDays) return 'BYDAY ordinals in a WEEKLY rule';
      return extraParts(rule, ['byDay']) ?? weeklyOf(rule, plainDays ?? [graphOfWeekday(weekdayOfDate(startDate))], interval);
    case 'MONTHLY': {
      if (plainDays && interval === 1 && !extraParts(rule, ['byDay'])) return weeklyOf(rule, plainDays, 1);
      if (rule.byDay) return extraParts(rule, ['byDay', 'bySetPos']) ?? relativeOf(rule, 'relativeMonthly');
      const extra = extraParts(rule, ['byMonthDay', 'bySetPos']);
      if (extra) return extra;
      const d = graphDayOfMonth(rule, dayOf(startDate), shortestVisitedMonth(monthOf(startDate), interval), 31);
      return d === undefined ? monthDayReason(rule) : { type: 'absoluteMonthly', interval, dayOfMonth: d };
    }
    case 'YEARLY': {
      const unknown = extraParts(rule, ['byDay', 'bySetPos', 'byMonth', 'byMonthDay']);
      if (unknown) return unknown;
      if (rule.byMonth && rule.byMonth.length !== 1) return 'YEARLY with several BYMONTH values has no Graph pattern';
      const m = rule.byMonth?.[0] ?? monthOf(startDate);
      if (rule.byDay) {
        if (!rule.byMonth) return 'YEARLY BYDAY without BYMONTH counts weekdays in the year: no Graph pattern';
        const rel = extraParts(rule, ['byDay', 'bySetPos', 'byMonth']) ?? relativeOf(rule, 'relativeYearly');
        return typeof rel === 'string' ? rel : { ...rel, month: m };
      }
      if (rule.byMonthDay && !rule.byMonth) return 'YEARLY BYMONTHDAY without BYMONTH repeats every month: no Graph pattern';
      const { min, max } = monthLengthRange(m);
      const d = graphDayOfMonth(rule, dayOf(startDate), min, max);
      return d === undefined ? monthDayReason(rule) : { type: 'absoluteYearly', interval, dayOfMonth: d, month: m };
    }
    default:
      return `FREQ=${rule.freq} has no Graph pattern`;
  }
}

/**
 * The Graph dayOfMonth (which clamps to the month's end) with the same dates as the rule's
 * BYMONTHDAY/BYSETPOS, in months of `minLen`..`maxLen` days; undefined when there is none.
 */
function graphDayOfMonth(rule: RecurrenceRule, startDay: number, minLen: number, maxLen: number): number | undefined {
  if (!rule.bySetPos) {
    // One day (no list to sort): BYMONTHDAY's only value, or DTSTART's day.
    if (rule.byMonthDay && rule.byMonthDay.length !== 1) return undefined;
    const d = rule.byMonthDay ? rule.byMonthDay[0]! : startDay;
    if (d === -1) return maxLen;
    return d >= 1 && d <= minLen ? d : undefined;
  }
  const days = [...(rule.byMonthDay ?? [startDay])].sort((a, b) => a - b);
  // BYMONTHDAY=a..d;BYSETPOS=-1 with a in every month: the last of them present = min(d, month length).
  const [a, d] = [days[0]!, days.at(-1)!];
  const contiguous = days.every((x, i) => x === a + i);
  return rule.bySetPos.length === 1 && rule.bySetPos[0] === -1 && contiguous && a >= 1 && a <= minLen ? Math.min(d, maxLen) : undefined;
}

function monthDayReason(rule: RecurrenceRule): string {
  const parts = `BYMONTHDAY=${rule.byMonthDay?.join(',') ?? '(DTSTART day)'}${rule.bySetPos ? `;BYSETPOS=${rule.bySetPos.join(',')}` : ''}`;
  return `${parts} skips months or days where Graph's dayOfMonth would clamp to the month's end`;
}

/** The fewest days of the months (1-12) a MONTHLY rule visits from `month` every `interval` months. */
function shortestVisitedMonth(month: number, interval: number): number {
  let min = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 12; k += 1) min = Math.min(min, monthLengthRange(((month - 1 + k * interval) % 12) + 1).min);
  return min;
}

function relativeOf(rule: RecurrenceRule, type: 'relativeMonthly' | 'relativeYearly'): Pattern {
  const byDay = rule.byDay ?? [];
  const single = byDay.length === 1 && byDay[0]!.nth !== undefined && !rule.bySetPos;
  const set = byDay.every((d) => d.nth === undefined) && rule.bySetPos?.length === 1;
  const n = single ? byDay[0]!.nth! : set ? rule.bySetPos![0]! : undefined;
  const index = n === undefined ? undefined : indexOfOrdinal(n);
  if (!index) return `BYDAY=${byDay.map((d) => `${d.nth ?? ''}${d.day}`).join(',')}${rule.bySetPos ? `;BYSETPOS=${rule.bySetPos.join(',')}` : ''} is not "first..fourth or last of these days"`;
  return { type, interval: rule.interval, daysOfWeek: graphDaysOf(byDay), index };
}

/** Graph's endDate: the last local date whose occurrence (at the series' time of day) UNTIL still includes. */
function endDateOf(until: EventTime, start: EventTime, seriesTz: string): string {
  if (until.kind === 'date') return until.date;
  const untilDate = datePart(epochMsToLocal(instantOf(until, seriesTz), start.kind === 'zoned' ? start.tz : seriesTz));
  const onThatDay: EventTime = start.kind === 'date' ? { kind: 'date', date: untilDate } : { ...start, local: `${untilDate}T${timePart(start.local)}` };
  return withinUntil(until, onThatDay, seriesTz) ? untilDate : addDays(untilDate, -1);
}
