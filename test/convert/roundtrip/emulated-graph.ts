import type { GraphCreatePlan, GraphWindow } from '../../../src/convert/graph/index.js';
import type { EmulatorRequest, EmulatorResponse } from '../../../src/emulator/contract.js';
import { createGraphService } from '../../../src/emulator/graph-service.js';
import type { GraphEvent } from '../../../src/graph/types.js';

/**
 * The emulator's Graph domain, driven in-process, standing in for Microsoft Graph: a create plan is
 * applied as calbridge's writer would (POST, then PATCH/DELETE of occurrences found through
 * /instances by originalStart) and the series is read back the way the sync reads it.
 */

const BASE_URL = 'https://127.0.0.1:8443';
const PRINCIPAL = { kind: 'delegated', tenant: 't1', clientId: 'c1', upn: 'adele.vance@contoso.com' } as const;

export class EmulatedMailbox {
  private readonly service = createGraphService({ clock: { now: () => Date.parse('2026-01-01T00:00:00Z') } });

  private call(method: EmulatorRequest['method'], path: string, body?: unknown, rawQuery = ''): EmulatorResponse {
    const res = this.service.handle({ method, version: 'v1.0', path, rawQuery, headers: {}, body, principal: PRINCIPAL, baseUrl: BASE_URL });
    if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }

  /** Every page of /instances for the window. */
  instances(id: string, window: GraphWindow): GraphEvent[] {
    const out: GraphEvent[] = [];
    let query = `startDateTime=${encodeURIComponent(window.start)}&endDateTime=${encodeURIComponent(window.end)}&$top=1000`;
    for (;;) {
      const body = this.call('GET', `/me/events/${id}/instances`, undefined, query).body as { value: GraphEvent[]; '@odata.nextLink'?: string };
      out.push(...body.value);
      const next = body['@odata.nextLink'];
      if (!next) return out;
      query = next.slice(next.indexOf('?') + 1);
    }
  }

  /** Applies `plan` and returns the Graph event id of its master (or single event). */
  apply(plan: GraphCreatePlan, window: GraphWindow): string {
    const created = this.call('POST', '/me/events', plan.payload).body as GraphEvent;
    const id = created.id!;
    if (plan.exceptions.length + plan.cancelled.length === 0) return id;
    const byOriginal = new Map(this.instances(id, window).map((i) => [new Date(i.originalStart!).toISOString(), i.id!]));
    const instanceId = (originalStart: string): string => {
      const found = byOriginal.get(new Date(originalStart).toISOString());
      if (!found) throw new Error(`no occurrence at ${originalStart} in the window`);
      return found;
    };
    for (const x of plan.exceptions) this.call('PATCH', `/me/events/${instanceId(x.originalStart)}`, x.patch);
    for (const c of plan.cancelled) this.call('DELETE', `/me/events/${instanceId(c)}`);
    return id;
  }

  event(id: string): GraphEvent {
    return this.call('GET', `/me/events/${id}`).body as GraphEvent;
  }
}
