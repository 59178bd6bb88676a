import { daysInMonth, epochMsToLocal, isoUtc, twoDigits, utcFieldsMs, type OccurrenceKey } from '../../model/index.js';
import { GraphConversionError } from './errors.js';

const INSTANT_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Epoch ms of a Graph instant: originalStart ('2019-04-15T20:30:00Z', up to 7 fraction digits) or a
 * startDateTime/endDateTime window bound, which means UTC when it has no offset (graph-api.md §14.1).
 */
export function parseGraphInstant(s: string, eventId: string | undefined, property: string): number {
  const fast = plainUtcInstant(s);
  if (fast !== undefined) return fast;
  const m = INSTANT_RE.exec(s.trim());
  const ms = m ? Date.parse(`${m[1]}.${(m[2] ?? '').padEnd(3, '0').slice(0, 3)}${m[3] ?? 'Z'}`) : NaN;
  if (Number.isNaN(ms)) throw new GraphConversionError(`not an instant "${s}"`, eventId, property);
  return ms;
}

const digit = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
};
const num = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + digit(s, i);
  return n;
};

/**
 * The common forms ('…T20:30:00Z', '…T20:30:00.0000000', '….0000000Z') read by arithmetic, in the
 * ranges where Date.UTC and Date.parse agree; anything else (offsets, spaces, odd values) is left
 * to the general reading above.
 */
function plainUtcInstant(s: string): number | undefined {
  if (s.length < 19 || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':') return undefined;
  let end = s.length;
  if (s[end - 1] === 'Z') end -= 1;
  let ms = 0;
  if (end > 19) {
    if (s[19] !== '.' || end - 20 < 1 || end - 20 > 7) return undefined;
    const frac = num(s, 20, end);
    if (Number.isNaN(frac)) return undefined;
    ms = num(s, 20, Math.min(end, 23)) * 10 ** Math.max(0, 23 - end);
  }
  const y = num(s, 0, 4);
  const mo = num(s, 5, 7);
  const d = num(s, 8, 10);
  const h = num(s, 11, 13);
  const mi = num(s, 14, 16);
  const se = num(s, 17, 19);
  const plain = y >= 100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && se <= 59;
  return plain ? utcFieldsMs(y, mo, d, h, mi, se, ms) : undefined;
}

/**
 * The instant of an originalStart Graph wrote in the form of a timed series' occurrence key
 * ('2019-04-15T20:30:00Z', a real date and time), read by arithmetic: its key is the string as it
 * stands. Undefined otherwise; parseGraphInstant then reads it.
 */
export function canonicalInstantMs(s: string): number | undefined {
  // Character codes: '-' 45, 'T' 84, ':' 58, 'Z' 90.
  if (s.length !== 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return undefined;
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 90) return undefined;
  const century = twoDigits(s, 0);
  const yy = twoDigits(s, 2);
  const y = century * 100 + yy;
  const mo = twoDigits(s, 5);
  const d = twoDigits(s, 8);
  const h = twoDigits(s, 11);
  const mi = twoDigits(s, 14);
  const se = twoDigits(s, 17);
  // twoDigits gives -1 for a non-digit, which every lower bound below refuses.
  const real = century >= 10 && yy >= 0 && mo >= 1 && mo <= 12 && d >= 1 && (d <= 28 || d <= daysInMonth(y, mo));
  return real && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && se >= 0 && se <= 59 ? utcFieldsMs(y, mo, d, h, mi, se, 0) : undefined;
}

/**
 * The occurrence key of a Graph originalStart. Timed series: the UTC instant. All-day series: the
 * local date in the series zone — unless the instant is midnight UTC but not midnight there, the
 * reading Graph uses when it treats all-day values as floating dates (graph-api.md §8).
 */
export function graphOccurrenceKey(originalStartMs: number, allDay: boolean, seriesZone: string): OccurrenceKey {
  if (!allDay) return isoUtc(originalStartMs);
  const local = epochMsToLocal(originalStartMs, seriesZone);
  const utc = isoUtc(originalStartMs);
  const midnight = (t: string): boolean => t.slice(11, 19) === '00:00:00';
  return !midnight(local) && midnight(utc) ? utc.slice(0, 10) : local.slice(0, 10);
}
