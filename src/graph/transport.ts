import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  ResponseType,
  type AuthenticationProvider,
  type FetchOptions,
} from '@microsoft/microsoft-graph-client';
import { KeyedLimiter } from '../http/limiter.js';
import { backoffMs, retryAfterMs, sleep } from '../http/retry.js';
import { GraphApiError, GraphUnavailableError } from './errors.js';
import { FetchHandler, trustingFetch } from './trust.js';

export interface GraphCall {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Absolute (a nextLink/deltaLink, copied verbatim) or relative to `<baseUrl>/v1.0`. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export interface GraphReply<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface GraphTransportOptions {
  /** e.g. https://graph.microsoft.com (or the emulator's baseUrl). */
  readonly baseUrl: string;
  readonly authProvider: AuthenticationProvider;
  /** Requests are limited per mailbox: Graph allows 4 concurrent requests per app and mailbox. */
  readonly mailbox: string;
  readonly limiter?: KeyedLimiter;
  /** An extra CA certificate (PEM) to trust besides the system roots (config `graph.caFile`). */
  readonly caPem?: string;
  readonly fetchOptions?: FetchOptions;
  readonly maxAttempts?: number;
  readonly timeoutMs?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Process-wide: the 4-per-mailbox limit holds however many pairs share a mailbox. */
export const defaultMailboxLimiter = new KeyedLimiter(4);

const TRANSIENT = new Set([429, 500, 502, 503, 504]);

/**
 * Every Graph request goes through here: the Graph JS client (auth header for custom hosts too),
 * at most 4 in flight per mailbox, Retry-After honoured on 429/503/504, exponential backoff with
 * jitter on 5xx, timeouts and resets. Non-transient errors become GraphApiError.
 */
export class GraphTransport {
  private readonly client: Client;
  private readonly limiter: KeyedLimiter;
  private readonly maxAttempts: number;
  private readonly timeoutMs: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: GraphTransportOptions) {
    const base = new URL(options.baseUrl);
    const auth = new AuthenticationHandler(options.authProvider);
    auth.setNext(options.caPem ? new FetchHandler(trustingFetch(options.caPem)) : new HTTPMessageHandler());
    this.client = Client.initWithMiddleware({
      middleware: auth,
      baseUrl: base.origin + '/',
      defaultVersion: 'v1.0',
      customHosts: new Set([base.hostname]),
      ...(options.fetchOptions ? { fetchOptions: options.fetchOptions } : {}),
    });
    this.limiter = options.limiter ?? defaultMailboxLimiter;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 6);
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 120_000;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? sleep;
  }

  /** Sends the call; 2xx resolves, anything else rejects with GraphApiError (or GraphUnavailableError). */
  async call<T = unknown>(call: GraphCall): Promise<GraphReply<T>> {
    let problem = '';
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const outcome = await this.limiter.run(this.options.mailbox.toLowerCase(), () => this.attempt(call));
      if (outcome instanceof Error) {
        problem = outcome.message;
      } else if (!TRANSIENT.has(outcome.status)) {
        if (outcome.status >= 200 && outcome.status < 300) return outcome as GraphReply<T>;
        throw GraphApiError.from(call.method, call.url, outcome.status, outcome.body, outcome.headers.get('request-id') ?? undefined);
      } else {
        problem = `HTTP ${outcome.status}`;
        if (attempt < this.maxAttempts) {
          const wait = retryAfterMs(outcome.headers.get('retry-after'), this.maxDelayMs);
          await this.sleep(wait ?? backoffMs(attempt, this.baseDelayMs, this.maxDelayMs, this.random));
          continue;
        }
        throw GraphApiError.from(call.method, call.url, outcome.status, outcome.body, outcome.headers.get('request-id') ?? undefined);
      }
      if (attempt < this.maxAttempts) await this.sleep(backoffMs(attempt, this.baseDelayMs, this.maxDelayMs, this.random));
    }
    throw new GraphUnavailableError(call.method, call.url, this.maxAttempts, problem);
  }

  private async attempt(call: GraphCall): Promise<GraphReply | Error> {
    try {
      const request = this.client
        .api(call.url)
        .headers({ ...call.headers })
        .option('signal', AbortSignal.timeout(this.timeoutMs))
        .responseType(ResponseType.RAW);
      const res: Response =
        call.method === 'GET'
          ? await request.get()
          : call.method === 'POST'
            ? await request.post(call.body ?? {})
            : call.method === 'PATCH'
              ? await request.patch(call.body ?? {})
              : await request.delete();
      const text = await res.text();
      const body = text && (res.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as unknown) : text || undefined;
      return { status: res.status, headers: res.headers, body };
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  }
}
