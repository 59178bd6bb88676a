import type { CalendarItem } from '../model/event.js';
import type { ItemRecord } from '../store/records.js';
import { flattenItem } from './flatten.js';
import { mergeItems, type Side } from './merge.js';
import type { Mapping, Observation, PlanOptions, SyncAction, SyncPlan, SyncSlot } from './plan-types.js';
import { stableJson } from './stable-json.js';

/**
 * The sync decision table: a pure function from (stored base, Graph side, CalDAV side) to actions.
 * Rules that protect users' data:
 * - an unreadable item is skipped, never deleted or overwritten;
 * - an echo of our own write (same fingerprint as stored) is bookkeeping, never a change;
 * - update beats delete: an item edited on one side and deleted on the other is re-created;
 * - a cycle deleting more than `deleteThreshold` of the mapped items (and more than 2) stops the pair.
 */

type Effective =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'echo'; readonly obs: Present }
  | { readonly kind: 'changed'; readonly obs: Present }
  | { readonly kind: 'deleted' };
type Present = Extract<Observation, { state: 'present' }>;

/** Items may differ in a side's echo (e.g. server reformatting) yet mean the same: compare the merge units. */
function sameItem(a: CalendarItem, b: CalendarItem): boolean {
  return stableJson([...flattenItem(a)].sort()) === stableJson([...flattenItem(b)].sort());
}

/** Graph makes the mailbox owner the organizer of every event created through it: absent on one side is no difference. */
function samePairing(graph: CalendarItem, caldav: CalendarItem): boolean {
  const g = flattenItem(graph);
  const c = flattenItem(caldav);
  if (g.get('organizer') === undefined || c.get('organizer') === undefined) {
    g.delete('organizer');
    c.delete('organizer');
  }
  return stableJson([...g].sort()) === stableJson([...c].sort());
}

function effective(obs: Observation, record: ItemRecord | undefined, side: Side): Effective {
  if (obs.state === 'unchanged') return { kind: 'unchanged' };
  if (obs.state === 'deleted') return { kind: 'deleted' };
  if (obs.state === 'unreadable') throw new Error('unreadable observations are handled before');
  const storedFingerprint = side === 'graph' ? record?.graphFingerprint : record?.caldavFingerprint;
  const storedVersion = side === 'graph' ? record?.graphChangeKey : record?.caldavEtag;
  if (record && (obs.fingerprint === storedFingerprint || (record.base && sameItem(obs.item, record.base)))) {
    return obs.version === storedVersion ? { kind: 'unchanged' } : { kind: 'echo', obs };
  }
  return { kind: 'changed', obs };
}

function known(record: ItemRecord | undefined, g: Effective, c: Effective): Mapping {
  const gp = g.kind === 'echo' || g.kind === 'changed' ? g.obs : undefined;
  const cp = c.kind === 'echo' || c.kind === 'changed' ? c.obs : undefined;
  return {
    graphId: gp?.ref ?? record?.graphId,
    graphChangeKey: gp?.version ?? record?.graphChangeKey,
    graphFingerprint: gp?.fingerprint ?? record?.graphFingerprint,
    caldavHref: cp?.ref ?? record?.caldavHref,
    caldavEtag: cp?.version ?? record?.caldavEtag,
    caldavFingerprint: cp?.fingerprint ?? record?.caldavFingerprint,
  };
}

function winnerFor(options: PlanOptions, g: Present, c: Present): Side {
  if (options.conflicts === 'graph-wins') return 'graph';
  if (options.conflicts === 'caldav-wins') return 'caldav';
  // newest-wins; without both timestamps Graph (the organisation's system of record) wins.
  if (g.modifiedAt !== undefined && c.modifiedAt !== undefined && c.modifiedAt > g.modifiedAt) return 'caldav';
  return 'graph';
}

const other = (side: Side): Side => (side === 'graph' ? 'caldav' : 'graph');

function writable(options: PlanOptions, side: Side): boolean {
  return options.direction === 'both' || options.direction === (side === 'graph' ? 'caldav-to-graph' : 'graph-to-caldav');
}

/** In a one-way pair the target's own edits are not propagated: the source's version stands. */
function ignoreTargetEdits(options: PlanOptions, side: Side, e: Effective): Effective {
  if (options.direction === 'both' || writable(options, other(side))) return e;
  return e.kind === 'changed' || e.kind === 'echo' ? { kind: 'unchanged' } : e;
}

function mergeBoth(slot: SyncSlot, g: Present, c: Present, options: PlanOptions, map: Mapping): SyncAction[] {
  const winner = winnerFor(options, g, c);
  const { merged, conflicts } = mergeItems(slot.record?.base, g.item, c.item, winner);
  const actions: SyncAction[] = [];
  if (conflicts.length > 0) {
    const losing = winner === 'graph' ? c.item : g.item;
    actions.push({ kind: 'conflict', uid: slot.uid, winner, conflicts, losingVersion: losing });
  }
  for (const [side, obs] of [['graph', g], ['caldav', c]] as const) {
    if (!sameItem(merged, obs.item) && writable(options, side)) {
      actions.push({ kind: 'update', on: side, uid: slot.uid, from: obs.item, item: merged, known: map });
    }
  }
  actions.push({ kind: 'record', uid: slot.uid, item: merged, known: map });
  return actions;
}

function planUnmapped(slot: SyncSlot, g: Effective, c: Effective, options: PlanOptions, map: Mapping): SyncAction[] {
  const gp = g.kind === 'changed' ? g.obs : undefined;
  const cp = c.kind === 'changed' ? c.obs : undefined;
  if (gp && cp) {
    // Re-pairing after state loss: the same event on both sides, apart from what Graph adds by itself.
    if (samePairing(gp.item, cp.item)) return [{ kind: 'record', uid: slot.uid, item: cp.item, known: map }];
    return mergeBoth(slot, gp, cp, options, map);
  }
  const source = gp ? ('graph' as const) : cp ? ('caldav' as const) : undefined;
  if (!source) return [];
  const item = (gp ?? cp)!.item;
  const target = other(source);
  return writable(options, target) ? [{ kind: 'create', on: target, uid: slot.uid, item, known: map }] : [];
}

export function planSlot(slot: SyncSlot, options: PlanOptions): SyncAction[] {
  for (const side of ['graph', 'caldav'] as const) {
    const obs = slot[side];
    if (obs.state === 'unreadable') return [{ kind: 'skip', uid: slot.uid, side, ref: obs.ref, reason: obs.error }];
  }
  const { record } = slot;
  const g = ignoreTargetEdits(options, 'graph', effective(slot.graph, record, 'graph'));
  const c = ignoreTargetEdits(options, 'caldav', effective(slot.caldav, record, 'caldav'));
  const map = known(record, g, c);
  if (!record) return planUnmapped(slot, g, c, options, map);

  const base = record.base;
  const recordOnly = (item: CalendarItem | undefined): SyncAction[] =>
    item ? [{ kind: 'record', uid: slot.uid, item, known: map }] : [];
  const propagate = (from: Side, obs: Present): SyncAction[] => {
    const to = other(from);
    if (!writable(options, to)) return recordOnly(base);
    return [{ kind: 'update', on: to, uid: slot.uid, from: base, item: obs.item, known: map }, ...recordOnly(obs.item)];
  };
  const recreate = (on: Side, item: CalendarItem | undefined): SyncAction[] =>
    item && writable(options, on) ? [{ kind: 'create', on, uid: slot.uid, item, known: { ...map, ...(on === 'graph' ? { graphId: undefined, graphChangeKey: undefined } : { caldavHref: undefined, caldavEtag: undefined }) } }] : [];
  // In a one-way pair a deletion on the target is undone from the base rather than propagated.
  const remove = (on: Side): SyncAction[] =>
    writable(options, on) ? [{ kind: 'delete', on, uid: slot.uid, known: map }] : recreate(other(on), base);

  const quiet = (e: Effective) => e.kind === 'unchanged' || e.kind === 'echo';
  if (quiet(g) && quiet(c)) return g.kind === 'echo' || c.kind === 'echo' ? recordOnly(base) : [];
  if (g.kind === 'changed' && quiet(c)) return propagate('graph', g.obs);
  if (c.kind === 'changed' && quiet(g)) return propagate('caldav', c.obs);
  if (g.kind === 'changed' && c.kind === 'changed') return mergeBoth(slot, g.obs, c.obs, options, map);
  if (g.kind === 'deleted' && c.kind === 'deleted') return [{ kind: 'forget', uid: slot.uid }];
  if (g.kind === 'deleted') return c.kind === 'changed' ? recreate('graph', c.obs.item) : remove('caldav');
  // c is deleted here
  return g.kind === 'changed' ? recreate('caldav', g.obs.item) : remove('graph');
}

/** Plans every slot, then applies the mass-deletion guard to the whole cycle. */
export function planSync(slots: readonly SyncSlot[], mappedCount: number, options: PlanOptions): SyncPlan {
  const actions = slots.flatMap((slot) => planSlot(slot, options));
  const deletes = { graph: 0, caldav: 0 };
  for (const a of actions) if (a.kind === 'delete') deletes[a.on] += 1;
  const limit = Math.max(options.deleteThreshold * mappedCount, 2);
  const worst = Math.max(deletes.graph, deletes.caldav);
  if (!options.allowMassDelete && worst > limit) {
    return {
      actions,
      blocked: {
        reason: `this cycle would delete ${worst} of ${mappedCount} mapped items (limit ${Math.round(options.deleteThreshold * 100)}%); nothing was written — check both calendars, then rerun with --force-deletes if it is intended`,
        deletes,
        mapped: mappedCount,
      },
    };
  }
  return { actions };
}
