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

const DURATION_RE = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Undefined when `text` is not a duration. */
export function parseDuration(text: string): IcalDuration | undefined {
  const m = DURATION_RE.exec(text.trim().toUpperCase());
  if (!m || !/\d/.test(text)) return undefined;
  return { negative: m[1] === '-', days: num(m, 2) * 7 + num(m, 3), seconds: num(m, 4) * 3600 + num(m, 5) * 60 + num(m, 6) };
}

/** A module-level helper, not a closure per call: tsx's keepNames wraps every named closure it makes. */
const num = (m: RegExpExecArray, i: number): number => Number(m[i] ?? 0);

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
