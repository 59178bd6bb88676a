/**
 * The seam between the emulator's HTTP front (server.ts: TLS, OAuth token endpoint, bearer check,
 * throttling, faults, $batch, control API) and its Graph domain (graph-service.ts: mailboxes,
 * calendars, events, recurrence, calendarView, delta). The front authenticates and routes every
 * `/v1.0/...` and `/beta/...` request, including each inner request of a $batch, to
 * `GraphService.handle`.
 */

/** Who is calling, from the bearer token. App-only tokens have no user: they must use /users/{id|upn}. */
export interface Principal {
  readonly kind: 'app' | 'delegated';
  readonly tenant: string;
  readonly clientId: string;
  /** The signed-in user (delegated tokens only): used for /me. */
  readonly upn?: string;
}

export interface EmulatorRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly version: 'v1.0' | 'beta';
  /** Path below the version, percent-decoded per segment boundaries kept, e.g. '/me/calendars/AAMk=/calendarView'. */
  readonly path: string;
  /**
   * The query string exactly as received, without '?', not decoded. Graph semantics need it raw:
   * a '+' that arrives unencoded decodes to a space (→ 400 ErrorInvalidParameter).
   */
  readonly rawQuery: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON body, or undefined. */
  readonly body: unknown;
  readonly principal: Principal;
  /** e.g. 'https://127.0.0.1:8443' — used to build @odata.nextLink / @odata.deltaLink / @odata.context. */
  readonly baseUrl: string;
}

export interface EmulatorResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON-serialisable body; undefined for 204. */
  readonly body?: unknown;
}

/** The emulator's clock: tests move it through the control API. */
export interface Clock {
  now(): number;
}

export interface GraphService {
  handle(req: EmulatorRequest): EmulatorResponse;
  /** Drop all delta sync state so every outstanding delta/skip token answers 410 SyncStateNotFound. */
  expireDeltaTokens(): void;
}

/** The mailbox a request addresses ('/me' → principal.upn; '/users/{id|upn}' → that), lower-cased; undefined if none. */
export function mailboxOf(req: Pick<EmulatorRequest, 'path' | 'principal'>): string | undefined {
  const m = /^\/(me|users\/([^/]+))(\/|$)/i.exec(req.path);
  if (!m) return undefined;
  if (m[1]!.toLowerCase() === 'me') return req.principal.upn?.toLowerCase();
  return decodeURIComponent(m[2]!).toLowerCase();
}
