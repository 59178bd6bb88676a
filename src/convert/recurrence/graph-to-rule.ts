import type { GraphPatternedRecurrence, GraphRecurrencePattern } from '../../graph/types.js';
import { convertLocal, epochMsToLocal, localAsUtcMs, localToEpochMs } from '../../model/instant.js';
import type { RecurrenceRule } from '../../model/recurrence.js';
import type { EventTime } from '../../model/time.js';
import { GRAPH_DAYS, ordinalOfIndex, sortGraphDays, weekdayOfGraph } from './graph-names.js';
import { firstMatch } from './rrule-engine.js';
import { withinUntil } from './until.js';
import { addDays, atWall, isParsableDate, localDateOf, monthLengthRange, timePart, wallOf } from './wall.js';

/** A Graph recurrence this converter cannot read (Graph itself would have refused it with 400). */
export class GraphRecurrenceError extends Error {
  constructor(
    readonly field: string,
    readonly value: unknown,
    reason: string,
  ) {
    super(`recurrence.${field}: ${reason} (got ${JSON.stringify(value) ?? 'undefined'})`);
    this.name = 'GraphRecurrenceError';
  }
}

/** A Graph series whose range ends before its pattern produces any occurrence. */
export class EmptySeriesError extends Error {
  constructor(readonly recurrence: GraphPatternedRecurrence) {
    super(`recurrence from ${recurrence.range.startDate} has no occurrence before its end`);
    this.name = 'EmptySeriesError';
  }
}

export interface GraphToRuleResult {
  readonly rule: RecurrenceRule;
  /** The master start in the series zone, moved to the first real occurrence if needed. */
  readonly start: EventTime;
  readonly warnings: string[];
}

/**
 * Graph patternedRecurrence → RRULE model, with the same occurrences (graph-api.md §4; mapping table
 * in docs/recurrence.md). `start` is the master's start (zoned, or a date for all-day series).
 * Graph lets startDate fall on a non-occurrence and simply begins later (recurrencerange.md:
 * "the first occurrence ... may be this date or later"); RFC 5545 would count DTSTART as an
 * instance, so the start moves to the first real occurrence and the interval counts from there.
 */
export function graphToRule(recurrence: GraphPatternedRecurrence, start: EventTime, seriesTz: string): GraphToRuleResult {
  const { pattern, range } = recurrence;
  const inZone: EventTime = start.kind === 'zoned' && start.tz !== seriesTz
    ? { kind: 'zoned', local: convertLocal(start.local, start.tz, seriesTz), tz: seriesTz }
    : start;
  // Built key by key in its final order (pattern parts, INTERVAL, COUNT/UNTIL) instead of spread into
  // new objects: a spread copy that then gains keys is a slow dictionary-mode object in V8.
  const rule = patternRule(pattern) as Mutable<RecurrenceRule>;
  rule.interval = positive('pattern.interval', pattern.interval);
  let until: EventTime | undefined;
  let count: number | undefined;
  if (range.type === 'numbered') {
    count = positive('range.numberOfOccurrences', range.numberOfOccurrences);
  } else if (range.type === 'endDate') {
    until = untilCovering(checkDate('range.endDate', range.endDate), inZone, seriesTz);
  } else if (range.type !== 'noEnd') {
    throw new GraphRecurrenceError('range.type', range.type, 'unknown range type');
  }

  const startDate = checkDate('range.startDate', range.startDate ?? localDateOf(inZone));
  const anchorWall = localAsUtcMs(`${startDate}T${inZone.kind === 'date' ? '00:00:00' : timePart(inZone.local)}`);
  // Graph counts the interval from the first period holding a pattern day on or after startDate
  // (outlook-schedule-recurring-events.md: every other month's first Thursday from 2017-08-29
  // starts in September; MS-OXOCAL 2.2.1.44.1.1), which is where DTSTART goes. firstMatch reads
  // neither COUNT nor UNTIL, so it is asked before they are set, with the interval at 1.
  const interval = rule.interval;
  rule.interval = 1;
  const firstWall = firstMatch(rule, anchorWall);
  rule.interval = interval;
  if (count !== undefined) rule.count = count;
  if (until !== undefined) rule.until = until;
  const first = firstWall === undefined ? undefined : atWall(firstWall, inZone);
  if (!first || (until && !withinUntil(until, first, seriesTz))) throw new EmptySeriesError(recurrence);
  const warnings: string[] = [];
  if (wallOf(first) !== wallOf(inZone)) {
    warnings.push(`series start ${describe(inZone)} is not an occurrence of its ${pattern.type} pattern; moved to the first occurrence ${describe(first)}`);
  }
  return { rule, start: first, warnings };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type PatternPart = Mutable<Omit<RecurrenceRule, 'interval'>>;

function patternRule(p: GraphRecurrencePattern): PatternPart {
  switch (p.type) {
    case 'daily':
      return { freq: 'DAILY' };
    case 'weekly':
      return {
        freq: 'WEEKLY',
        byDay: days(p).map((day) => ({ day })),
        wkst: weekdayOfGraph(p.firstDayOfWeek ?? 'sunday'),
      };
    case 'absoluteMonthly':
      return clampedDay({ freq: 'MONTHLY' }, dayOfMonth(p), 28, 31);
    case 'relativeMonthly':
      return relative({ freq: 'MONTHLY' }, p);
    case 'absoluteYearly': {
      const m = month(p);
      const { min, max } = monthLengthRange(m);
      return clampedDay({ freq: 'YEARLY', byMonth: [m] }, dayOfMonth(p), min, max);
    }
    case 'relativeYearly':
      return relative({ freq: 'YEARLY', byMonth: [month(p)] }, p);
    default:
      throw new GraphRecurrenceError('pattern.type', p.type, 'unknown pattern type');
  }
}

/**
 * Outlook puts a day past the month's end on the month's last day (graph-api.md §4.1, CDO
 * DayOfMonth). RFC 5545 would skip the month, so the clamp is spelled so that the RRULE has the
 * same dates: BYMONTHDAY=-1 when d is always the month's last day (31; Feb 29 or later, Apr 30 or later
 * yearly), and the last of days min..d present in the month (BYSETPOS=-1) when the month may be shorter
 * than d (29/30 monthly). One spelling per meaning, so a rule written to Graph reads back identical.
 */
function clampedDay(rule: PatternPart, d: number, minLen: number, maxLen: number): PatternPart {
  if (d <= minLen) {
    rule.byMonthDay = [d];
  } else if (d >= 31 || d >= maxLen) {
    rule.byMonthDay = [-1];
  } else {
    rule.byMonthDay = Array.from({ length: d - minLen + 1 }, (_, i) => minLen + i);
    rule.bySetPos = [-1];
  }
  return rule;
}

/** relative patterns: the index-th day of the month that is one of daysOfWeek (a set: BYSETPOS). */
function relative(rule: PatternPart, p: GraphRecurrencePattern): PatternPart {
  const nth = ordinalOfIndex(p.index ?? 'first');
  const list = days(p);
  if (list.length === 1) {
    rule.byDay = [{ day: list[0]!, nth }];
  } else {
    rule.byDay = list.map((day) => ({ day }));
    rule.bySetPos = [nth];
  }
  return rule;
}

function days(p: GraphRecurrencePattern): ReturnType<typeof weekdayOfGraph>[] {
  const list = p.daysOfWeek ?? [];
  if (list.length === 0 || list.some((d) => !GRAPH_DAYS.includes(d.toLowerCase() as (typeof GRAPH_DAYS)[number]))) {
    throw new GraphRecurrenceError('pattern.daysOfWeek', p.daysOfWeek, `${p.type} needs days of the week`);
  }
  return sortGraphDays(list).map(weekdayOfGraph);
}

function dayOfMonth(p: GraphRecurrencePattern): number {
  const d = p.dayOfMonth;
  if (d === undefined || !Number.isInteger(d) || d < 1 || d > 31) throw new GraphRecurrenceError('pattern.dayOfMonth', d, 'must be 1-31');
  return d;
}

function month(p: GraphRecurrencePattern): number {
  const m = p.month;
  if (m === undefined || !Number.isInteger(m) || m < 1 || m > 12) throw new GraphRecurrenceError('pattern.month', m, 'must be 1-12');
  return m;
}

function positive(field: string, n: number | undefined): number {
  if (n === undefined || !Number.isInteger(n) || n < 1) throw new GraphRecurrenceError(field, n, 'must be a positive integer');
  return n;
}

function checkDate(field: string, date: string | undefined): string {
  if (date === undefined || !isParsableDate(date)) {
    throw new GraphRecurrenceError(field, date, 'must be YYYY-MM-DD');
  }
  return date;
}

/**
 * endDate includes every occurrence on that local date whatever its time: for timed series UNTIL
 * is the last second of the day in the series zone, in UTC (RFC 5545 wants UTC with a TZID).
 */
function untilCovering(endDate: string, start: EventTime, seriesTz: string): EventTime {
  if (start.kind === 'date') return { kind: 'date', date: endDate };
  if (start.kind === 'floating') return { kind: 'floating', local: `${endDate}T23:59:59` };
  const lastMs = localToEpochMs(`${addDays(endDate, 1)}T00:00:00`, seriesTz) - 1000;
  return { kind: 'zoned', local: epochMsToLocal(lastMs, 'UTC'), tz: 'UTC' };
}

function describe(t: EventTime): string {
  return t.kind === 'date' ? t.date : t.local;
}
