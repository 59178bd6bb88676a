import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { CalbridgeConfig } from '../config/schema.js';
import type { Store } from '../store/store.js';
import { startDaemonHttp, type DaemonHttp, type PairHealth } from './http.js';
import { SyncMetrics } from './metrics.js';
import { runPairCycle, type PairCycleResult } from './pair-cycle.js';
import { Scheduler, type CycleOutcome, type LeaseKeeper } from './scheduler.js';

export interface DaemonOptions {
  readonly config: CalbridgeConfig;
  readonly store: Store;
  readonly log: Logger;
  /** Called after every cycle (the demo prints a line). */
  readonly onCycle?: (pair: string, result: PairCycleResult) => void;
  /** Share of the interval added at random to each wait; default 0.1. */
  readonly jitter?: number;
}

export interface RunningDaemon {
  readonly metrics: SyncMetrics;
  /** The /healthz + /metrics endpoint when the config has `http:`. */
  readonly http?: DaemonHttp;
  /** Lets the cycles in flight finish their current write, then stops the HTTP endpoint. Does not close the store. */
  stop(): Promise<void>;
}

/** A lease must outlive a slow cycle, yet let another instance take over soon after this one dies. */
const leaseTtlMs = (intervalMs: number): number => Math.max(2 * intervalMs, 10 * 60_000);

/** Several daemons may share one PostgreSQL database; each pair is then synced by one of them at a time. */
function postgresLeases(config: CalbridgeConfig, store: Store): LeaseKeeper | undefined {
  if (!/^postgres(ql)?:/.test(config.database ?? '')) return undefined;
  const holder = `${hostname()}:${process.pid}`;
  const ttl = new Map(config.pairs.map((p) => [p.name, leaseTtlMs(p.interval)]));
  return {
    acquire: (pair) => store.acquireLease(pair, holder, ttl.get(pair)!),
    release: (pair) => store.releaseLease(pair, holder),
  };
}

async function health(config: CalbridgeConfig, store: Store): Promise<PairHealth[]> {
  return Promise.all(
    config.pairs.map(async ({ name }) => {
      const status = await store.pairStatus(name);
      return {
        name,
        // Healthy means the last attempt succeeded; a pair that has not finished a cycle yet is not.
        healthy: status?.lastSuccessAt !== undefined && status.lastError === undefined,
        ...(status?.lastSuccessAt !== undefined ? { lastSuccessAt: status.lastSuccessAt } : {}),
        ...(status?.lastError !== undefined ? { lastError: status.lastError } : {}),
      };
    }),
  );
}

/** The `calbridge run` loop: every pair on its interval (with jitter), metrics, optional HTTP endpoint and leases. */
export async function startDaemon(opts: DaemonOptions): Promise<RunningDaemon> {
  const { config, store, log } = opts;
  const metrics = new SyncMetrics();
  const pairs = new Map(config.pairs.map((p) => [p.name, p]));

  const runCycle = async (name: string, signal: AbortSignal): Promise<CycleOutcome> => {
    const stopTimer = metrics.cycleSeconds.startTimer({ pair: name });
    const result = await runPairCycle(pairs.get(name)!, store, log, {
      signal,
      onWrite: (side, kind) => metrics.writes.inc({ pair: name, side, kind }),
    });
    stopTimer();
    metrics.itemErrors.set({ pair: name }, (await store.listItemErrors(name)).length);
    opts.onCycle?.(name, result);
    if (result.kind === 'failed') {
      metrics.cycles.inc({ pair: name, result: 'failed' });
      return { ok: false, error: result.error };
    }
    const { report } = result;
    const conflicts = report.plan.blocked ? 0 : report.plan.actions.filter((a) => a.kind === 'conflict').length;
    if (conflicts > 0) metrics.conflicts.inc({ pair: name }, conflicts);
    if (report.plan.blocked) {
      metrics.cycles.inc({ pair: name, result: 'blocked' });
      return { ok: false, error: report.plan.blocked.reason };
    }
    log.info({ pair: name, writes: report.writes, counts: report.counts, deferred: report.deferred }, 'sync cycle done');
    metrics.cycles.inc({ pair: name, result: report.deferred.length > 0 ? 'partial' : 'ok' });
    metrics.lastSuccess.set({ pair: name }, Date.now() / 1000);
    return { ok: true };
  };

  const leases = postgresLeases(config, store);
  const scheduler = new Scheduler(
    config.pairs.map((p) => ({ name: p.name, intervalMs: p.interval })),
    runCycle,
    { log, ...(leases ? { leases } : {}), ...(opts.jitter !== undefined ? { jitter: opts.jitter } : {}) },
  );
  const http = config.http ? await startDaemonHttp({ ...config.http, metrics, health: () => health(config, store) }) : undefined;
  scheduler.start();
  return {
    metrics,
    ...(http ? { http } : {}),
    async stop() {
      await scheduler.stop();
      await http?.close();
    },
  };
}
