import { randomUUID } from 'node:crypto';
import type { EmulatorResponse } from '../contract.js';

/**
 * A Graph error: the HTTP status plus Graph's `code` and `message`. Shape of the envelope:
 * https://learn.microsoft.com/graph/errors (MGDC:concepts/errors.md, sample 17).
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extraHeaders: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export const badRequest = (message: string, code = 'BadRequest'): GraphError => new GraphError(400, code, message);

export const itemNotFound = (): GraphError =>
  new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');

/** Microsoft's message when the window is missing (sample 16). */
export const windowRequired = (): GraphError =>
  new GraphError(
    400,
    'ErrorInvalidParameter',
    'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
  );

/** Unknown path segment: Graph answers 400 BadRequest "Resource not found for the segment '…'." */
export const unknownSegment = (segment: string): GraphError =>
  badRequest(`Resource not found for the segment '${segment}'.`);

/** Graph's wording for a zone it does not know (observed, microsoft-graph-docs#4758). */
export const timeZoneNotSupported = (zone: string): GraphError =>
  new GraphError(
    400,
    'TimeZoneNotSupportedException',
    `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zone}'.`,
  );

/** Server timestamp as Graph writes innerError.date: seconds precision, no zone suffix (sample 16). */
function innerDate(nowMs: number): string {
  return new Date(nowMs).toISOString().slice(0, 19);
}

export function errorResponse(err: GraphError, nowMs: number, clientRequestId: string | undefined): EmulatorResponse {
  const requestId = randomUUID();
  return {
    status: err.status,
    headers: { 'content-type': 'application/json', 'request-id': requestId, ...err.extraHeaders },
    body: {
      error: {
        code: err.code,
        message: err.message,
        innerError: {
          'request-id': requestId,
          date: innerDate(nowMs),
          'client-request-id': clientRequestId ?? requestId,
        },
      },
    },
  };
}
