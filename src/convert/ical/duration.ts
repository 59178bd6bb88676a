import type { EventTime } from '../../model/index.js';
import { epochMsToLocal, localAsUtcMs, localToEpochMs, utcMsAsLocal } from '../../model/index.js';

/**
 * RFC 5545 §3.3.6 DURATION. Days and weeks are nominal (they follow the wall clock across DST),
 * hours/minutes/seconds are exact; so the two parts are kept apart.
 */
export interface IcalDuration {
  readonly negative: boolean;
  readonly days: number;
  readonly seconds: number;
}

/**
 * Undefined when `text` is not a duration: what
 * /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/ matches in the trimmed,
 * upper-cased text with at least one number. Read by character codes: every VALARM trigger read
 * went through a regex match and its capture strings.
 */
export function parseDuration(text: string): IcalDuration | undefined {
  const s = text.trim().toUpperCase();
  const sign = s.charCodeAt(0);
  const negative = sign === 45;
  scan.at = negative || sign === 43 ? 1 : 0;
  if (s.charCodeAt(scan.at++) !== 80) return undefined;
  scan.numbers = 0;
  const weeks = part(s, 87);
  const days = part(s, 68);
  let seconds = 0;
  if (s.charCodeAt(scan.at) === 84) {
    scan.at++;
    seconds = part(s, 72) * 3600;
    seconds += part(s, 77) * 60;
    seconds += part(s, 83);
  }
  if (scan.at !== s.length || scan.numbers === 0) return undefined;
  return { negative, days: weeks * 7 + days, seconds };
}

/** Where the reading of a duration stands, and how many numbers it read: one record, not one per call. */
const scan = { at: 0, numbers: 0 };

/** The number before `letter` at scan.at (moving past both), or 0 when the text goes on otherwise. */
function part(s: string, letter: number): number {
  let end = scan.at;
  while (end < s.length && s.charCodeAt(end) >= 48 && s.charCodeAt(end) <= 57) end++;
  if (end === scan.at || s.charCodeAt(end) !== letter) return 0;
  const n = Number(s.slice(scan.at, end));
  scan.at = end + 1;
  scan.numbers += 1;
  return n;
}

export function durationToMinutes(d: IcalDuration): number {
  return (d.negative ? -1 : 1) * (d.days * 1440 + d.seconds / 60);
}

export function minutesToDuration(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  if (abs === 0) return 'PT0S';
  if (abs % 10080 === 0) return `${sign}P${abs / 10080}W`;
  if (abs % 1440 === 0) return `${sign}P${abs / 1440}D`;
  const days = Math.floor(abs / 1440);
  const h = Math.floor((abs % 1440) / 60);
  const min = abs % 60;
  return `${sign}P${days > 0 ? `${days}D` : ''}T${h > 0 ? `${h}H` : ''}${min > 0 ? `${min}M` : ''}`;
}

export function addDaysToDate(date: string, days: number): string {
  return utcMsAsLocal(localAsUtcMs(`${date}T00:00:00`) + days * 86_400_000).slice(0, 10);
}

function addDaysToLocal(local: string, days: number): string {
  return utcMsAsLocal(localAsUtcMs(local) + days * 86_400_000);
}

/** start + duration (the duration taken as positive, as DURATION on a VEVENT must be). */
export function addDuration(start: EventTime, d: IcalDuration): EventTime {
  switch (start.kind) {
    case 'date':
      // A date-valued event can only last whole days; a client writing PT24H means one day.
      return { kind: 'date', date: addDaysToDate(start.date, d.days + Math.round(d.seconds / 86_400)) };
    case 'floating':
      return { kind: 'floating', local: utcMsAsLocal(localAsUtcMs(addDaysToLocal(start.local, d.days)) + d.seconds * 1000) };
    case 'zoned': {
      const wall = addDaysToLocal(start.local, d.days);
      const instant = localToEpochMs(wall, start.tz) + d.seconds * 1000;
      return { kind: 'zoned', local: epochMsToLocal(instant, start.tz), tz: start.tz };
    }
  }
}
