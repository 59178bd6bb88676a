import type { EventTime, Weekday } from './time.js';

/**
 * A neutral recurrence rule: the RFC 5545 RRULE value space (a superset of what Graph's
 * patternedRecurrence can say). Graph patterns translate into a subset of it; rules outside that
 * subset are carried exactly and reach Graph only through the documented fallback
 * (see docs/mapping.md, "Rules Graph cannot express").
 */
export type Frequency = 'SECONDLY' | 'MINUTELY' | 'HOURLY' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

export interface ByDay {
  readonly day: Weekday;
  /** Ordinal such as 1 (first), -1 (last); absent = every such weekday in the period. */
  readonly nth?: number;
}

export interface RecurrenceRule {
  readonly freq: Frequency;
  readonly interval: number;
  /** COUNT: number of occurrences. Mutually exclusive with `until`. */
  readonly count?: number;
  /**
   * UNTIL, inclusive. A DateValue for all-day series; for timed series a ZonedTime in 'UTC'
   * (RFC 5545 requires UTC when DTSTART has a TZID) or a FloatingTime for floating series.
   */
  readonly until?: EventTime;
  readonly byDay?: readonly ByDay[];
  readonly byMonthDay?: readonly number[];
  readonly byMonth?: readonly number[];
  readonly bySetPos?: readonly number[];
  readonly byYearDay?: readonly number[];
  readonly byWeekNo?: readonly number[];
  readonly byHour?: readonly number[];
  readonly byMinute?: readonly number[];
  readonly bySecond?: readonly number[];
  /** WKST; absent means MO (RFC 5545 default). */
  readonly wkst?: Weekday;
}
