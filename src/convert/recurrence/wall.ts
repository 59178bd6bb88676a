import { eventTimeToEpochMs, localAsUtcMs, utcMsAsLocal } from '../../model/instant.js';
import { type DateString, type EventTime, type LocalDateTimeString, WEEKDAYS, type Weekday, twoDigits } from '../../model/time.js';

/**
 * Recurrence arithmetic happens on wall clocks: a wall time is carried as "UTC-as-local" epoch ms
 * (the instant at which a UTC clock would show that wall time), so neither DST nor the host zone
 * can shift it. Zones are attached only when an occurrence becomes an EventTime or an instant.
 */
export type WallMs = number;

export const DAY_MS = 86_400_000;

/** The wall time of an event time; a date is its midnight. */
export function wallOf(t: EventTime): WallMs {
  return localAsUtcMs(t.kind === 'date' ? `${t.date}T00:00:00` : t.local);
}

/** An event time of the same kind (and zone) as `like`, at wall time `wall`. */
export function atWall(wall: WallMs, like: EventTime): EventTime {
  const local = utcMsAsLocal(wall);
  switch (like.kind) {
    case 'zoned':
      return { kind: 'zoned', local, tz: like.tz };
    case 'floating':
      return { kind: 'floating', local };
    case 'date':
      return { kind: 'date', date: local.slice(0, 10) };
  }
}

/** The instant of an occurrence; floating times and dates are read in `zone`. */
export function instantOf(t: EventTime, zone: string): number {
  return eventTimeToEpochMs(t, zone);
}

export function datePart(local: LocalDateTimeString): DateString {
  return local.slice(0, 10);
}

export function timePart(local: LocalDateTimeString): string {
  return local.slice(11, 19);
}

/** The local calendar date of an event time. */
export function localDateOf(t: EventTime): DateString {
  return t.kind === 'date' ? t.date : datePart(t.local);
}

/**
 * True for 'YYYY-MM-DD' with month 1–12 and day 1–31 (any month: Feb 30 too), exactly the dates
 * Date.parse reads at midnight UTC; by character codes, as Graph ranges are checked per series.
 */
export function isParsableDate(date: string): boolean {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return false;
  const month = twoDigits(date, 5);
  const day = twoDigits(date, 8);
  return twoDigits(date, 0) >= 0 && twoDigits(date, 2) >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

export function addDays(date: DateString, days: number): DateString {
  return utcMsAsLocal(localAsUtcMs(`${date}T00:00:00`) + days * DAY_MS).slice(0, 10);
}

export function weekdayOfDate(date: DateString): Weekday {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Shortest and longest length a month can have (February: 28 and 29). */
export function monthLengthRange(month: number): { min: number; max: number } {
  const min = MONTH_LENGTHS[month - 1]!;
  return { min, max: month === 2 ? 29 : min };
}
