import type { GraphPatternedRecurrence } from '../../graph/types.js';
import { localAsUtcMs, localToEpochMs, utcMsAsLocal } from '../../model/instant.js';
import type { LocalDateTimeString } from '../../model/time.js';
import { type DayNumber, formatDate, parseDate } from './civil-date.js';
import { UnboundedExpansionError } from './errors.js';
import { patternPeriods } from './pattern-periods.js';

export interface ExpandedOccurrence {
  /** The occurrence's start as wall time in the series zone, 'YYYY-MM-DDTHH:mm:ss'. */
  originalStartLocal: LocalDateTimeString;
  startMs: number;
  endMs: number;
  /** 0-based position in the whole series (not in the window): stable, usable for ids. */
  index: number;
}

export interface ExpandArgs {
  /** A validated recurrence (validateRecurrence). */
  recurrence: GraphPatternedRecurrence;
  /** The master's start as wall time in the series zone; only its time of day is used. */
  startLocal: LocalDateTimeString;
  durationMs: number;
  /** IANA zone of the series (range.recurrenceTimeZone, mapped by the caller). */
  seriesTz: string;
  /** Keep occurrences overlapping [fromMs, toMs). */
  fromMs?: number;
  toMs?: number;
  /** At most this many occurrences are returned. */
  limit?: number;
}

/** Graph dates end at 9999-12-31; nothing recurs past it. */
const LAST_DAY = parseDate('9999-12-31');
/** Every validated pattern has a matching day within two periods of any date. */
const FIRST_OCCURRENCE_SEARCH = 3;
const MAX_WEST_OFFSET_MS = 13 * 3_600_000;

/**
 * The occurrence dates of a series, ascending, in the series zone, bounded by the range only.
 *
 * Where the series starts: the first occurrence is the first pattern day on or after startDate
 * ("the first occurrence of the meeting might not occur on this date if it does not fit the
 * pattern", outlook-schedule-recurring-events.md), and `interval` counts periods from the period
 * of that first occurrence. The same page's example — relativeMonthly, interval 2, first
 * Thursday, startDate 2017-08-29 — says "the first occurrence of this series will be in
 * September", which counting from startDate's month (August, then October) would contradict.
 * Exchange stores the series the same way: the recurrence blob's StartDate is the first
 * occurrence and the interval is counted from the week/month containing it (MS-OXOCAL
 * 2.2.1.44.1.1 "Calculating the Value of the FirstDateTime Field"). When startDate fits the
 * pattern this is the plain "week 0 = week containing startDate" rule of graph-api.md §4.3.
 *
 * numbered counts pattern occurrences only; endDate is inclusive as a local date.
 */
export function* occurrenceDays(recurrence: GraphPatternedRecurrence): Generator<DayNumber> {
  const { pattern, range } = recurrence;
  const periods = patternPeriods(pattern);
  const start = parseDate(range.startDate);
  const last = range.type === 'endDate' && range.endDate ? Math.min(parseDate(range.endDate), LAST_DAY) : LAST_DAY;
  const count = range.type === 'numbered' ? (range.numberOfOccurrences ?? 0) : Infinity;

  const startPeriod = periods.periodOf(start);
  let anchor: number | undefined;
  for (let p = startPeriod; p < startPeriod + FIRST_OCCURRENCE_SEARCH && anchor === undefined; p++) {
    if (periods.daysIn(p).some((d) => d >= start)) anchor = p;
  }
  if (anchor === undefined) throw new Error(`pattern ${pattern.type} has no day after ${range.startDate}`);

  let emitted = 0;
  for (let p = anchor; ; p += pattern.interval) {
    for (const day of periods.daysIn(p)) {
      if (day < start) continue;
      if (day > last || emitted >= count) return;
      yield day;
      emitted++;
    }
  }
}

/** Wall-clock arithmetic: the local time `ms` after `local`, ignoring zone offsets. */
function addWallClock(local: LocalDateTimeString, ms: number): LocalDateTimeString {
  return utcMsAsLocal(localAsUtcMs(local) + ms);
}

/**
 * Occurrences of a series as instants. Each occurrence keeps the master's wall-clock start and
 * wall-clock end in the series zone and is converted to UTC on its own date (graph-api.md §4.3
 * rule 1), so the UTC time shifts across DST while the local time stays. Exchange holds both ends
 * that way ("The recurrence pattern's StartTime and EndTime properties are always held internally
 * in the organizer's current time zone", CDO RecurrencePattern.StartTime), which also keeps
 * all-day series midnight-to-midnight on DST days. A wall time in a DST gap resolves as
 * model/instant.ts says; an end that resolves before its start is pulled up to the start.
 * @throws UnboundedExpansionError for a noEnd series without toMs or limit.
 */
export function expandRecurrence(args: ExpandArgs): ExpandedOccurrence[] {
  const { recurrence, startLocal, durationMs, seriesTz, fromMs, toMs, limit } = args;
  if (recurrence.range.type === 'noEnd' && toMs === undefined && limit === undefined) {
    throw new UnboundedExpansionError(recurrence.range.startDate);
  }
  localAsUtcMs(startLocal); // rejects a malformed start before any work
  const timeOfDay = startLocal.slice(11);
  const out: ExpandedOccurrence[] = [];
  if (limit !== undefined && limit <= 0) return out;

  let index = 0;
  for (const day of occurrenceDays(recurrence)) {
    const originalStartLocal = `${formatDate(day)}T${timeOfDay}`;
    const endLocal = addWallClock(originalStartLocal, durationMs);
    // No zone is more than UTC-12 (UTC-13 with slack): an end this far before the window cannot
    // reach it, so long series skip the costly zone conversion until the window.
    if (fromMs !== undefined && localAsUtcMs(endLocal) + MAX_WEST_OFFSET_MS < fromMs) {
      index++;
      continue;
    }
    const startMs = localToEpochMs(originalStartLocal, seriesTz);
    if (toMs !== undefined && startMs >= toMs) break;
    const endMs = Math.max(startMs, localToEpochMs(endLocal, seriesTz));
    if (fromMs === undefined || overlaps(startMs, endMs, fromMs)) {
      out.push({ originalStartLocal, startMs, endMs, index });
      if (limit !== undefined && out.length >= limit) break;
    }
    index++;
  }
  return out;
}

/** Ends after the window opens; a zero-length occurrence counts when it starts inside it. */
function overlaps(startMs: number, endMs: number, fromMs: number): boolean {
  return endMs > fromMs || (endMs === startMs && startMs >= fromMs);
}
