import type { ItemRecord } from '../store/records.js';
import type { Observation, SyncSlot } from './plan-types.js';
import type { SideRead } from './sides/side.js';

const UNCHANGED: Observation = { state: 'unchanged' };

/**
 * One slot per item: the union of mapped items and what either side reported, joined by UID (the CalDAV UID,
 * which Graph events we create carry as a stamped extended property, so re-pairing after state loss is exact).
 * A new item that lies wholly outside the sync window is left alone.
 */
export function assembleSlots(records: readonly ItemRecord[], graph: SideRead, caldav: SideRead): SyncSlot[] {
  const byUid = new Map(records.map((r) => [r.uid, r]));
  const uids = new Set([...byUid.keys(), ...graph.observations.keys(), ...caldav.observations.keys()]);
  const slots: SyncSlot[] = [];
  for (const uid of [...uids].sort()) {
    const record = byUid.get(uid);
    let g = graph.observations.get(uid) ?? UNCHANGED;
    let c = caldav.observations.get(uid) ?? UNCHANGED;
    if (!record) {
      if (graph.outsideWindow.has(uid) && c.state !== 'present') g = UNCHANGED;
      if (caldav.outsideWindow.has(uid) && g.state !== 'present') c = UNCHANGED;
    }
    if (!record && g.state !== 'present' && c.state !== 'present' && g.state !== 'unreadable' && c.state !== 'unreadable') continue;
    slots.push({ uid, ...(record ? { record } : {}), graph: g, caldav: c });
  }
  return slots;
}
