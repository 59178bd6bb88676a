import { civilOfDay, daysFromCivil, twoDigits, type EventTime, type LocalDateTimeString } from './time.js';
import { probeOffsetMinutes, steadyOffsetMinutes, zoneOffsetMinutes } from './zone-offsets.js';

export { UnknownTimeZoneError, zoneOffsetMinutes } from './zone-offsets.js';

const DAY_MS = 86_400_000;

/**
 * Wall clock ⇄ instant for IANA zones, using the full tz history that Node's ICU carries.
 * Runs independently of the host TZ. Rules (RFC 5545 §3.3.5):
 * - a wall time inside a DST gap is read with the offset before the gap (02:30 → 03:30 DST);
 * - an ambiguous wall time (the repeated hour) means its first occurrence.
 */

/** True when `tz` is an IANA zone id Node knows. */
export function isKnownZone(tz: string): boolean {
  try {
    probeOffsetMinutes(tz, 0);
    return true;
  } catch {
    return false;
  }
}

/** Two ASCII digits at i, or NaN (which the sum of a date's fields then carries). */
function two(s: string, i: number): number {
  const n = twoDigits(s, i);
  return n < 0 ? Number.NaN : n;
}

/**
 * Parse 'YYYY-MM-DDTHH:mm:ss' as if it were UTC; returns epoch ms. Read by character codes: it runs
 * for every time of every occurrence, where a regex match and its capture strings were the cost.
 */
export function localAsUtcMs(local: LocalDateTimeString): number {
  const ok =
    local.length === 19 &&
    local.charCodeAt(4) === 45 && // -
    local.charCodeAt(7) === 45 &&
    local.charCodeAt(10) === 84 && // T
    local.charCodeAt(13) === 58 && // :
    local.charCodeAt(16) === 58;
  const y = ok ? two(local, 0) * 100 + two(local, 2) : Number.NaN;
  const mo = two(local, 5);
  const d = two(local, 8);
  const h = two(local, 11);
  const mi = two(local, 14);
  const se = two(local, 17);
  if (Number.isNaN(y + mo + d + h + mi + se)) throw new RangeError(`not a local date-time "${local}" (want YYYY-MM-DDTHH:mm:ss)`);
  return utcFieldsMs(y, mo, d, h, mi, se, 0);
}

/**
 * Date.UTC(y, mo - 1, d, h, mi, se, ms) for integer fields, by arithmetic: Date.UTC is a call into the
 * runtime, and it ran for every time read. Same answers, overflowing fields (month 13, day 32) and
 * two-digit years (0–99 mean 1900–1999) included.
 */
export function utcFieldsMs(y: number, mo: number, d: number, h: number, mi: number, se: number, ms: number): number {
  const year = y >= 0 && y <= 99 ? 1900 + y : y;
  const yearsOver = Math.floor((mo - 1) / 12);
  const day = daysFromCivil(year + yearsOver, mo - yearsOver * 12, 1) + d - 1;
  const t = day * DAY_MS + h * 3_600_000 + mi * 60_000 + se * 1000 + ms;
  return Math.abs(t) <= 8.64e15 ? t : Number.NaN;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

const MIN_4_DIGIT_MS = Date.UTC(1000, 0, 1);
const MAX_4_DIGIT_MS = Date.UTC(10_000, 0, 1);
const hasFourDigitYear = (ms: number): boolean => Number.isInteger(ms) && ms >= MIN_4_DIGIT_MS && ms < MAX_4_DIGIT_MS;

/**
 * 'YYYY-MM-DDTHH:mm:ss' (with 'Z' when `zulu`) for integer ms in years 1000–9999, by arithmetic and as
 * one flat string: it runs for every occurrence, where a Date per call, and then the dozen-piece rope a
 * template literal builds (flattened again when hashed as a key), were the cost.
 */
function formatUtc(ms: number, zulu: boolean): string {
  const day = Math.floor(ms / DAY_MS);
  const { y, m, d } = civilOfDay(day);
  const s = Math.floor((ms - day * DAY_MS) / 1000);
  const h = Math.floor(s / 3600);
  const mi = Math.floor(s / 60) % 60;
  const se = s % 60;
  const y1 = 48 + Math.floor(y / 1000);
  const y2 = 48 + (Math.floor(y / 100) % 10);
  const y3 = 48 + (Math.floor(y / 10) % 10);
  const y4 = 48 + (y % 10);
  const m1 = 48 + Math.floor(m / 10);
  const m2 = 48 + (m % 10);
  const d1 = 48 + Math.floor(d / 10);
  const d2 = 48 + (d % 10);
  const h1 = 48 + Math.floor(h / 10);
  const h2 = 48 + (h % 10);
  const i1 = 48 + Math.floor(mi / 10);
  const i2 = 48 + (mi % 10);
  const s1 = 48 + Math.floor(se / 10);
  const s2 = 48 + (se % 10);
  // Character codes: '-' 45, 'T' 84, ':' 58, 'Z' 90.
  return zulu
    ? String.fromCharCode(y1, y2, y3, y4, 45, m1, m2, 45, d1, d2, 84, h1, h2, 58, i1, i2, 58, s1, s2, 90)
    : String.fromCharCode(y1, y2, y3, y4, 45, m1, m2, 45, d1, d2, 84, h1, h2, 58, i1, i2, 58, s1, s2);
}

/** Format epoch ms as 'YYYY-MM-DDTHH:mm:ss' in UTC. */
export function utcMsAsLocal(ms: number): LocalDateTimeString {
  if (hasFourDigitYear(ms)) return formatUtc(ms, false);
  const date = new Date(ms);
  const y = date.getUTCFullYear();
  if (y < 1000 || y > 9999) return date.toISOString().slice(0, 19);
  return `${y}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}T${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}`;
}

/**
 * The second (epoch ms / 1000, floored) that isoUtc(ms) names, for instants in years 1000–9999, where
 * two instants have the same isoUtc string exactly when they have the same second; undefined elsewhere.
 */
export function isoUtcSecond(ms: number): number | undefined {
  return ms >= MIN_4_DIGIT_MS && ms < MAX_4_DIGIT_MS ? Math.floor(ms / 1000) : undefined;
}

/** Epoch ms as 'YYYY-MM-DDTHH:mm:ssZ' (whole seconds), the form of zoned occurrence keys. */
export function isoUtc(ms: number): string {
  // Outside 1000–9999 (and for NaN, which throws) exactly what toISOString gives.
  return hasFourDigitYear(ms) ? formatUtc(ms, true) : `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** The instant (epoch ms) at which the wall clock in `tz` shows `local`. */
export function localToEpochMs(local: LocalDateTimeString, tz: string): number {
  return wallToEpochMs(localAsUtcMs(local), tz);
}

/** Same as localToEpochMs, with the wall time given as "UTC-as-local" epoch ms. */
export function wallToEpochMs(wall: number, tz: string): number {
  if (tz === 'UTC') return wall;
  // Offsets in force a day before and after this wall time; with no transition between them (almost
  // always) that offset is the answer, without further look-ups.
  const steady = steadyOffsetMinutes(tz, wall - 86_400_000, wall + 86_400_000);
  if (steady !== undefined) return wall - steady * 60_000;
  const before = zoneOffsetMinutes(tz, wall - 86_400_000);
  const after = zoneOffsetMinutes(tz, wall + 86_400_000);
  if (before === after) return wall - before * 60_000;
  // Near a transition: a wall time is valid under an offset when that offset is in force at the instant it
  // gives. Both valid (the repeated hour): the earlier instant. Neither (the gap): the offset before the gap.
  const viaBefore = wall - before * 60_000;
  const viaAfter = wall - after * 60_000;
  const valid = [viaBefore, viaAfter].filter((ms, i) => zoneOffsetMinutes(tz, ms) === (i === 0 ? before : after));
  return valid.length > 0 ? Math.min(...valid) : viaBefore;
}

/** Wall clock in `tz` at instant `epochMs`. */
export function epochMsToLocal(epochMs: number, tz: string): LocalDateTimeString {
  return utcMsAsLocal(epochMs + zoneOffsetMinutes(tz, epochMs) * 60_000);
}

/** Convert a wall time from one zone to another. */
export function convertLocal(local: LocalDateTimeString, fromTz: string, toTz: string): LocalDateTimeString {
  return epochMsToLocal(localToEpochMs(local, fromTz), toTz);
}

/**
 * The instant of an event time. Floating times and dates have none of their own: they are read in
 * `floatingZone` (default UTC), dates at local midnight.
 */
export function eventTimeToEpochMs(t: EventTime, floatingZone = 'UTC'): number {
  switch (t.kind) {
    case 'zoned':
      return localToEpochMs(t.local, t.tz);
    case 'floating':
      return localToEpochMs(t.local, floatingZone);
    case 'date':
      return localToEpochMs(`${t.date}T00:00:00`, floatingZone);
  }
}
