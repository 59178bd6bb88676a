import { randomUUID } from 'node:crypto';
import type { EmulatorResponse } from './contract.js';

/**
 * Graph's error envelope and per-request ids, shared by every answer the front gives (Graph calls, $batch inner
 * responses, throttling, faults). Shape: MGDC:concepts/errors.md ("example of a full JSON error body", sample 17):
 * {"error":{"code","message","innerError":{"request-id","date","client-request-id"}}}.
 */

/** The ids Graph puts in the `request-id`/`client-request-id` headers and in every error's innerError. */
export interface RequestIds {
  readonly requestId: string;
  /** Echo of the caller's `client-request-id` header, else the request id (as Graph does). */
  readonly clientRequestId: string;
}

export function requestIdsFor(headers: Readonly<Record<string, string | undefined>>): RequestIds {
  const requestId = randomUUID();
  return { requestId, clientRequestId: headers['client-request-id'] ?? requestId };
}

/** innerError.date: seconds precision, no zone suffix, as in sample 17 ("2020-08-18T12:51:51"). */
export function innerErrorDate(nowMs: number): string {
  return new Date(nowMs).toISOString().slice(0, 19);
}

export function graphError(
  status: number,
  code: string,
  message: string,
  headers: Readonly<Record<string, string>> = {},
  innerError: Readonly<Record<string, string>> = {},
): EmulatorResponse {
  return { status, headers, body: { error: { code, message, innerError: { ...innerError } } } };
}

/** Graph's answer to a method a resource does not support (sample 13, request 4). */
export const methodNotAllowed = (): EmulatorResponse =>
  graphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Stamps the ids and date on a response: headers always, and innerError when the body is an error envelope
 * (the domain may have minted its own request-id; the header and the body must agree).
 */
export function stampResponse(res: EmulatorResponse, ids: RequestIds, nowMs: number): EmulatorResponse {
  const headers = { ...res.headers, 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId };
  const body = res.body;
  if (!isRecord(body) || !isRecord(body.error)) return { ...res, headers };
  const inner = isRecord(body.error.innerError) ? body.error.innerError : {};
  const innerError = {
    ...inner,
    'request-id': ids.requestId,
    date: innerErrorDate(nowMs),
    'client-request-id': ids.clientRequestId,
  };
  return { ...res, headers, body: { ...body, error: { ...body.error, innerError } } };
}
