import type { GraphErrorBody } from './types.js';

/**
 * A non-success answer from Graph. Codes come in PascalCase (Exchange) and camelCase (Graph) and may
 * be nested in innerError, so tests go through the predicates below (graph-api.md §11).
 */
export class GraphApiError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly code: string,
    readonly graphMessage: string,
    readonly requestId?: string,
  ) {
    super(`${method} ${url} → ${status} ${code}: ${graphMessage}`);
    this.name = 'GraphApiError';
  }

  static from(method: string, url: string, status: number, body: unknown, requestId?: string): GraphApiError {
    const error = (body as Partial<GraphErrorBody> | undefined)?.error;
    return new GraphApiError(method, url, status, error?.code ?? `HTTP${status}`, error?.message ?? '', requestId);
  }

  hasCode(...codes: string[]): boolean {
    return codes.some((c) => c.toLowerCase() === this.code.toLowerCase());
  }
}

/** The delta token is gone: full re-read of that window (410 Gone, SyncStateNotFound, resyncRequired). */
export function isSyncStateLost(err: unknown): boolean {
  return err instanceof GraphApiError && (err.status === 410 || err.hasCode('SyncStateNotFound', 'resyncRequired'));
}

/** The change key we sent no longer matches (412/409 ErrorIrresolvableConflict): re-read and re-plan. */
export function isVersionConflict(err: unknown): boolean {
  return err instanceof GraphApiError && (err.status === 412 || err.status === 409 || err.hasCode('ErrorIrresolvableConflict'));
}

export function isNotFound(err: unknown): boolean {
  return err instanceof GraphApiError && (err.status === 404 || err.hasCode('ErrorItemNotFound', 'itemNotFound'));
}

/** Network failure or retries exhausted on a transient status. */
export class GraphUnavailableError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly attempts: number,
    readonly lastProblem: string,
  ) {
    super(`${method} ${url}: Graph unavailable after ${attempts} attempts (${lastProblem})`);
    this.name = 'GraphUnavailableError';
  }
}
