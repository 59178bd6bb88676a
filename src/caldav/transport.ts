// The one place DAV requests hit the network: Basic auth, a fresh timeout per attempt (a shared AbortSignal would
// expire for every later request, caldav-ical.md §2.3), bounded retries with exponential backoff + jitter on
// 429/5xx/network errors honouring Retry-After (RFC 9110 §10.2.3), and a per-host concurrency limit.
import { DavNetworkError } from './errors.js';
import type { KeyedLimiter } from '../http/limiter.js';
import { backoffMs, retryAfterMs, sleep } from '../http/retry.js';
import { defaultHostLimiter } from './limiter.js';

export interface DavCredentials {
  username: string;
  password: string;
}

export interface TransportOptions {
  credentials?: DavCredentials;
  /** Per attempt, headers and body included. */
  timeoutMs?: number;
  /** Total attempts including the first. */
  maxAttempts?: number;
  baseDelayMs?: number;
  /** Upper bound for one wait, whether from backoff or from Retry-After. */
  maxDelayMs?: number;
  limiter?: KeyedLimiter;
  fetch?: typeof fetch;
  /** Returns [0, 1); injectable so tests can pin the jitter. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface DavRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  depth?: '0' | '1' | 'infinity';
}

export interface DavReply {
  method: string;
  /** The URL the answer came from (after redirects): the base for relative hrefs in the body. */
  url: string;
  status: number;
  headers: Headers;
  body: string;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

export class DavTransport {
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly limiter: KeyedLimiter;
  private readonly fetchFn: typeof fetch;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly authorization: string | undefined;

  constructor(opts: TransportOptions = {}) {
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.maxAttempts = Math.max(1, opts.maxAttempts ?? 4);
    this.baseDelayMs = opts.baseDelayMs ?? 500;
    this.maxDelayMs = opts.maxDelayMs ?? 30_000;
    this.limiter = opts.limiter ?? defaultHostLimiter;
    this.fetchFn = opts.fetch ?? fetch;
    this.random = opts.random ?? Math.random;
    this.sleep = opts.sleep ?? sleep;
    this.authorization = opts.credentials
      ? `Basic ${Buffer.from(`${opts.credentials.username}:${opts.credentials.password}`, 'utf8').toString('base64')}`
      : undefined;
  }

  /** Sends the request; answers with any HTTP status except retryable ones that persisted past the last attempt. */
  async request(req: DavRequest): Promise<DavReply> {
    const host = new URL(req.url).host;
    let lastError: unknown;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.limiter.run(host, () => this.attempt(req));
      const last = attempt >= this.maxAttempts;
      if (outcome instanceof Error) {
        lastError = outcome;
        if (last) throw new DavNetworkError(req.method, req.url, attempt, lastError);
        await this.sleep(this.backoff(attempt));
        continue;
      }
      if (!RETRYABLE_STATUS.has(outcome.status) || last) return outcome;
      await this.sleep(retryAfterMs(outcome.headers.get('retry-after'), this.maxDelayMs) ?? this.backoff(attempt));
    }
  }

  private async attempt(req: DavRequest): Promise<DavReply | Error> {
    const headers: Record<string, string> = { ...req.headers };
    if (this.authorization) headers.Authorization = this.authorization;
    if (req.depth) headers.Depth = req.depth;
    if (req.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = 'application/xml; charset=utf-8';
    }
    try {
      const res = await this.fetchFn(req.url, {
        method: req.method,
        headers,
        body: req.body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const body = await res.text();
      return { method: req.method, url: res.url || req.url, status: res.status, headers: res.headers, body };
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  }

  private backoff(attempt: number): number {
    return backoffMs(attempt, this.baseDelayMs, this.maxDelayMs, this.random);
  }
}
