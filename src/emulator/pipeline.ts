import { setTimeout as sleep } from 'node:timers/promises';
import {
  mailboxOf,
  type Clock,
  type EmulatorRequest,
  type EmulatorResponse,
  type GraphService,
  type Principal,
} from './contract.js';
import { meWithoutUser } from './auth/bearer.js';
import type { RequestStats } from './control.js';
import { graphError, methodNotAllowed } from './envelope.js';
import { throttledResponse, type FaultInjector } from './faults.js';
import { throttleKey, type MailboxThrottle } from './throttle.js';

/**
 * One authenticated Graph call, outer or inside a $batch: method check → /me check → per-mailbox concurrency slot →
 * injected faults (latency is spent while holding the slot) → GraphService.handle. Each inner request of a $batch
 * goes through here on its own, so throttling applies to inner requests individually (MGDC:concepts/json-batching.md).
 */

export interface GraphCall {
  readonly method: string;
  readonly version: EmulatorRequest['version'];
  /** Percent-decoded per segment. */
  readonly path: string;
  readonly rawQuery: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export type CallResult =
  | { readonly kind: 'response'; readonly response: EmulatorResponse }
  /** The connection must be dropped without an answer (an injected fault). */
  | { readonly kind: 'reset' };

export interface PipelineDeps {
  readonly graph: GraphService;
  readonly clock: Clock;
  readonly throttle: MailboxThrottle;
  readonly faults: FaultInjector;
  readonly stats: RequestStats;
  readonly baseUrl: string;
  /** Aborted when the emulator closes, so injected latency never outlives it. */
  readonly closing: AbortSignal;
}

/**
 * A path as EmulatorRequest wants it: decoded per segment, so an encoded '/' inside an id stays inside its segment.
 * Throws URIError on a malformed escape.
 */
export function decodePath(rawPath: string): string {
  return rawPath
    .split('/')
    .map((s) => decodeURIComponent(s))
    .join('/');
}

const METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']);
const isMethod = (m: string): m is EmulatorRequest['method'] => METHODS.has(m);

function handleSafely(graph: GraphService, req: EmulatorRequest): EmulatorResponse {
  try {
    return graph.handle(req);
  } catch (err) {
    // A domain bug must still answer in Graph's shape, as the service does for its own failures.
    const message = err instanceof Error ? err.message : String(err);
    return graphError(500, 'generalException', `An internal server error occurred: ${message}`);
  }
}

interface Attempt {
  readonly result: CallResult;
  /** Why the domain was not reached, for the stats. */
  readonly cause?: 'throttle' | 'fault';
}

async function attempt(deps: PipelineDeps, call: GraphCall, principal: Principal): Promise<Attempt> {
  if (!isMethod(call.method)) return { result: { kind: 'response', response: methodNotAllowed() } };
  const meRefused = meWithoutUser(call.path, principal);
  if (meRefused) return { result: { kind: 'response', response: meRefused } };
  const mailbox = mailboxOf({ path: call.path, principal });
  const admission =
    mailbox === undefined
      ? { admitted: true as const, release: () => undefined }
      : deps.throttle.admit(throttleKey(principal.clientId, mailbox), deps.clock.now());
  if (!admission.admitted) {
    return { result: { kind: 'response', response: throttledResponse(admission.retryAfterSeconds) }, cause: 'throttle' };
  }
  const release = admission.release;
  try {
    const decision = deps.faults.decide({ method: call.method, path: call.path, mailbox });
    if (decision.latencyMs > 0) {
      try {
        await sleep(decision.latencyMs, undefined, { signal: deps.closing });
      } catch {
        return { result: { kind: 'reset' }, cause: 'fault' };
      }
    }
    if (decision.outcome.kind === 'reset') return { result: { kind: 'reset' }, cause: 'fault' };
    if (decision.outcome.kind === 'respond') {
      return { result: { kind: 'response', response: decision.outcome.response }, cause: 'fault' };
    }
    const req: EmulatorRequest = { ...call, method: call.method, principal, baseUrl: deps.baseUrl };
    return { result: { kind: 'response', response: handleSafely(deps.graph, req) } };
  } finally {
    release();
  }
}

export async function runGraphCall(deps: PipelineDeps, call: GraphCall, principal: Principal): Promise<CallResult> {
  deps.stats.enter();
  try {
    const { result, cause } = await attempt(deps, call, principal);
    deps.stats.record(call.method, call.path, result.kind === 'reset' ? 'reset' : result.response.status, cause);
    return result;
  } finally {
    deps.stats.leave();
  }
}
