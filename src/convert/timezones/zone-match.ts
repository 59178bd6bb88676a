import { zoneOffsetMinutes } from '../../model/instant.js';
import { offsetAt, vtimezoneTransitions } from './custom-zone.js';
import { offsetTransitions, type OffsetTransition } from '../../model/zone-offsets.js';

const MONTH_MS = 30 * 86_400_000;

/**
 * True when the VTIMEZONE gives the same UTC offset as IANA zone `tz` at every instant in [startMs, endMs).
 * Both are step functions, so comparing at `startMs` and at every transition of either side proves equality
 * over the whole range. A cheap monthly sample runs first because most candidates differ quickly.
 * `ianaTransitions` may be passed when already known (any superset of the range's transitions will do).
 */
export function vtimezoneMatchesIana(
  vtimezoneText: string,
  tz: string,
  startMs: number,
  endMs: number,
  ianaTransitions?: readonly OffsetTransition[],
): boolean {
  const endYear = new Date(endMs).getUTCFullYear();
  const custom = vtimezoneTransitions(vtimezoneText, endYear + 1);
  const same = (ms: number): boolean => offsetAt(custom, ms) === zoneOffsetMinutes(tz, ms);
  for (let ms = startMs; ms < endMs; ms += MONTH_MS) if (!same(ms)) return false;
  const breakpoints = [
    startMs,
    ...custom.map((t) => t.atMs),
    ...(ianaTransitions ?? offsetTransitions(tz, startMs, endMs)).map((t) => t.atMs),
  ].filter((ms) => ms >= startMs && ms < endMs);
  return breakpoints.every(same);
}
