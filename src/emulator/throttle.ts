/**
 * Outlook's per app + mailbox limits (MGDC:concepts/throttling.md, "Outlook service limits"; graph-api.md §11):
 * 4 concurrent requests, and 10,000 requests per 10 minutes. A request holds its concurrency slot for its whole
 * lifetime, injected latency included, so overlapping slow requests are what trips it. Excess requests get 429 with
 * a (possibly fractional) Retry-After, body as in the doc's sample (sample 14). The rate window runs on the
 * emulator's clock, so a test can move past it.
 */

export interface ThrottleSettings {
  /** Concurrent requests allowed per app + mailbox. */
  readonly concurrency: number;
  /** Retry-After seconds sent when the concurrency limit trips; fractional allowed (sample 14 sends "2.128"). */
  readonly retryAfterSeconds: number;
  /** Requests allowed per app + mailbox within `windowSeconds`. */
  readonly requestsPerWindow: number;
  readonly windowSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = {
  concurrency: 4,
  retryAfterSeconds: 0.5,
  requestsPerWindow: 10_000,
  windowSeconds: 600,
};

export type Admission =
  | { readonly admitted: true; readonly release: () => void }
  | { readonly admitted: false; readonly retryAfterSeconds: number };

export class MailboxThrottle {
  private readonly inFlight = new Map<string, number>();
  /** Admission times (ms) within the current window, oldest first. */
  private readonly recent = new Map<string, number[]>();

  constructor(public settings: ThrottleSettings = DEFAULT_THROTTLE) {}

  admit(key: string, nowMs: number): Admission {
    const windowMs = this.settings.windowSeconds * 1000;
    const times = (this.recent.get(key) ?? []).filter((t) => t > nowMs - windowMs);
    this.recent.set(key, times);
    if (times.length >= this.settings.requestsPerWindow) {
      // The earliest moment a slot in the window frees up.
      const waitMs = times[0]! + windowMs - nowMs;
      return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
    const current = this.inFlight.get(key) ?? 0;
    if (current >= this.settings.concurrency) return { admitted: false, retryAfterSeconds: this.settings.retryAfterSeconds };
    this.inFlight.set(key, current + 1);
    times.push(nowMs);
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left <= 0) this.inFlight.delete(key);
      else this.inFlight.set(key, left);
    };
    return { admitted: true, release };
  }
}

/** Throttle key: app + mailbox, lower-cased. */
export function throttleKey(clientId: string, mailbox: string): string {
  return `${clientId.toLowerCase()}|${mailbox}`;
}
