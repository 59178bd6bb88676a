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

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_LENGTHS[month - 1]!;
}

export function dayNumber(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilDate(n: DayNumber): CivilDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
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
