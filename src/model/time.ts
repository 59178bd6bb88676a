/**
 * Time values of the neutral calendar model. A value always says what kind of time it is:
 * a wall-clock time in a named zone, a floating wall-clock time (no zone: "9:00 wherever you are"),
 * or a calendar date (all-day). Nothing here is ever a bare JS Date: zone semantics must survive.
 */

/** 'YYYY-MM-DDTHH:mm:ss' — wall-clock time, no offset, no fraction. */
export type LocalDateTimeString = string;
/** 'YYYY-MM-DD' */
export type DateString = string;

/** Wall-clock time in an IANA zone (or 'UTC'). `tz` is always a canonical IANA id, never a Windows name. */
export interface ZonedTime {
  readonly kind: 'zoned';
  readonly local: LocalDateTimeString;
  readonly tz: string;
}

/** Wall-clock time with no zone (iCalendar "floating" DATE-TIME). */
export interface FloatingTime {
  readonly kind: 'floating';
  readonly local: LocalDateTimeString;
}

/** A calendar date (iCalendar VALUE=DATE, Graph isAllDay). */
export interface DateValue {
  readonly kind: 'date';
  readonly date: DateString;
}

export type EventTime = ZonedTime | FloatingTime | DateValue;

export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

export const WEEKDAYS: readonly Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

export function zoned(local: LocalDateTimeString, tz: string): ZonedTime {
  return { kind: 'zoned', local, tz };
}

export function floating(local: LocalDateTimeString): FloatingTime {
  return { kind: 'floating', local };
}

export function dateValue(date: DateString): DateValue {
  return { kind: 'date', date };
}
