/**
 * Retry timing shared by the Graph and CalDAV transports.
 * Retry-After is delay-seconds or an HTTP-date (RFC 9110 §10.2.3); Graph also sends fractional seconds
 * ("Retry-After: 2.128", graph-api.md §11, sample 14).
 */
export function retryAfterMs(value: string | null | undefined, maxMs: number, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  const ms = /^\d+(\.\d+)?$/.test(trimmed) ? Math.ceil(Number(trimmed) * 1000) : Date.parse(trimmed) - now;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(Math.max(ms, 0), maxMs);
}

/** Exponential backoff with "equal jitter": half of the capped ceiling fixed, half random. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
