import type { EmulatorResponse } from '../contract.js';
import { type RequestContext, baseRenderOptions, calendarIdsOf, calendarOf, contextUrl, json, lookupScopeOf, page, userFragment } from './context.js';
import { type SyncState, type SyncStateRing, decodeToken, diffRound, encodeToken } from './delta.js';
import { badRequest, windowRequired } from './errors.js';
import { resolveEvent } from './events.js';
import { orderByTime, readRenderOptions } from './read-options.js';
import { type RenderOptions, renderEvent } from './representation.js';
import type { CalendarScope } from './router.js';
import type { Mailbox } from './store.js';
import { parseWindowBound } from './time.js';
import { type ViewItem, type Window, calendarView, seriesView } from './view.js';

/**
 * calendarView, instances and calendarView/delta. The window is required and read from the raw
 * query (sample 16; MGDC:api-reference/v1.0/api/user-list-calendarview.md); the Prefer time zone
 * does not change how it is read.
 */

function windowOf(ctx: RequestContext): Window {
  const start = ctx.query.get('startDateTime');
  const end = ctx.query.get('endDateTime');
  if (start === undefined || end === undefined) throw windowRequired();
  return { fromMs: parseWindowBound(start, 'StartDateTime'), toMs: parseWindowBound(end, 'EndDateTime') };
}

function collection(ctx: RequestContext, fragment: string, items: ViewItem[]): EmulatorResponse {
  if (ctx.query.has('$filter') || ctx.query.has('$search')) {
    throw badRequest('$filter and $search on calendarView are not supported by this emulator.', 'ErrorInvalidUrlQueryFilter');
  }
  const opts = readRenderOptions(ctx);
  const { items: pageItems, nextLink } = page(ctx, orderByTime(ctx, items, (i) => i));
  // Non-delta views never carry delta tokens, whatever `Prefer: odata.track-changes` says (graph-api.md §6.4).
  return json(ctx, 200, {
    '@odata.context': contextUrl(ctx, fragment),
    value: pageItems.map((i) => renderEvent(i, opts)),
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
  });
}

export function getCalendarView(ctx: RequestContext, scope: CalendarScope): EmulatorResponse {
  const w = windowOf(ctx);
  return collection(ctx, `${userFragment(ctx)}/calendarView`, calendarView(ctx.mailbox, calendarIdsOf(ctx, scope), w));
}

/** Occurrences and exceptions of one series in the window; a single instance has none. */
export function getInstances(ctx: RequestContext, scope: CalendarScope, id: string): EmulatorResponse {
  const w = windowOf(ctx);
  const target = resolveEvent(ctx.mailbox, id, lookupScopeOf(ctx, scope));
  const items = target.kind === 'stored' && target.event.recurrence ? seriesView(target.event, w) : [];
  return collection(ctx, `${userFragment(ctx)}/events('${id}')/instances`, items);
}

/** "You cannot use $select"; $expand, $filter, $orderby, $search are not supported either (event-delta.md). */
const REFUSED_ON_DELTA = ['$select', '$filter', '$orderby', '$expand', '$search'];

/** The round a request reads and where in it: a skip token continues one, a delta token or a first call starts one. */
function roundOf(ctx: RequestContext, scope: CalendarScope, rings: RingsOf): { state: SyncState; offset: number } {
  const skip = ctx.query.get('$skiptoken');
  const delta = ctx.query.get('$deltatoken');
  if (skip !== undefined) {
    const token = decodeToken(skip, ctx.mailbox.id);
    return { state: rings(ctx.mailbox, token.c).get(token.g), offset: token.o ?? 0 };
  }
  if (delta !== undefined) {
    const token = decodeToken(delta, ctx.mailbox.id);
    const ring = rings(ctx.mailbox, token.c);
    const previous = ring.get(token.g);
    const current = calendarView(ctx.mailbox, new Set([token.c]), previous.window);
    return { state: ring.add({ calendarId: token.c, window: previous.window, ...diffRound(previous.known, current) }), offset: 0 };
  }
  const w = windowOf(ctx);
  const calendarId = calendarOf(ctx, scope).id;
  const current = calendarView(ctx.mailbox, new Set([calendarId]), w);
  return { state: rings(ctx.mailbox, calendarId).add({ calendarId, window: w, ...diffRound(new Map(), current) }), offset: 0 };
}

/** The sync-state ring of one calendar of a mailbox. */
export type RingsOf = (mailbox: Mailbox, calendarId: string) => SyncStateRing;

export function getDelta(ctx: RequestContext, scope: CalendarScope, rings: RingsOf): EmulatorResponse {
  const refused = REFUSED_ON_DELTA.filter((o) => ctx.query.has(o));
  if (refused.length > 0) {
    throw badRequest(
      `The following parameters are not supported with change tracking over the 'Events' resource: '${refused.join(', ')}'.`,
      'ErrorInvalidUrlQuery',
    );
  }
  const { state, offset } = roundOf(ctx, scope, rings);
  const size = ctx.prefs.maxPageSize ?? 10;
  const entries = state.entries.slice(offset, offset + size);
  const opts: RenderOptions = { ...baseRenderOptions(ctx), withODataType: true };
  const value = entries.map((e) =>
    e.kind === 'upsert'
      ? renderEvent(e.item, opts)
      : { '@odata.type': '#microsoft.graph.event', id: e.id, '@removed': { reason: 'deleted' } },
  );
  const link = `${ctx.req.baseUrl}/${ctx.req.version}${ctx.req.path}?`;
  const more = offset + size < state.entries.length;
  const tokenBase = { m: ctx.mailbox.id, c: state.calendarId, g: state.generation };
  const token = more
    ? { '@odata.nextLink': `${link}$skiptoken=${encodeToken({ ...tokenBase, o: offset + size })}` }
    : { '@odata.deltaLink': `${link}$deltatoken=${encodeToken(tokenBase)}` };
  return json(ctx, 200, { '@odata.context': contextUrl(ctx, 'Collection(event)'), ...token, value }, ['odata.track-changes']);
}
