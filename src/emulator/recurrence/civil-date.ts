import { civilOfDay, daysFromCivil, daysInMonth } from '../../model/time.js';

/**
 * Proleptic Gregorian calendar dates as day numbers (days since 1970-01-01), so recurrence
 * arithmetic never touches instants or the host time zone. Conversions use Howard Hinnant's
 * days_from_civil / civil_from_days algorithms, which are exact for every year (incl. 0001,
 * the year Graph uses for "no endDate").
 */

/** Days since 1970-01-01 of a calendar date. */
export type DayNumber = number;

/** 0 = Sunday … 6 = Saturday (Graph lists daysOfWeek from sunday). */
export type WeekdayNumber = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface CivilDate {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  /** 1-31 */
  readonly day: number;
}

export class InvalidDateError extends Error {
  constructor(readonly value: string) {
    super(`not a calendar date "${value}" (want YYYY-MM-DD)`);
    this.name = 'InvalidDateError';
  }
}

export { daysInMonth, isLeapYear } from '../../model/time.js';

/** Days since 1970-01-01 of a calendar date (Hinnant's days_from_civil, shared with the model). */
export const dayNumber = (year: number, month: number, day: number): DayNumber => daysFromCivil(year, month, day);

export function civilDate(n: DayNumber): CivilDate {
  const { y, m, d } = civilOfDay(n);
  return { year: y, month: m, day: d };
}

export function weekdayOf(n: DayNumber): WeekdayNumber {
  // 1970-01-01 was a Thursday.
  return (((n + 4) % 7) + 7) % 7 as WeekdayNumber;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parse a strict 'YYYY-MM-DD' that names a real date (years 0001-9999). */
export function parseDate(value: string): DayNumber {
  const m = DATE_RE.exec(value);
  if (!m) throw new InvalidDateError(value);
  const [year, month, day] = [+m[1]!, +m[2]!, +m[3]!];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new InvalidDateError(value);
  }
  return dayNumber(year, month, day);
}

export function formatDate(n: DayNumber): string {
  const { year, month, day } = civilDate(n);
  const pad = (v: number, w: number): string => String(v).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
