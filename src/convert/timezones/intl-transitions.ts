import { fastOffsetMinutes } from './zone-offset.js';

/** A change of a zone's UTC offset, as Node's tz data (ICU) has it. */
export interface OffsetTransition {
  /** First instant (epoch ms) with the new offset. */
  readonly atMs: number;
  readonly fromMinutes: number;
  readonly toMinutes: number;
}

const MINUTE = 60_000;
// Offsets are probed once per day: no zone changes its offset twice within a day, and any transition
// is then located to the minute (transitions fall on whole minutes since tz data left local mean time).
const PROBE_STEP = 86_400_000;

/** Every offset transition of IANA zone `tz` in [startMs, endMs). */
export function offsetTransitions(tz: string, startMs: number, endMs: number): OffsetTransition[] {
  const found: OffsetTransition[] = [];
  let prevMs = startMs;
  let prevOffset = fastOffsetMinutes(tz, startMs);
  for (let probe = startMs + PROBE_STEP; prevMs < endMs; probe += PROBE_STEP) {
    const at = Math.min(probe, endMs);
    const offset = fastOffsetMinutes(tz, at);
    if (offset !== prevOffset) {
      found.push({ atMs: firstMinuteWith(tz, prevMs, at, offset), fromMinutes: prevOffset, toMinutes: offset });
    }
    prevMs = at;
    prevOffset = offset;
  }
  return found;
}

/** Binary search for the first whole minute in (lowMs, highMs] where `tz` already has offset `target`. */
function firstMinuteWith(tz: string, lowMs: number, highMs: number, target: number): number {
  let lo = Math.floor(lowMs / MINUTE);
  let hi = Math.ceil(highMs / MINUTE);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fastOffsetMinutes(tz, mid * MINUTE) === target) hi = mid;
    else lo = mid;
  }
  return hi * MINUTE;
}
