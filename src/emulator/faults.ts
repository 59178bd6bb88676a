import { z } from 'zod';
import type { EmulatorResponse } from './contract.js';
import { graphError } from './envelope.js';

/**
 * Test-only fault injection: statuses Graph documents as transient (429, 503, 504 — graph-api.md §11, retried by the
 * JS SDK's RetryHandler), added latency, and dropped connections. Each rule fires on matching requests with a given
 * probability drawn from a seeded PRNG, so a test that fixes the seed sees the same faults on every run.
 */

export const faultRuleSchema = z.object({
  kind: z.enum(['429', '503', '504', 'reset', 'latency']),
  /** Probability per matching request, 0..1. */
  rate: z.number().min(0).max(1).default(1),
  /** Fire at most this many times, then the rule is spent. */
  count: z.number().int().positive().optional(),
  latencyMs: z.number().int().nonnegative().default(0),
  retryAfterSeconds: z.number().nonnegative().default(1),
  /** Only requests with this HTTP method (case-insensitive). */
  method: z.string().optional(),
  /** Only requests whose path below the version matches this regular expression (case-insensitive). */
  path: z.string().optional(),
  /** Only requests addressing this mailbox (upn or id, case-insensitive). */
  mailbox: z.string().optional(),
});

export type FaultRuleInput = z.input<typeof faultRuleSchema>;
type FaultRule = z.output<typeof faultRuleSchema> & { fired: number; pathRe?: RegExp };

export interface FaultTarget {
  readonly method: string;
  readonly path: string;
  readonly mailbox: string | undefined;
}

export type FaultOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'respond'; readonly response: EmulatorResponse }
  | { readonly kind: 'reset' };

export interface FaultDecision {
  readonly latencyMs: number;
  readonly outcome: FaultOutcome;
}

/** mulberry32: tiny, fast, and good enough to spread fault draws; the point is reproducibility. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function throttledResponse(retryAfterSeconds: number): EmulatorResponse {
  // Body as in MGDC:concepts/throttling.md "Sample response" (sample 14).
  return graphError(
    429,
    'TooManyRequests',
    'Please retry again later.',
    { 'retry-after': String(retryAfterSeconds) },
    { code: '429', message: 'Please retry after', status: '429' },
  );
}

function statusResponse(kind: '429' | '503' | '504', retryAfterSeconds: number): EmulatorResponse {
  if (kind === '429') return throttledResponse(retryAfterSeconds);
  const headers = { 'retry-after': String(retryAfterSeconds) };
  return kind === '503'
    ? graphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Please retry later.', headers)
    : graphError(504, 'serviceNotAvailable', 'The gateway did not receive a timely response. Please retry later.', headers);
}

export class FaultInjector {
  private rules: FaultRule[] = [];
  private random: () => number;
  private seedValue: number;

  constructor(seed = 1) {
    this.seedValue = seed;
    this.random = mulberry32(seed);
  }

  /** Validates and adds a rule; throws a ZodError on bad input. */
  add(input: FaultRuleInput): void {
    const rule = faultRuleSchema.parse(input);
    this.rules.push({ ...rule, fired: 0, ...(rule.path !== undefined ? { pathRe: new RegExp(rule.path, 'i') } : {}) });
  }

  clear(): void {
    this.rules = [];
  }

  /** Restarts the PRNG: the same seed and the same request sequence give the same faults. */
  reseed(seed: number): void {
    this.seedValue = seed;
    this.random = mulberry32(seed);
  }

  get seed(): number {
    return this.seedValue;
  }

  list(): ReadonlyArray<Readonly<FaultRuleInput & { fired: number }>> {
    return this.rules.map(({ pathRe: _pathRe, ...rule }) => rule);
  }

  /** Latency adds up over all firing latency rules; the first firing status/reset rule decides the outcome. */
  decide(target: FaultTarget): FaultDecision {
    let latencyMs = 0;
    let outcome: FaultOutcome = { kind: 'none' };
    for (const rule of this.rules) {
      if (!this.matches(rule, target)) continue;
      if (rule.kind !== 'latency' && outcome.kind !== 'none') continue;
      if (this.random() >= rule.rate) continue;
      rule.fired += 1;
      if (rule.kind === 'latency') latencyMs += rule.latencyMs;
      else if (rule.kind === 'reset') outcome = { kind: 'reset' };
      else outcome = { kind: 'respond', response: statusResponse(rule.kind, rule.retryAfterSeconds) };
    }
    return { latencyMs, outcome };
  }

  private matches(rule: FaultRule, target: FaultTarget): boolean {
    if (rule.count !== undefined && rule.fired >= rule.count) return false;
    if (rule.method !== undefined && rule.method.toUpperCase() !== target.method.toUpperCase()) return false;
    if (rule.pathRe !== undefined && !rule.pathRe.test(target.path)) return false;
    if (rule.mailbox !== undefined && rule.mailbox.toLowerCase() !== target.mailbox) return false;
    return true;
  }
}
