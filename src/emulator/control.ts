import { z } from 'zod';
import type { Clock, EmulatorResponse, GraphService } from './contract.js';
import { UnknownUserCodeError, type AutoApprove, type DeviceCodeStore } from './auth/device-codes.js';
import { ACCESS_TOKEN_SECONDS, type TokenAuthority } from './auth/tokens.js';
import { faultRuleSchema, type FaultInjector, type FaultRuleInput } from './faults.js';
import { DEFAULT_THROTTLE, type MailboxThrottle, type ThrottleSettings } from './throttle.js';

/**
 * The test-only control API, served under `/_emulator/` (never under /v1.0, no bearer token): moves the clock,
 * expires access and delta tokens, injects faults, approves device codes, mints tokens, and counts requests so a
 * test can assert "wrote nothing". The same operations are methods of `EmulatorControl` for in-process tests.
 *
 * HTTP routes (JSON in, JSON out):
 *   GET    /_emulator/health                      {ok:true}
 *   GET    /_emulator/clock                       {now, nowMs}
 *   POST   /_emulator/clock/advance               {ms} or {seconds} → {now, nowMs}
 *   POST   /_emulator/tokens                      {upn?, tenant?, clientId?, lifetimeSeconds?} → {access_token}
 *   POST   /_emulator/tokens/expire               every token issued so far answers 401
 *   POST   /_emulator/delta/expire                every delta/skip token answers 410 SyncStateNotFound
 *   GET    /_emulator/faults                      {seed, rules}
 *   POST   /_emulator/faults                      {seed?, rules:[{kind:'429'|'503'|'504'|'reset'|'latency', rate?, count?,
 *                                                  latencyMs?, retryAfterSeconds?, method?, path?, mailbox?}]}
 *   DELETE /_emulator/faults                      remove all rules
 *   PUT    /_emulator/throttle                    {concurrency?, retryAfterSeconds?, requestsPerWindow?, windowSeconds?}
 *   POST   /_emulator/devicecode/approve          {user_code, upn}
 *   PUT    /_emulator/devicecode/auto-approve     {afterPolls, upn};  DELETE to stop auto-approving
 *   GET    /_emulator/stats                       {total, byMethod, byRoute, byStatus, throttled, faulted}
 *   POST   /_emulator/reset                       clears faults, stats and throttle settings (not data, not clock)
 */

/** The emulator's clock: real time plus an offset the control API moves. */
export class EmulatorClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly base: Clock = { now: () => Date.now() }) {}

  now(): number {
    return this.base.now() + this.offsetMs;
  }

  advance(ms: number): number {
    this.offsetMs += ms;
    return this.now();
  }
}

export interface EmulatorStats {
  readonly total: number;
  readonly byMethod: Readonly<Record<string, number>>;
  /** Keys like 'PATCH /users/{id}/events/{id}': names kept, ids and upns replaced by {id}. */
  readonly byRoute: Readonly<Record<string, number>>;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly throttled: number;
  readonly faulted: number;
  /** Graph calls (outer or inner) being served right now: lets a test wait until slow requests have arrived. */
  readonly inFlight: number;
}

/** Keeps Graph's segment names, hides ids: names are short, letters-only ('calendarView', '$batch', 'delta'). */
export function routePattern(path: string): string {
  return path
    .split('/')
    .map((seg) => (seg === '' || /^[A-Za-z$.]{1,24}$/.test(seg) ? seg : '{id}'))
    .join('/');
}

export class RequestStats {
  private counts = { total: 0, throttled: 0, faulted: 0 };
  private inFlight = 0;

  /** A Graph call entered the pipeline; `leave` follows when it is answered. */
  enter(): void {
    this.inFlight += 1;
  }

  leave(): void {
    this.inFlight -= 1;
  }
  private byMethod = new Map<string, number>();
  private byRoute = new Map<string, number>();
  private byStatus = new Map<string, number>();

  record(method: string, path: string, status: number | 'reset', cause: 'throttle' | 'fault' | undefined): void {
    const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
    this.counts.total += 1;
    bump(this.byMethod, method);
    bump(this.byRoute, `${method} ${routePattern(path)}`);
    bump(this.byStatus, String(status));
    if (cause === 'throttle') this.counts.throttled += 1;
    if (cause === 'fault') this.counts.faulted += 1;
  }

  snapshot(): EmulatorStats {
    return {
      ...this.counts,
      inFlight: this.inFlight,
      byMethod: Object.fromEntries(this.byMethod),
      byRoute: Object.fromEntries(this.byRoute),
      byStatus: Object.fromEntries(this.byStatus),
    };
  }

  clear(): void {
    this.counts = { total: 0, throttled: 0, faulted: 0 };
    this.byMethod.clear();
    this.byRoute.clear();
    this.byStatus.clear();
  }
}

export interface IssueTokenOptions {
  /** A delegated token for this user; omitted → an app-only token. */
  readonly upn?: string;
  readonly tenant?: string;
  readonly clientId?: string;
  readonly lifetimeSeconds?: number;
}

export interface ControlDeps {
  readonly clock: EmulatorClock;
  readonly tokens: TokenAuthority;
  readonly deviceCodes: DeviceCodeStore;
  readonly faults: FaultInjector;
  readonly throttle: MailboxThrottle;
  readonly stats: RequestStats;
  readonly graph: GraphService;
}

export class EmulatorControl {
  private readonly initialSeed: number;

  constructor(private readonly deps: ControlDeps) {
    this.initialSeed = deps.faults.seed;
  }

  now(): number {
    return this.deps.clock.now();
  }

  advanceClock(ms: number): number {
    return this.deps.clock.advance(ms);
  }

  /** A token without going through OAuth: for tests that are not about authentication. */
  issueToken(opts: IssueTokenOptions = {}): string {
    const tid = opts.tenant ?? 'emulator-tenant';
    const appid = opts.clientId ?? 'emulator-client';
    const lifetime = opts.lifetimeSeconds ?? ACCESS_TOKEN_SECONDS;
    return opts.upn === undefined
      ? this.deps.tokens.mint({ use: 'access', kind: 'app', tid, appid }, lifetime)
      : this.deps.tokens.mint({ use: 'access', kind: 'delegated', tid, appid, upn: opts.upn }, lifetime);
  }

  expireTokens(): void {
    this.deps.tokens.revokeAll();
  }

  expireDeltaTokens(): void {
    this.deps.graph.expireDeltaTokens();
  }

  addFaults(rules: readonly FaultRuleInput[], seed?: number): void {
    if (seed !== undefined) this.deps.faults.reseed(seed);
    for (const rule of rules) this.deps.faults.add(rule);
  }

  clearFaults(): void {
    this.deps.faults.clear();
  }

  setThrottle(settings: Partial<ThrottleSettings>): ThrottleSettings {
    this.deps.throttle.settings = { ...this.deps.throttle.settings, ...settings };
    return this.deps.throttle.settings;
  }

  approveDeviceCode(userCode: string, upn: string): void {
    this.deps.deviceCodes.approve(userCode, upn);
  }

  autoApproveDeviceCodes(auto: AutoApprove | undefined): void {
    this.deps.deviceCodes.autoApprove = auto;
  }

  stats(): EmulatorStats {
    return this.deps.stats.snapshot();
  }

  reset(): void {
    this.deps.faults.clear();
    this.deps.faults.reseed(this.initialSeed);
    this.deps.stats.clear();
    this.deps.throttle.settings = DEFAULT_THROTTLE;
  }

  faultState(): { seed: number; rules: ReturnType<FaultInjector['list']> } {
    return { seed: this.deps.faults.seed, rules: this.deps.faults.list() };
  }
}

const advanceSchema = z.union([z.object({ ms: z.number() }), z.object({ seconds: z.number() })]);
const tokenSchema = z.object({
  upn: z.string().optional(),
  tenant: z.string().optional(),
  clientId: z.string().optional(),
  lifetimeSeconds: z.number().int().optional(),
});
const faultsSchema = z.object({ seed: z.number().int().optional(), rules: z.array(faultRuleSchema) });
const throttleSchema = z.object({
  concurrency: z.number().int().positive().optional(),
  retryAfterSeconds: z.number().nonnegative().optional(),
  requestsPerWindow: z.number().int().positive().optional(),
  windowSeconds: z.number().positive().optional(),
});
const approveSchema = z.object({ user_code: z.string(), upn: z.string() });
const autoApproveSchema = z.object({ afterPolls: z.number().int().positive(), upn: z.string() });

const json = (body: unknown, status = 200): EmulatorResponse => ({ status, body });
const noContent: EmulatorResponse = { status: 204 };
const controlError = (status: number, code: string, message: string): EmulatorResponse =>
  json({ error: { code, message } }, status);
const clockBody = (ms: number): unknown => ({ now: new Date(ms).toISOString(), nowMs: ms });

type Handler = (control: EmulatorControl, body: unknown) => EmulatorResponse;

const routes: Readonly<Record<string, Handler>> = {
  'GET /health': () => json({ ok: true }),
  'GET /clock': (c) => json(clockBody(c.now())),
  'POST /clock/advance': (c, b) => {
    const input = advanceSchema.parse(b);
    return json(clockBody(c.advanceClock('ms' in input ? input.ms : input.seconds * 1000)));
  },
  'POST /tokens': (c, b) => json({ access_token: c.issueToken(tokenSchema.parse(b ?? {})) }),
  'POST /tokens/expire': (c) => (c.expireTokens(), noContent),
  'POST /delta/expire': (c) => (c.expireDeltaTokens(), noContent),
  'GET /faults': (c) => json(c.faultState()),
  'POST /faults': (c, b) => {
    const input = faultsSchema.parse(b);
    c.addFaults(input.rules, input.seed);
    return json(c.faultState());
  },
  'DELETE /faults': (c) => (c.clearFaults(), noContent),
  'PUT /throttle': (c, b) => json(c.setThrottle(throttleSchema.parse(b))),
  'POST /devicecode/approve': (c, b) => {
    const input = approveSchema.parse(b);
    c.approveDeviceCode(input.user_code, input.upn);
    return noContent;
  },
  'PUT /devicecode/auto-approve': (c, b) => (c.autoApproveDeviceCodes(autoApproveSchema.parse(b)), noContent),
  'DELETE /devicecode/auto-approve': (c) => (c.autoApproveDeviceCodes(undefined), noContent),
  'GET /stats': (c) => json(c.stats()),
  'POST /reset': (c) => (c.reset(), noContent),
};

/** Serves `<method> /_emulator<subPath>`. */
export function handleControl(control: EmulatorControl, method: string, subPath: string, body: unknown): EmulatorResponse {
  const handler = routes[`${method} ${subPath.replace(/\/+$/, '')}`];
  if (!handler) return controlError(404, 'NotFound', `no control route ${method} /_emulator${subPath}`);
  try {
    return handler(control, body);
  } catch (err) {
    if (err instanceof z.ZodError) return controlError(400, 'BadRequest', z.prettifyError(err));
    if (err instanceof UnknownUserCodeError) return controlError(404, 'NotFound', err.message);
    throw err;
  }
}
