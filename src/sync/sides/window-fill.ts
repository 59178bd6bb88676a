import type { CalendarItem, OccurrenceKey } from '../../model/event.js';
import type { SyncWindow } from '../window.js';

function keyMs(key: OccurrenceKey): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(key) ? Date.parse(`${key}T00:00:00Z`) : Date.parse(key.endsWith('Z') ? key : `${key}Z`);
}

const inWindow = (key: OccurrenceKey, window: SyncWindow): boolean => {
  const ms = keyMs(key);
  return ms >= window.startMs - 86_400_000 && ms < window.endMs + 86_400_000;
};

/**
 * Graph only shows a series' exceptions and cancellations inside the window it was read with. Outside the
 * window it knows nothing, so there the last synced base stands — otherwise an old EXDATE or override would
 * look deleted on the Graph side and the merge would remove it from the CalDAV copy.
 */
export function keepOutsideWindow(item: CalendarItem, base: CalendarItem | undefined, window: SyncWindow): CalendarItem {
  if (item.kind !== 'series' || base?.kind !== 'series') return item;
  const overrides = Object.fromEntries(Object.entries(item.overrides).filter(([k]) => inWindow(k, window)));
  for (const [k, o] of Object.entries(base.overrides)) if (!inWindow(k, window)) overrides[k] = o;
  const cancelled = [...item.cancelled.filter((k) => inWindow(k, window)), ...base.cancelled.filter((k) => !inWindow(k, window))].sort();
  return { ...item, overrides, cancelled };
}
