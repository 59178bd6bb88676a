import { type RequestContext, baseRenderOptions } from './context.js';
import { badRequest } from './errors.js';
import { parseExtendedExpand } from './filters.js';
import { type RenderOptions, checkSelect } from './representation.js';

/** Query options shared by the event reads (GET by id, /events, calendarView, instances). */

/**
 * $select and $expand=singleValueExtendedProperties($filter=…) on top of the request's Prefer options.
 * `expand` lets a caller pass on what is left after taking out an expansion it serves itself.
 */
export function readRenderOptions(ctx: RequestContext, served?: { restExpand: string | undefined }): RenderOptions {
  const select = ctx.query.select();
  checkSelect(select, ctx.req.version === 'beta');
  const extendedFilter = parseExtendedExpand(served ? served.restExpand : ctx.query.get('$expand'));
  return {
    ...baseRenderOptions(ctx),
    ...(select ? { select } : {}),
    ...(extendedFilter ? { extendedFilter } : {}),
  };
}

export interface Timed {
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * `$orderby=start/dateTime [asc|desc]` (or end/dateTime), the ordering calendar clients use
 * (graph-api.md §5); other expressions are refused rather than silently ignored.
 */
export function orderByTime<T>(ctx: RequestContext, items: readonly T[], timed: (item: T) => Timed): T[] {
  const orderby = ctx.query.get('$orderby');
  if (orderby === undefined) return [...items];
  const m = /^\s*(start|end)\/dateTime(?:\s+(asc|desc))?\s*$/i.exec(orderby);
  if (!m) throw badRequest(`The $orderby expression '${orderby}' is not supported by this emulator.`, 'ErrorInvalidUrlQuery');
  const byStart = m[1]!.toLowerCase() === 'start';
  const sign = m[2]?.toLowerCase() === 'desc' ? -1 : 1;
  const key = (item: T): number => (byStart ? timed(item).startMs : timed(item).endMs);
  return [...items].sort((a, b) => sign * (key(a) - key(b)));
}
