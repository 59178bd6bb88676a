import { epochMsToLocal, type OccurrenceKey } from '../../model/index.js';
import { GraphConversionError } from './errors.js';

const INSTANT_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Epoch ms of a Graph instant: originalStart ('2019-04-15T20:30:00Z', up to 7 fraction digits) or a
 * startDateTime/endDateTime window bound, which means UTC when it has no offset (graph-api.md §14.1).
 */
export function parseGraphInstant(s: string, eventId: string | undefined, property: string): number {
  const m = INSTANT_RE.exec(s.trim());
  const ms = m ? Date.parse(`${m[1]}.${(m[2] ?? '').padEnd(3, '0').slice(0, 3)}${m[3] ?? 'Z'}`) : NaN;
  if (Number.isNaN(ms)) throw new GraphConversionError(`not an instant "${s}"`, eventId, property);
  return ms;
}

export const isoUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 19) + 'Z';

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
