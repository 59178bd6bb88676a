import { epochMsToLocal } from '../../model/instant.js';
import type { EventTime } from '../../model/time.js';
import { DAY_MS, instantOf, type WallMs, wallOf } from './wall.js';

/**
 * UNTIL is inclusive (RFC 5545 §3.3.10) and compared as an instant: a UTC UNTIL against the
 * occurrence's real instant, so a series whose last day falls after a DST change still ends
 * exactly. A DATE UNTIL (all-day series, and the tolerated "UNTIL=YYYYMMDD" on timed series)
 * ends after that local date. Floating times and dates are read in `zone`.
 */
export function withinUntil(until: EventTime, occurrence: EventTime, zone: string): boolean {
  return untilTest(until, zone)(wallOf(occurrence), instantOf(occurrence, zone));
}

/** withinUntil for an occurrence given as its wall time and instant, as the expansion has them. */
export function untilTest(until: EventTime, zone: string): (wall: WallMs, ms: number) => boolean {
  if (until.kind === 'date') {
    const dayAfter = wallOf(until) + DAY_MS;
    return (wall) => wall < dayAfter;
  }
  const untilMs = instantOf(until, zone);
  return (_wall, ms) => ms <= untilMs;
}

/**
 * A wall-time bound at or after every occurrence that `withinUntil` accepts, for the wall clock of
 * `start` — used only to stop the generator early, never to decide membership.
 */
export function untilWallBound(until: EventTime, start: EventTime, zone: string): WallMs {
  const tz = start.kind === 'zoned' ? start.tz : zone;
  const wall = until.kind === 'date' ? wallOf(until) + DAY_MS : wallOf({ kind: 'floating', local: epochMsToLocal(instantOf(until, zone), tz) });
  return wall + DAY_MS;
}
