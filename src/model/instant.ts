import type { EventTime, LocalDateTimeString } from './time.js';
import { probeOffsetMinutes, zoneOffsetMinutes } from './zone-offsets.js';

export { UnknownTimeZoneError, zoneOffsetMinutes } from './zone-offsets.js';

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

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

/** Parse 'YYYY-MM-DDTHH:mm:ss' as if it were UTC; returns epoch ms. */
export function localAsUtcMs(local: LocalDateTimeString): number {
  const m = LOCAL_RE.exec(local);
  if (!m) throw new RangeError(`not a local date-time "${local}" (want YYYY-MM-DDTHH:mm:ss)`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Format epoch ms as 'YYYY-MM-DDTHH:mm:ss' in UTC. */
export function utcMsAsLocal(ms: number): LocalDateTimeString {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (y < 1000 || y > 9999) return d.toISOString().slice(0, 19);
  return `${y}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
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
