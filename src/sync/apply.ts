import type { Logger } from 'pino';
import type { CalendarItem } from '../model/event.js';
import type { Store } from '../store/store.js';
import type { Side } from './merge.js';
import type { Mapping, SyncAction } from './plan-types.js';
import { DavHttpError } from '../caldav/errors.js';
import { GraphApiError } from '../graph/errors.js';
import { UnsupportedOnGraphError } from './sides/graph-side.js';
import { StaleVersionError, type SideAdapter, type Written } from './sides/side.js';

export interface ApplyDeps {
  readonly pair: string;
  readonly store: Store;
  readonly sides: Readonly<Record<Side, SideAdapter>>;
  readonly log: Logger;
  readonly onWrite?: (side: Side, kind: 'create' | 'update' | 'delete') => void;
}

export type SlotOutcome =
  | { readonly kind: 'done'; readonly writes: number }
  /** This slot will be re-read and re-planned next cycle (a side changed under us, or an item error). */
  | { readonly kind: 'deferred'; readonly reason: string; readonly transient: boolean; readonly stale?: boolean };

type WriteAction = Extract<SyncAction, { kind: 'create' | 'update' | 'delete' }>;

function withWrite(mapping: Mapping, side: Side, written: Written): Mapping {
  return side === 'graph'
    ? { ...mapping, graphId: written.ref, graphChangeKey: written.version, graphFingerprint: written.fingerprint }
    : { ...mapping, caldavHref: written.ref, caldavEtag: written.version, caldavFingerprint: written.fingerprint };
}

function dropSide(mapping: Mapping, side: Side): Mapping {
  return side === 'graph'
    ? { ...mapping, graphId: undefined, graphChangeKey: undefined, graphFingerprint: undefined }
    : { ...mapping, caldavHref: undefined, caldavEtag: undefined, caldavFingerprint: undefined };
}

/** Runs one remote write. Idempotent: re-running it after a crash rolls it forward to the intended state. */
export async function runWrite(action: WriteAction, sides: Readonly<Record<Side, SideAdapter>>): Promise<Written | undefined> {
  const side = sides[action.on];
  if (action.kind === 'create') return side.create(action.uid, action.item);
  if (action.kind === 'update') return side.update(action.uid, action.known, action.from, action.item);
  await side.remove(action.uid, action.known);
  return undefined;
}

/**
 * Executes the actions of one slot in order. Each remote write is journalled before it is sent and settled
 * after; the mapping row is saved with the versions each write returned, in the same transaction as the
 * journal's settlement.
 */
export async function applySlot(actions: readonly SyncAction[], deps: ApplyDeps): Promise<SlotOutcome> {
  const { store, pair, log } = deps;
  const uid = actions[0]?.uid;
  if (!uid) return { kind: 'done', writes: 0 };
  const record = await store.findItem(pair, { uid });
  // The planner's `known` already joins the stored row with what was observed this cycle; writes update it.
  let mapping: Mapping = actions.find((a): a is Extract<SyncAction, { known: Mapping }> => 'known' in a)?.known ?? { ...record };
  let base: CalendarItem | undefined = record?.base;
  let writes = 0;
  let gone = false;
  let dirty = false;
  for (const action of actions) {
    switch (action.kind) {
      case 'skip':
        await store.recordItemError(pair, action.side, action.ref, action.reason);
        log.warn({ pair, uid, side: action.side, item: action.ref }, `item skipped: ${action.reason}`);
        return { kind: 'deferred', reason: action.reason, transient: false };
      case 'conflict':
        await store.recordConflict({ pair, uid, fields: action.conflicts.map((c) => c.unit), winner: action.winner, losingVersion: action.losingVersion });
        log.info({ pair, uid, fields: action.conflicts.map((c) => c.unit), winner: action.winner }, 'conflict settled by policy; losing version kept');
        break;
      case 'record':
        base = action.item;
        dirty = true;
        break;
      case 'forget':
        gone = true;
        break;
      default: {
        const write = { ...action, known: action.kind === 'create' ? action.known : mapping } as WriteAction;
        const intent = await store.recordIntent({ pair, uid, operation: `${action.on}.${action.kind}`, idempotencyKey: `${pair}/${uid}`, payload: write });
        let written: Written | undefined;
        try {
          written = await runWrite(write, deps.sides);
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          await store.finishIntent(intent, 'failed', { error: message });
          log.warn({ pair, uid, side: action.on, err: message }, `${action.kind} on ${action.on} failed`);
          // A refusal that retrying cannot fix (a 400 for a shape the server rejects, an unsupported rule) is
          // reported against the item, so `calbridge status` names it; the item is still read again next cycle.
          if (isRefusal(err)) await store.recordItemError(pair, action.on, refOf(mapping, action.on) ?? mapping.caldavHref ?? mapping.graphId ?? uid, message);
          const stale = err instanceof StaleVersionError;
          return { kind: 'deferred', reason: message, transient: !stale, stale };
        }
        writes += 1;
        deps.onWrite?.(action.on, action.kind);
        if (written) {
          mapping = withWrite(action.kind === 'create' ? { ...action.known } : mapping, action.on, written);
          if (action.kind !== 'delete' && (action.kind === 'create' || !base)) base = action.item;
        } else {
          mapping = dropSide(mapping, action.on);
          gone = true;
        }
        await store.transaction(async (tx) => {
          await tx.finishIntent(intent, 'done', written ? { ref: written.ref, version: written.version } : undefined);
          if (gone) await tx.deleteItem(pair, uid);
          else await tx.saveItem({ pair, uid, ...mapping, ...(base ? { base } : {}) });
        });
      }
    }
  }
  if (gone) await store.deleteItem(pair, uid);
  else if (dirty) await store.saveItem({ pair, uid, ...mapping, ...(base ? { base } : {}) });
  return { kind: 'done', writes };
}


function isRefusal(err: unknown): boolean {
  if (err instanceof UnsupportedOnGraphError) return true;
  const status = err instanceof GraphApiError ? err.status : err instanceof DavHttpError ? err.status : undefined;
  return status !== undefined && status >= 400 && status < 500 && ![401, 408, 409, 412, 423, 429].includes(status);
}

function refOf(mapping: Mapping, side: Side): string | undefined {
  return side === 'graph' ? mapping.graphId : mapping.caldavHref;
}
