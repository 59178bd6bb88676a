import type { EmulatorResponse } from '../contract.js';
import { betaSeriesAsk, betaSeriesProperties } from './beta-series.js';
import {
  type RequestContext,
  baseRenderOptions,
  calendarIdsOf,
  calendarOf,
  contextUrl,
  json,
  lookupScopeOf,
  page,
  userFragment,
} from './context.js';
import { parseEventInput } from './event-input.js';
import { type EventTarget, checkIfMatch, createEvent, deleteEvent, resolveEvent, updateEvent } from './events.js';
import { parseEventFilter } from './filters.js';
import { orderByTime, readRenderOptions } from './read-options.js';
import { type RenderOptions, type Renderable, renderEvent } from './representation.js';
import type { CalendarScope } from './router.js';
import type { StoredEvent } from './store.js';
import { storedTimeToMs } from './time.js';

/** /events and /events/{id}: list, create, get, update, delete (graph-api.md §5, §9). */

/** POST/PATCH responses never carry extended properties (graph-api.md §9.5). */
function writeOptions(ctx: RequestContext): RenderOptions {
  return baseRenderOptions(ctx);
}

function entityContext(ctx: RequestContext, select: readonly string[] | undefined): string {
  const projection = select ? `(${select.join(',')})` : '';
  return contextUrl(ctx, `${userFragment(ctx)}/events${projection}/$entity`);
}

const renderable = (t: EventTarget): Renderable =>
  t.kind === 'stored' ? { kind: 'stored', event: t.event } : { kind: 'instance', ...t.instance };

const timesOf = (e: StoredEvent): { startMs: number; endMs: number } => ({
  startMs: storedTimeToMs(e.content.start),
  endMs: storedTimeToMs(e.content.end),
});

/** "The list contains single instance meetings and series masters" (MGDC:api-reference/v1.0/api/user-list-events.md). */
export function listEvents(ctx: RequestContext, scope: CalendarScope): EmulatorResponse {
  const opts = readRenderOptions(ctx);
  const filter = parseEventFilter(ctx.query.get('$filter'));
  const calendars = calendarIdsOf(ctx, scope);
  const events = [...ctx.mailbox.events.values()].filter((e) => calendars.has(e.calendarId) && (!filter || filter(e)));
  const { items, nextLink } = page(ctx, orderByTime(ctx, events, timesOf));
  const projection = opts.select ? `(${opts.select.join(',')})` : '';
  return json(ctx, 200, {
    '@odata.context': contextUrl(ctx, `${userFragment(ctx)}/events${projection}`),
    value: items.map((event) => renderEvent({ kind: 'stored', event }, opts)),
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
  });
}

export function postEvent(ctx: RequestContext, scope: CalendarScope): EmulatorResponse {
  const input = parseEventInput(ctx.req.body);
  const event = createEvent(ctx.mailbox, calendarOf(ctx, scope).id, input, ctx.nowMs);
  return json(ctx, 201, { '@odata.context': entityContext(ctx, undefined), ...renderEvent({ kind: 'stored', event }, writeOptions(ctx)) });
}

export function getEvent(ctx: RequestContext, scope: CalendarScope, id: string): EmulatorResponse {
  const ask = betaSeriesAsk(ctx);
  const opts = readRenderOptions(ctx, ask);
  const target = resolveEvent(ctx.mailbox, id, lookupScopeOf(ctx, scope));
  const series = target.kind === 'stored' && target.event.recurrence ? betaSeriesProperties(target.event, ask, opts) : {};
  return json(ctx, 200, { '@odata.context': entityContext(ctx, opts.select), ...renderEvent(renderable(target), opts), ...series });
}

export function patchEvent(ctx: RequestContext, scope: CalendarScope, id: string): EmulatorResponse {
  const target = resolveEvent(ctx.mailbox, id, lookupScopeOf(ctx, scope));
  checkIfMatch(target, ctx.req.headers['if-match']);
  const input = parseEventInput(ctx.req.body);
  const updated = updateEvent(target, input, ctx.nowMs);
  return json(ctx, 200, { '@odata.context': entityContext(ctx, undefined), ...renderEvent(renderable(updated), writeOptions(ctx)) });
}

export function removeEvent(ctx: RequestContext, scope: CalendarScope, id: string): EmulatorResponse {
  const target = resolveEvent(ctx.mailbox, id, lookupScopeOf(ctx, scope));
  checkIfMatch(target, ctx.req.headers['if-match']);
  deleteEvent(ctx.mailbox, target, ctx.nowMs);
  return { status: 204 };
}
