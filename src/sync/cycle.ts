import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import { applySlot, runWrite } from './apply.js';
import type { Side } from './merge.js';
import { planSlot, planSync } from './plan.js';
import type { Observation, PlanOptions, SyncAction, SyncPlan, SyncSlot } from './plan-types.js';
import type { ItemRecord } from '../store/records.js';
import type { SideAdapter, SideRead } from './sides/side.js';
import { assembleSlots } from './slots.js';

export interface CycleDeps {
  readonly pair: string;
  readonly store: Store;
  readonly sides: Readonly<Record<Side, SideAdapter>>;
  readonly options: PlanOptions;
  readonly log: Logger;
  readonly onWrite?: (side: Side, kind: 'create' | 'update' | 'delete') => void;
}

export interface CycleReport {
  readonly pair: string;
  readonly plan: SyncPlan;
  readonly dryRun: boolean;
  /** Remote writes done (0 on a dry run or a blocked cycle). */
  readonly writes: number;
  readonly recovered: number;
  /** Slots left for the next cycle, with why. */
  readonly deferred: ReadonlyArray<{ readonly uid: string; readonly reason: string }>;
  readonly counts: Readonly<Record<string, number>>;
}

/**
 * Writes whose outcome a crash left unknown are run again before anything else. Every write is idempotent
 * (deterministic transactionId and href, stamped UID, If-None-Match), so this rolls the item forward to what
 * was intended; versions may have moved meanwhile, so updates are re-sent without If-Match to that state.
 */
async function rollForward(deps: CycleDeps): Promise<number> {
  const { store, pair, log } = deps;
  let done = 0;
  for (const intent of await store.pendingIntents(pair)) {
    const action = intent.payload as Extract<SyncAction, { kind: 'create' | 'update' | 'delete' }>;
    try {
      const replay = action.kind === 'update' ? { ...action, known: { ...action.known, graphChangeKey: undefined, caldavEtag: undefined } } : action;
      const written = await runWrite(replay, deps.sides);
      await store.transaction(async (tx) => {
        await tx.finishIntent(intent.id, 'done', { recovered: true });
        if (action.kind === 'delete') await tx.deleteItem(pair, action.uid);
        else if (written) {
          const existing = await tx.findItem(pair, { uid: action.uid });
          const side = action.on === 'graph'
            ? { graphId: written.ref, graphChangeKey: written.version, graphFingerprint: written.fingerprint }
            : { caldavHref: written.ref, caldavEtag: written.version, caldavFingerprint: written.fingerprint };
          await tx.saveItem({ ...action.known, ...existing, ...side, pair, uid: action.uid, base: action.item });
        }
      });
      log.info({ pair, uid: action.uid, operation: intent.operation }, 'rolled an interrupted write forward');
      done += 1;
    } catch (err) {
      await store.finishIntent(intent.id, 'failed', { error: err instanceof Error ? err.message : String(err), recovered: false });
      log.warn({ pair, uid: action.uid, err }, 'could not roll an interrupted write forward; the item is re-planned');
    }
  }
  return done;
}

function countActions(actions: readonly SyncAction[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of actions) {
    const key = 'on' in a ? `${a.kind}-${a.on}` : a.kind;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** One sync cycle of a pair: roll forward, read both sides, plan, apply slot by slot, then store the cursors. */
export async function runSyncCycle(deps: CycleDeps, opts: { dryRun?: boolean; signal?: AbortSignal } = {}): Promise<CycleReport> {
  const { store, pair, sides } = deps;
  await store.ensurePair(pair);
  const recovered = opts.dryRun ? 0 : await rollForward(deps);
  const records = await store.listItems(pair);
  const [graph, caldav] = await Promise.all([sides.graph.read(records), sides.caldav.read(records)]);
  await readAgain(deps, records, { graph, caldav });
  const slots = assembleSlots(records, graph, caldav);
  const plan = planSync(slots, records.length, deps.options);
  const counts = countActions(plan.actions);
  const base = { pair, plan, recovered, counts };
  if (opts.dryRun || plan.blocked) return { ...base, dryRun: !!opts.dryRun, writes: 0, deferred: [] };

  const bySlot = new Map<string, SyncAction[]>();
  for (const action of plan.actions) bySlot.set(action.uid, [...(bySlot.get(action.uid) ?? []), action]);
  let writes = 0;
  const deferred: { uid: string; reason: string }[] = [];
  const refsOf = (uid: string) => refs(uid, records, slots);
  for (const [uid, actions] of bySlot) {
    if (opts.signal?.aborted) {
      // Stopping: whatever is left is read again next cycle.
      await store.markReread(pair, uid, refsOf(uid));
      deferred.push({ uid, reason: 'stopped before this item' });
      continue;
    }
    const applyDeps = { pair, store, sides, log: deps.log, ...(deps.onWrite ? { onWrite: deps.onWrite } : {}) };
    let outcome = await applySlot(actions, applyDeps);
    if (outcome.kind === 'deferred' && outcome.stale) {
      // 412/409: a side changed while we worked on it. Read the item again from both sides and plan it afresh.
      const again = await replan(deps, uid, refsOf(uid));
      if (again.length > 0) outcome = await applySlot(again, applyDeps);
    }
    if (outcome.kind === 'done') {
      writes += outcome.writes;
      await store.clearReread(pair, uid);
      // Whatever this item failed with before is over now.
      const { graph: g, caldav: c } = refsOf(uid);
      for (const side of ['graph', 'caldav'] as const) for (const ref of new Set([g, c, uid])) if (ref) await store.clearItemError(pair, side, ref);
    } else {
      await store.markReread(pair, uid, refsOf(uid));
      deferred.push({ uid, reason: outcome.reason });
    }
  }
  for (const slot of slots) if (!bySlot.has(slot.uid)) await store.clearReread(pair, slot.uid);
  // The cursors move on: an item this cycle could not finish is on the reread list, so its change is not lost.
  await graph.commit();
  await caldav.commit();
  return { ...base, dryRun: false, writes, deferred };
}

/** Items an earlier cycle could not finish are observed directly, whatever the cursors reported. */
async function readAgain(deps: CycleDeps, records: readonly ItemRecord[], reads: Record<Side, SideRead>): Promise<void> {
  const byUid = new Map(records.map((r) => [r.uid, r]));
  for (const entry of await deps.store.rereads(deps.pair)) {
    const record = byUid.get(entry.uid);
    for (const side of ['graph', 'caldav'] as const) {
      const observations = reads[side].observations as Map<string, Observation>;
      const ref = entry[side] ?? (side === 'graph' ? record?.graphId : record?.caldavHref);
      if (!observations.has(entry.uid) && ref) observations.set(entry.uid, await deps.sides[side].observe(ref, record));
    }
  }
}

function refs(uid: string, records: readonly ItemRecord[], slots: readonly SyncSlot[]): { graph?: string; caldav?: string } {
  const record = records.find((r) => r.uid === uid);
  const slot = slots.find((s) => s.uid === uid);
  const refOf = (o: Observation | undefined) => (o && (o.state === 'present' || o.state === 'unreadable') ? o.ref : undefined);
  const graph = refOf(slot?.graph) ?? record?.graphId;
  const caldav = refOf(slot?.caldav) ?? record?.caldavHref;
  return { ...(graph ? { graph } : {}), ...(caldav ? { caldav } : {}) };
}

/** The actions for one item planned from its current state on both sides (after a 412/409). */
async function replan(deps: CycleDeps, uid: string, ref: { graph?: string; caldav?: string }): Promise<SyncAction[]> {
  const record = await deps.store.findItem(deps.pair, { uid });
  const observe = (side: Side, at: string | undefined): Promise<Observation> =>
    at ? deps.sides[side].observe(at, record) : Promise.resolve({ state: 'unchanged' });
  const [graph, caldav] = await Promise.all([observe('graph', ref.graph), observe('caldav', ref.caldav)]);
  return planSlot({ uid, ...(record ? { record } : {}), graph, caldav }, deps.options);
}
