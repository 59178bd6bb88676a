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

/*
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), without Date
 * objects: recurrence expansion and time formatting run it for every occurrence, where Date objects
 * were much of the cost. Algorithms from H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"
 * (https://howardhinnant.github.io/date_algorithms.html).
 */

/** Day number of y-m-d (m 1..12). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** y-m-d (m 1..12) of a day number. */
export function civilOfDay(day: number): { y: number; m: number; d: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1]!;
}

/** The number written by the two ASCII digits at s[i], or -1 when either is not a digit. */
export function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Weekday of a day number, Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}
