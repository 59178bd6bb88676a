import { UnknownTimeZoneError } from '../../model/instant.js';
import { BoundedCache } from './bounded-cache.js';

/**
 * One Intl formatter per zone name, rendering only the offset ("GMT+05:30"). Building a formatter costs about a
 * millisecond, so it is shared by everything here that asks ICU about a zone: its canonical id and its offsets.
 * Formatting one field is also about five times faster than model/instant's formatToParts, which matters when a
 * transition scan makes hundreds of probes per year. Values equal model/instant's zoneOffsetMinutes.
 */

const formatters = new BoundedCache<Intl.DateTimeFormat | null>(4096);
const LONG_OFFSET = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** The offset formatter for a zone name, or undefined when Node does not know the name. */
export function offsetFormatter(name: string): Intl.DateTimeFormat | undefined {
  const hit = formatters.get(name);
  if (hit !== undefined) return hit ?? undefined;
  let f: Intl.DateTimeFormat | null = null;
  // Intl also takes offsets such as "+01:00" on newer engines; those are not zone names.
  if (/^[A-Za-z]/.test(name)) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
    } catch {
      f = null;
    }
  }
  return formatters.set(name, f) ?? undefined;
}

/** Offset of `tz` at `epochMs` in minutes east of UTC (seconds of local mean time rounded, as model/instant does). */
export function fastOffsetMinutes(tz: string, epochMs: number): number {
  const f = offsetFormatter(tz);
  if (!f) throw new UnknownTimeZoneError(tz);
  const m = LONG_OFFSET.exec(f.format(epochMs));
  if (!m?.[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]) + Math.round(Number(m[4] ?? 0) / 60);
  return m[1] === '-' ? -minutes : minutes;
}
