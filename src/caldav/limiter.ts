// Per-host concurrency limit: CalDAV servers (GMX, Stalwart, SOGo…) throttle or fall over under parallel load
// (caldav-ical.md §5 "Rate limits generally"), and a single daemon may run several collection syncs at once.

export class HostLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(readonly perHost: number) {
    if (!Number.isInteger(perHost) || perHost < 1) throw new RangeError(`perHost must be a positive integer, got ${perHost}`);
  }

  /** Runs `task` once fewer than `perHost` tasks for `host` are running. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    await this.acquire(host);
    try {
      return await task();
    } finally {
      this.release(host);
    }
  }

  private acquire(host: string): Promise<void> {
    const n = this.active.get(host) ?? 0;
    if (n < this.perHost) {
      this.active.set(host, n + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(host) ?? [];
      queue.push(resolve);
      this.waiting.set(host, queue);
    });
  }

  private release(host: string): void {
    const next = this.waiting.get(host)?.shift();
    if (next) {
      next(); // the slot passes straight to the next waiter
      return;
    }
    const n = (this.active.get(host) ?? 1) - 1;
    if (n === 0) this.active.delete(host);
    else this.active.set(host, n);
    this.waiting.delete(host);
  }
}

/** Shared by every transport that is not given its own limiter, so the limit holds process-wide. */
export const defaultHostLimiter = new HostLimiter(2);
