/**
 * Outlook's concurrency limit: "4 concurrent requests" per app + mailbox (MGDC:concepts/throttling.md, "Outlook
 * service limits"; graph-api.md §11). A request holds its slot for its whole lifetime, injected latency included,
 * so overlapping slow requests are what trips it. Excess requests get 429 with a (possibly fractional)
 * Retry-After, body as in the doc's sample (sample 14).
 */

export interface ThrottleSettings {
  /** Concurrent requests allowed per app + mailbox. */
  readonly concurrency: number;
  /** Retry-After seconds sent with 429s; fractional values are allowed (sample 14 sends "2.128"). */
  readonly retryAfterSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = { concurrency: 4, retryAfterSeconds: 0.5 };

export class MailboxThrottle {
  private readonly inFlight = new Map<string, number>();

  constructor(public settings: ThrottleSettings = DEFAULT_THROTTLE) {}

  /** Takes a slot for `key`; returns the release function, or undefined when the key is at its limit. */
  tryAcquire(key: string): (() => void) | undefined {
    const current = this.inFlight.get(key) ?? 0;
    if (current >= this.settings.concurrency) return undefined;
    this.inFlight.set(key, current + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left <= 0) this.inFlight.delete(key);
      else this.inFlight.set(key, left);
    };
  }
}

/** Throttle key: app + mailbox, lower-cased. */
export function throttleKey(clientId: string, mailbox: string): string {
  return `${clientId.toLowerCase()}|${mailbox}`;
}
