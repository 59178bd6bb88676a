import type { Logger } from 'pino';
import type { PairConfig } from '../config/schema.js';
import type { Store } from '../store/store.js';
import { runSyncCycle, type CycleReport } from '../sync/cycle.js';
import type { Side } from '../sync/merge.js';
import { openPair } from '../sync/pair-runtime.js';

export interface PairCycleOptions {
  readonly dryRun?: boolean;
  /** `--force-deletes`: run even when the cycle would delete more than the pair's deleteThreshold. */
  readonly allowMassDelete?: boolean;
  readonly signal?: AbortSignal;
  readonly onWrite?: (side: Side, kind: 'create' | 'update' | 'delete') => void;
}

/** How one cycle of a pair ended, as `sync`, `run` and `demo` report it. */
export type PairCycleResult =
  | { readonly kind: 'done'; readonly report: CycleReport; readonly calendars: { readonly graph: string; readonly caldav: string } }
  | { readonly kind: 'failed'; readonly error: string };

/** Short text of a blocked plan, for the store and the summary line. */
export function blockedText(report: CycleReport): string | undefined {
  const blocked = report.plan.blocked;
  if (!blocked) return undefined;
  return `safety stop: ${blocked.reason} (would delete ${blocked.deletes.graph} on Graph, ${blocked.deletes.caldav} on CalDAV of ${blocked.mapped} mapped; rerun with --force-deletes to allow)`;
}

/**
 * Opens the pair, runs one cycle and records the attempt (unless it is a dry run, which must leave no trace).
 * A blocked cycle counts as a failed attempt so `status` and /healthz show it.
 */
export async function runPairCycle(pair: PairConfig, store: Store, log: Logger, opts: PairCycleOptions = {}): Promise<PairCycleResult> {
  try {
    const runtime = await openPair(pair, store, log, Date.now(), { dryRun: !!opts.dryRun });
    const options = opts.allowMassDelete ? { ...runtime.options, allowMassDelete: true } : runtime.options;
    const report = await runSyncCycle(
      { pair: pair.name, store, sides: runtime.sides, options, log, ...(opts.onWrite ? { onWrite: opts.onWrite } : {}) },
      { ...(opts.dryRun ? { dryRun: true } : {}), ...(opts.signal ? { signal: opts.signal } : {}) },
    );
    if (!opts.dryRun) {
      const blocked = blockedText(report);
      await store.recordAttempt(pair.name, blocked ? { ok: false, counts: report.counts, error: blocked } : { ok: true, counts: report.counts });
    }
    return { kind: 'done', report, calendars: { graph: runtime.graphCalendar, caldav: runtime.caldavCalendar } };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    log.error({ pair: pair.name, err }, 'sync cycle failed');
    if (!opts.dryRun) await store.recordAttempt(pair.name, { ok: false, error });
    return { kind: 'failed', error };
  }
}
