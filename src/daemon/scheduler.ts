import type { Logger } from 'pino';

export interface ScheduledPair {
  readonly name: string;
  readonly intervalMs: number;
}

/** What one sync cycle reports back to the scheduler. */
export interface CycleOutcome {
  readonly ok: boolean;
  readonly error?: string;
}

/** Runs one cycle of a pair; should stop between writes once `signal` is aborted. */
export type RunCycle = (pair: string, signal: AbortSignal) => Promise<CycleOutcome>;

/** Guards a pair against other daemon instances sharing the database. */
export interface LeaseKeeper {
  acquire(pair: string): Promise<boolean>;
  release(pair: string): Promise<void>;
}

export interface SchedulerOptions {
  /** Share of the interval added at random to each wait (0.1 = up to +10%), so pairs don't move in lock-step. */
  readonly jitter?: number;
  readonly random?: () => number;
  readonly leases?: LeaseKeeper;
  readonly log?: Logger;
}

/**
 * Each pair on its own interval with jitter; never two cycles of one pair at once. `stop()` lets the
 * cycles in flight finish their current write (their signal is aborted) and resolves when they are done.
 */
export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly abort = new AbortController();
  private stopped = false;

  constructor(
    private readonly pairs: readonly ScheduledPair[],
    private readonly runCycle: RunCycle,
    private readonly options: SchedulerOptions = {},
  ) {}

  start(): void {
    for (const pair of this.pairs) this.schedule(pair, 0);
  }

  /** Runs one pair now (e.g. on a webhook), unless a cycle of it is already running. */
  trigger(name: string): boolean {
    const pair = this.pairs.find((p) => p.name === name);
    if (!pair || this.stopped || this.running.has(name)) return false;
    clearTimeout(this.timers.get(name));
    this.schedule(pair, 0);
    return true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.abort.abort();
    await Promise.allSettled([...this.running.values()]);
  }

  private delayFor(pair: ScheduledPair): number {
    const jitter = this.options.jitter ?? 0.1;
    return pair.intervalMs * (1 + jitter * (this.options.random ?? Math.random)());
  }

  private schedule(pair: ScheduledPair, delayMs: number): void {
    if (this.stopped) return;
    this.timers.set(
      pair.name,
      setTimeout(() => {
        this.timers.delete(pair.name);
        const run = this.runOnce(pair).finally(() => {
          this.running.delete(pair.name);
          this.schedule(pair, this.delayFor(pair));
        });
        this.running.set(pair.name, run);
      }, delayMs),
    );
  }

  private async runOnce(pair: ScheduledPair): Promise<void> {
    const { leases, log } = this.options;
    if (leases && !(await leases.acquire(pair.name))) {
      log?.debug({ pair: pair.name }, 'another instance holds the lease; skipping this cycle');
      return;
    }
    try {
      const outcome = await this.runCycle(pair.name, this.abort.signal);
      if (!outcome.ok) log?.warn({ pair: pair.name, error: outcome.error }, 'sync cycle failed');
    } catch (err) {
      log?.error({ pair: pair.name, err }, 'sync cycle crashed');
    } finally {
      if (leases) await leases.release(pair.name).catch(() => undefined);
    }
  }
}
