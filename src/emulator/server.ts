import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorRequest, EmulatorResponse, Principal } from './contract.js';
import { authenticate } from './auth/bearer.js';
import { handleAuthRoute } from './auth/routes.js';
import type { TokenEndpointContext } from './auth/token-endpoint.js';
import { BatchRequestError, parseBatch, runBatch } from './batch.js';
import { handleControl, type EmulatorControl } from './control.js';
import { graphError, methodNotAllowed, requestIdsFor, stampResponse, type RequestIds } from './envelope.js';
import { decodePath, runGraphCall, type CallResult, type GraphCall, type PipelineDeps } from './pipeline.js';

/**
 * The HTTP front: routes `/_emulator/*` to the control API, the identity endpoints to auth/, and everything under
 * `/v1.0/` and `/beta/` through bearer check → $batch or the call pipeline → GraphService. Every Graph answer
 * carries `request-id`/`client-request-id` headers and errors in Graph's envelope (MGDC:concepts/errors.md).
 */

export interface FrontContext {
  readonly pipeline: PipelineDeps;
  readonly auth: TokenEndpointContext;
  readonly control: EmulatorControl;
}

/** Graph's JSON content type (sample 13 inner headers). */
const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** The body as text, or undefined when it exceeds MAX_BODY_BYTES (read to the end anyway, so the 413 arrives). */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size <= MAX_BODY_BYTES) chunks.push(buf);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
}

function headerRecord(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function send(res: ServerResponse, answer: EmulatorResponse, contentType: string): void {
  const headers: Record<string, string> = { ...answer.headers };
  let payload: string | undefined;
  if (answer.body !== undefined && answer.status !== 204) {
    payload = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = contentType;
  }
  res.writeHead(answer.status, headers);
  res.end(payload);
}

function withJsonType(r: EmulatorResponse): EmulatorResponse {
  if (r.body === undefined || Object.keys(r.headers ?? {}).some((h) => h.toLowerCase() === 'content-type')) return r;
  return { ...r, headers: { ...r.headers, 'content-type': GRAPH_JSON } };
}

const INVALID_JSON =
  'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.';

async function batchAnswer(ctx: FrontContext, call: GraphCall, principal: Principal, ids: RequestIds): Promise<CallResult> {
  ctx.pipeline.stats.record(call.method, call.path, 200, undefined);
  if (call.method !== 'POST') return { kind: 'response', response: methodNotAllowed() };
  let inner;
  try {
    inner = parseBatch(call.body, call.version);
  } catch (err) {
    if (err instanceof BatchRequestError) return { kind: 'response', response: graphError(400, 'BadRequest', err.message) };
    throw err;
  }
  return runBatch(inner, async (innerCall) => {
    const r = await runGraphCall(ctx.pipeline, innerCall, principal);
    if (r.kind === 'reset') return r;
    // Inner answers share the outer request's ids, as in the doc's batch sample (sample 13).
    return { kind: 'response', response: withJsonType(stampResponse(r.response, ids, ctx.pipeline.clock.now())) };
  });
}

async function graphAnswer(ctx: FrontContext, call: GraphCall, ids: RequestIds, bodyError: boolean): Promise<CallResult> {
  const bearer = authenticate(call.headers.authorization, ctx.auth.tokens);
  if (!bearer.ok || bodyError) {
    const response = bearer.ok ? graphError(400, 'BadRequest', INVALID_JSON) : bearer.response;
    ctx.pipeline.stats.record(call.method, call.path, response.status, undefined);
    return { kind: 'response', response };
  }
  if (call.path.toLowerCase() === '/$batch') return batchAnswer(ctx, call, bearer.principal, ids);
  return runGraphCall(ctx.pipeline, call, bearer.principal);
}

async function serveGraph(
  ctx: FrontContext,
  req: IncomingMessage,
  res: ServerResponse,
  version: EmulatorRequest['version'],
  rawPath: string,
  rawQuery: string,
  bodyText: string,
): Promise<void> {
  const headers = headerRecord(req);
  const ids = requestIdsFor(headers);
  let body: unknown;
  let bodyError = false;
  if (bodyText.trim() !== '') {
    try {
      body = JSON.parse(bodyText);
    } catch {
      bodyError = true;
    }
  }
  let path: string;
  try {
    path = decodePath(rawPath === '' ? '/' : rawPath);
  } catch {
    send(res, stampResponse(graphError(400, 'BadRequest', 'Invalid URL encoding.'), ids, ctx.pipeline.clock.now()), GRAPH_JSON);
    return;
  }
  const call: GraphCall = { method: req.method ?? 'GET', version, path, rawQuery, headers, body };
  const result = await graphAnswer(ctx, call, ids, bodyError);
  if (result.kind === 'reset') {
    req.socket.destroy();
    return;
  }
  send(res, stampResponse(result.response, ids, ctx.pipeline.clock.now()), GRAPH_JSON);
}

async function serve(ctx: FrontContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
  const method = (req.method ?? 'GET').toUpperCase();
  const bodyText = await readBody(req);
  if (bodyText === undefined) {
    const tooLarge = graphError(413, 'RequestEntityTooLarge', `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
    return send(res, stampResponse(tooLarge, requestIdsFor(headerRecord(req)), ctx.pipeline.clock.now()), GRAPH_JSON);
  }
  const graph = /^\/(v1\.0|beta)(\/.*)?$/i.exec(rawPath);
  if (graph) {
    const version = graph[1]!.toLowerCase() === 'beta' ? 'beta' : 'v1.0';
    return serveGraph(ctx, req, res, version, graph[2] ?? '', rawQuery, bodyText);
  }
  if (rawPath === '/_emulator' || rawPath.startsWith('/_emulator/')) {
    let body: unknown;
    try {
      body = bodyText.trim() === '' ? undefined : JSON.parse(bodyText);
    } catch {
      const notJson: EmulatorResponse = { status: 400, body: { error: { code: 'BadRequest', message: 'body is not JSON' } } };
      return send(res, notJson, 'application/json');
    }
    return send(res, handleControl(ctx.control, method, rawPath.slice('/_emulator'.length), body), 'application/json');
  }
  const auth = handleAuthRoute(ctx.auth, method, rawPath, bodyText);
  if (auth) {
    return send(res, { ...auth, headers: { 'cache-control': 'no-store', ...auth.headers } }, 'application/json; charset=utf-8');
  }
  const ids = requestIdsFor(headerRecord(req));
  const notFound = graphError(400, 'BadRequest', `Invalid version: ${rawPath.split('/')[1] ?? ''}`);
  send(res, stampResponse(notFound, ids, ctx.pipeline.clock.now()), GRAPH_JSON);
}

export function requestListener(
  ctx: FrontContext,
  onError: (err: unknown) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    serve(ctx, req, res).catch((err: unknown) => {
      onError(err);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const answer = graphError(500, 'generalException', 'An internal server error occurred.');
      send(res, stampResponse(answer, requestIdsFor(headerRecord(req)), ctx.pipeline.clock.now()), GRAPH_JSON);
    });
  };
}
