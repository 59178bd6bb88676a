import type { CalendarItem } from '../model/event.js';
import { flattenItem, unflattenItem, type MergeUnitKey } from './flatten.js';
import { sameValue } from './stable-json.js';

export type Side = 'graph' | 'caldav';

export interface UnitConflict {
  readonly unit: MergeUnitKey;
  readonly base: unknown;
  readonly graph: unknown;
  readonly caldav: unknown;
}

export interface MergeResult {
  readonly merged: CalendarItem;
  /** Units both sides changed differently; settled in favour of `winner`. */
  readonly conflicts: readonly UnitConflict[];
  readonly winner: Side;
}

/**
 * Field-level 3-way merge against the last synced base: a unit changed on one side only takes that
 * side's value; a unit changed on both sides to different values is a conflict settled for `winner`.
 * Without a base (first pairing of two existing items) every difference is a conflict.
 */
export function mergeItems(base: CalendarItem | undefined, graph: CalendarItem, caldav: CalendarItem, winner: Side): MergeResult {
  const b = base ? flattenItem(base) : new Map<MergeUnitKey, unknown>();
  const g = flattenItem(graph);
  const c = flattenItem(caldav);
  const units = new Set([...b.keys(), ...g.keys(), ...c.keys()]);
  const merged = new Map<MergeUnitKey, unknown>();
  const conflicts: UnitConflict[] = [];
  for (const unit of [...units].sort()) {
    const [bv, gv, cv] = [b.get(unit), g.get(unit), c.get(unit)];
    let value: unknown;
    if (sameValue(gv, cv)) value = gv;
    else if (base && sameValue(gv, bv)) value = cv;
    else if (base && sameValue(cv, bv)) value = gv;
    else {
      conflicts.push({ unit, base: bv, graph: gv, caldav: cv });
      value = winner === 'graph' ? gv : cv;
    }
    if (value !== undefined) merged.set(unit, value);
  }
  // The CalDAV UID is the identity of a mapped item (Graph assigns its own iCalUId).
  return { merged: unflattenItem(base?.uid ?? caldav.uid, merged), conflicts, winner };
}
