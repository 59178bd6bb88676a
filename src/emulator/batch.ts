import type { EmulatorRequest, EmulatorResponse } from './contract.js';
import { graphError } from './envelope.js';
import { decodePath, type CallResult, type GraphCall } from './pipeline.js';

/**
 * JSON batching, `POST /v1.0/$batch` (MGDC:concepts/json-batching.md; graph-api.md §10; sample 13):
 * at most 20 requests, ids unique case-insensitively, urls relative to the version (with or without a leading '/'),
 * `headers` with Content-Type required when a body is sent, `dependsOn` sequencing with 424 for dependents of a
 * failed request, each inner request authenticated by the outer token but throttled on its own. Outlook runs at
 * most 4 inner requests of one batch at a time (throttling-limits "Outlook service limits for JSON batching").
 */

export const MAX_BATCH_REQUESTS = 20;
const MAX_PARALLEL = 4;

interface InnerRequest {
  readonly id: string;
  readonly call: GraphCall;
  readonly dependsOn: readonly string[];
}

export type RunCall = (call: GraphCall) => Promise<CallResult>;

export class BatchRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BatchRequestError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function lowerHeaders(value: unknown, id: string): Record<string, string> {
  if (value === undefined) return {};
  if (!isRecord(value)) throw new BatchRequestError(`Request id ${id}: headers must be an object.`);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

/** '/me/events?$top=1' or 'me/events?$top=1' → path (decoded per segment) and raw query. */
export function splitRelativeUrl(url: string): { path: string; rawQuery: string } {
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  const rawQuery = q < 0 ? '' : url.slice(q + 1);
  return { path: decodePath('/' + rawPath.replace(/^\/+/, '')), rawQuery };
}

function parseInner(raw: unknown, version: EmulatorRequest['version']): InnerRequest {
  if (!isRecord(raw)) throw new BatchRequestError('Each batch request must be an object.');
  const { id, method, url, body, dependsOn } = raw;
  if (typeof id !== 'string' || id === '') throw new BatchRequestError('Batch request is missing a string id.');
  if (typeof method !== 'string') throw new BatchRequestError(`Request id ${id}: method is required.`);
  if (typeof url !== 'string' || url === '') throw new BatchRequestError(`Request id ${id}: url is required.`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    throw new BatchRequestError(`Request id ${id}: url must be relative to the version, e.g. '/me/events'.`);
  }
  const headers = lowerHeaders(raw.headers, id);
  if (body !== undefined && headers['content-type'] === undefined) {
    // Graph's own wording for this case.
    throw new BatchRequestError(`Write request id : ${id} does not contain Content-Type header or body.`);
  }
  if (dependsOn !== undefined && (!Array.isArray(dependsOn) || !dependsOn.every((d) => typeof d === 'string'))) {
    throw new BatchRequestError(`Request id ${id}: dependsOn must be an array of request ids.`);
  }
  let location: { path: string; rawQuery: string };
  try {
    location = splitRelativeUrl(url);
  } catch {
    throw new BatchRequestError(`Request id ${id}: the url is not validly percent-encoded.`);
  }
  const call: GraphCall = { method: method.toUpperCase(), version, ...location, headers, body };
  return { id, call, dependsOn: (dependsOn as string[] | undefined) ?? [] };
}

export function parseBatch(body: unknown, version: EmulatorRequest['version']): InnerRequest[] {
  if (!isRecord(body) || !Array.isArray(body.requests)) {
    throw new BatchRequestError('Invalid batch payload format: a "requests" array is required.');
  }
  if (body.requests.length === 0) throw new BatchRequestError('Invalid batch payload format: no requests.');
  if (body.requests.length > MAX_BATCH_REQUESTS) {
    throw new BatchRequestError(`The number of batch requests exceeds the limit of ${MAX_BATCH_REQUESTS}.`);
  }
  const inner = body.requests.map((r) => parseInner(r, version));
  const ids = new Set<string>();
  for (const r of inner) {
    const key = r.id.toLowerCase();
    if (ids.has(key)) throw new BatchRequestError(`Batch request ids must be unique; '${r.id}' appears more than once.`);
    ids.add(key);
  }
  // A request may only depend on one listed before it: that rules out cycles, which would never finish.
  const earlier = new Set<string>();
  for (const r of inner) {
    const missing = r.dependsOn.find((d) => !earlier.has(d.toLowerCase()));
    if (missing !== undefined) {
      throw new BatchRequestError(`Request id ${r.id} depends on '${missing}', which is not an earlier request of the batch.`);
    }
    earlier.add(r.id.toLowerCase());
  }
  return inner;
}

function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

const failedDependency = (): EmulatorResponse =>
  graphError(424, 'FailedDependency', 'The request could not be executed because a request it depends on failed.');

/** Runs a parsed batch; the answer is 'reset' if any inner request's fault drops the connection. */
export async function runBatch(inner: readonly InnerRequest[], run: RunCall): Promise<CallResult> {
  const limit = limiter(MAX_PARALLEL);
  const results = new Map<string, Promise<CallResult>>();
  const resultOf = (id: string): Promise<CallResult> => results.get(id.toLowerCase())!;
  for (const r of inner) {
    const deps = r.dependsOn.map((d) => resultOf(d));
    results.set(
      r.id.toLowerCase(),
      Promise.all(deps).then((done) => {
        const failed = done.some((d) => d.kind === 'reset' || d.response.status >= 400);
        return failed ? { kind: 'response', response: failedDependency() } : limit(() => run(r.call));
      }),
    );
  }
  const settled = await Promise.all(inner.map((r) => resultOf(r.id)));
  if (settled.some((s) => s.kind === 'reset')) return { kind: 'reset' };
  const responses = inner.map((r, i) => {
    const res = (settled[i] as Extract<CallResult, { kind: 'response' }>).response;
    return { id: r.id, status: res.status, headers: res.headers ?? {}, ...(res.body !== undefined ? { body: res.body } : {}) };
  });
  return { kind: 'response', response: { status: 200, body: { responses } } };
}
