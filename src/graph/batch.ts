import { backoffMs, retryAfterMs, sleep } from '../http/retry.js';
import { GraphApiError } from './errors.js';
import type { GraphTransport } from './transport.js';

/**
 * JSON batching (MGDC:concepts/json-batching.md): up to 20 requests per POST /$batch, answered one by one with
 * their own statuses. Each inner request is throttled individually, and the JS SDK does not retry inner 429s,
 * so those (and inner 503/504) are sent again after the longest Retry-After among them (graph-api.md §10).
 */
export interface BatchRequest {
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the version root, e.g. '/users/x/events/AAMk=' */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export interface BatchResponse {
  readonly id: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export const MAX_BATCH = 20;
const TRANSIENT = new Set([429, 503, 504]);

export interface BatchOptions {
  readonly maxAttempts?: number;
  readonly maxDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Sends the requests in batches of 20; returns every final answer by id (a transient one after the last attempt). */
export async function sendBatch(t: GraphTransport, requests: readonly BatchRequest[], opts: BatchOptions = {}): Promise<Map<string, BatchResponse>> {
  const answers = new Map<string, BatchResponse>();
  const maxAttempts = opts.maxAttempts ?? 6;
  const maxDelayMs = opts.maxDelayMs ?? 120_000;
  const wait = opts.sleep ?? sleep;
  let pending = [...requests];
  for (let attempt = 1; pending.length > 0; attempt++) {
    const retry: BatchRequest[] = [];
    let delay = 0;
    for (let i = 0; i < pending.length; i += MAX_BATCH) {
      const chunk = pending.slice(i, i + MAX_BATCH);
      const reply = await t.call<{ responses: BatchResponse[] }>({ method: 'POST', url: '/$batch', body: { requests: chunk } });
      for (const response of reply.body.responses) {
        const request = chunk.find((r) => r.id === response.id);
        if (!request) throw new GraphApiError('POST', '/$batch', 200, 'BatchResponseUnknownId', `answer for unknown request id ${response.id}`);
        answers.set(response.id, response);
        if (TRANSIENT.has(response.status) && attempt < maxAttempts) {
          retry.push(request);
          const header = Object.entries(response.headers ?? {}).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
          delay = Math.max(delay, retryAfterMs(header, maxDelayMs) ?? backoffMs(attempt, 1000, maxDelayMs));
        }
      }
    }
    if (retry.length > 0) await wait(delay);
    pending = retry;
  }
  return answers;
}

/** The body of a successful answer, or the GraphApiError it carries. */
export function batchResult<T>(answer: BatchResponse | undefined, request: BatchRequest): T {
  if (!answer) throw new GraphApiError(request.method, request.url, 0, 'BatchMissingAnswer', 'no answer in the batch response');
  if (answer.status >= 200 && answer.status < 300) return answer.body as T;
  throw GraphApiError.from(request.method, request.url, answer.status, answer.body, answer.headers?.['request-id']);
}
