import { expandRule } from '../convert/recurrence/index.js';
import type { CalendarItem } from '../model/event.js';
import { eventTimeToEpochMs } from '../model/instant.js';

export interface SyncWindow {
  /** ISO UTC */
  readonly start: string;
  readonly end: string;
  readonly startMs: number;
  readonly endMs: number;
}

const WEEK_MS = 7 * 86_400_000;
const EPOCH_MONDAY_MS = Date.UTC(1970, 0, 5);

/**
 * The window [now − past, now + future], widened to whole weeks (Monday 00:00 UTC) so it moves once a week:
 * the Graph delta token belongs to its window, and every move costs a full re-read of the window.
 */
export function syncWindow(nowMs: number, pastMs: number, futureMs: number): SyncWindow {
  const floorWeek = (ms: number) => EPOCH_MONDAY_MS + Math.floor((ms - EPOCH_MONDAY_MS) / WEEK_MS) * WEEK_MS;
  const startMs = floorWeek(nowMs - pastMs);
  const endMs = floorWeek(nowMs + futureMs) + WEEK_MS;
  return { start: new Date(startMs).toISOString().replace('.000Z', 'Z'), end: new Date(endMs).toISOString().replace('.000Z', 'Z'), startMs, endMs };
}

/** True when some occurrence of `item` overlaps the window (a series is expanded only as far as needed). */
export function overlapsWindow(item: CalendarItem, window: SyncWindow, floatingTz = 'UTC'): boolean {
  const master = item.kind === 'single' ? item.event : item.master;
  const duration = eventTimeToEpochMs(master.end, floatingTz) - eventTimeToEpochMs(master.start, floatingTz);
  if (item.kind === 'single') {
    const start = eventTimeToEpochMs(master.start, floatingTz);
    return start < window.endMs && start + Math.max(duration, 1) > window.startMs;
  }
  if (Object.values(item.overrides).some((o) => overlapsWindow({ kind: 'single', uid: item.uid, event: o }, window, floatingTz))) return true;
  const hits = expandRule({
    start: master.start,
    rule: item.rule,
    ...(item.rdates ? { rdates: item.rdates } : {}),
    exdates: item.cancelled,
    fromMs: window.startMs - Math.max(duration, 0),
    toMs: window.endMs,
    floatingTz,
    limit: 1,
  });
  return hits.length > 0;
}
