import type { EmulatorRequest, EmulatorResponse, GraphService, Principal } from '../../../src/emulator/contract.js';
import { createGraphService } from '../../../src/emulator/graph-service.js';

/** A GraphService driven directly, with a manual clock and a fake delegated principal. */

export const BASE_URL = 'https://127.0.0.1:8443';
export const USER = 'adele.vance@contoso.com';
export const delegated: Principal = { kind: 'delegated', tenant: 't1', clientId: 'c1', upn: USER };
export const appOnly: Principal = { kind: 'app', tenant: 't1', clientId: 'c1' };

export interface CallOptions {
  readonly query?: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly principal?: Principal;
  readonly version?: EmulatorRequest['version'];
}

/** A JSON object body, for reading fields in assertions. */
export type Json = Record<string, unknown>;

export class Harness {
  nowMs = Date.parse('2026-03-02T09:00:00Z');
  readonly service: GraphService;

  constructor(maxDeltaGenerations?: number) {
    this.service = createGraphService({ clock: { now: () => this.nowMs }, ...(maxDeltaGenerations ? { maxDeltaGenerations } : {}) });
  }

  call(method: EmulatorRequest['method'], path: string, opts: CallOptions = {}): EmulatorResponse {
    return this.service.handle({
      method,
      version: opts.version ?? 'v1.0',
      path,
      rawQuery: opts.query ?? '',
      headers: opts.headers ?? {},
      body: opts.body,
      principal: opts.principal ?? delegated,
      baseUrl: BASE_URL,
    });
  }

  /** Follow an @odata.nextLink / @odata.deltaLink verbatim. */
  follow(link: string, headers: Record<string, string> = {}): EmulatorResponse {
    const prefix = `${BASE_URL}/v1.0`;
    if (!link.startsWith(prefix)) throw new Error(`link outside the emulator: ${link}`);
    const rest = link.slice(prefix.length);
    const q = rest.indexOf('?');
    return this.call('GET', q < 0 ? rest : rest.slice(0, q), { query: q < 0 ? '' : rest.slice(q + 1), headers });
  }

  /** POST /me/events and return the created event body (asserting nothing about it). */
  create(body: Json, path = '/me/events', headers: Record<string, string> = {}): Json {
    const res = this.call('POST', path, { body, headers });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Json;
  }

  tick(ms: number): void {
    this.nowMs += ms;
  }
}

export function bodyOf(res: EmulatorResponse): Json {
  return res.body as Json;
}

export function valueOf(res: EmulatorResponse): Json[] {
  return (res.body as { value: Json[] }).value;
}

export function errorCode(res: EmulatorResponse): string {
  return (res.body as { error: { code: string } }).error.code;
}

/** A timed event body in a zone. */
export function timed(subject: string, start: string, end: string, timeZone = 'UTC', extra: Json = {}): Json {
  return { subject, start: { dateTime: start, timeZone }, end: { dateTime: end, timeZone }, ...extra };
}

/** Weekly on Mondays 12:00-13:00 UTC from 2026-03-02, numbered. */
export function weeklySeries(subject: string, count = 6, extra: Json = {}): Json {
  return timed(subject, '2026-03-02T12:00:00', '2026-03-02T13:00:00', 'UTC', {
    recurrence: {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['Monday'] },
      range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: count },
    },
    ...extra,
  });
}
