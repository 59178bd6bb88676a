import type { EmulatorRequest, EmulatorResponse } from '../contract.js';
import { GraphError, badRequest } from './errors.js';
import { type Preferences, bodyTypeApplied, parsePrefer, preferenceApplied, timeZoneApplied } from './prefer.js';
import { QueryParams } from './query.js';
import type { ReaderZone, RenderOptions } from './representation.js';
import type { CalendarScope } from './router.js';
import type { Mailbox, StoredCalendar } from './store.js';
import { ianaZoneOf } from './time.js';

/** Everything a handler needs about one request, parsed once. */
export interface RequestContext {
  readonly req: EmulatorRequest;
  readonly mailbox: Mailbox;
  readonly query: QueryParams;
  readonly prefs: Preferences;
  /** Prefer: outlook.timezone, resolved (Windows or IANA name). */
  readonly zone?: ReaderZone;
  readonly nowMs: number;
}

export function buildContext(req: EmulatorRequest, mailbox: Mailbox, nowMs: number): RequestContext {
  const prefs = parsePrefer(req.headers['prefer']);
  const zone = prefs.timeZone !== undefined ? { name: prefs.timeZone, tz: ianaZoneOf(prefs.timeZone) } : undefined;
  return { req, mailbox, query: new QueryParams(req.rawQuery), prefs, ...(zone ? { zone } : {}), nowMs };
}

/** What every rendering of this request shares: the mailbox and the Prefer zone and body type. */
export function baseRenderOptions(ctx: RequestContext): RenderOptions {
  return {
    mailbox: ctx.mailbox,
    ...(ctx.zone ? { zone: ctx.zone } : {}),
    ...(ctx.prefs.bodyType ? { bodyType: ctx.prefs.bodyType } : {}),
    ...(ctx.req.version === 'beta' ? { beta: true } : {}),
  };
}

/** `https://host/v1.0/$metadata#users('{id}')/…` (samples 01, 04, 21). */
export function contextUrl(ctx: RequestContext, fragment: string): string {
  return `${ctx.req.baseUrl}/${ctx.req.version}/$metadata#${fragment}`;
}

export const userFragment = (ctx: RequestContext): string => `users('${ctx.mailbox.id}')`;

/** A JSON response; Preference-Applied names the zone and body type it honoured (sample 06). */
export function json(ctx: RequestContext, status: number, body: unknown, applied: readonly string[] = []): EmulatorResponse {
  const parts = [
    ...(ctx.zone ? [timeZoneApplied(ctx.zone.name)] : []),
    ...(ctx.prefs.bodyType ? [bodyTypeApplied(ctx.prefs.bodyType)] : []),
    ...applied,
  ];
  return { status, headers: { 'content-type': 'application/json', ...preferenceApplied(parts) }, body };
}

export function calendarOf(ctx: RequestContext, scope: CalendarScope): StoredCalendar {
  const id = scope.kind === 'calendar' ? scope.id : ctx.mailbox.defaultCalendarId;
  const cal = ctx.mailbox.calendars.get(id);
  if (!cal) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return cal;
}

/**
 * Calendars a collection path covers. /me/events and /me/calendarView read the default calendar
 * (MGDC:api-reference/v1.0/api/user-list-calendarview.md: "the user's default calendar").
 */
export function calendarIdsOf(ctx: RequestContext, scope: CalendarScope): Set<string> {
  return new Set([calendarOf(ctx, scope).id]);
}

/** Ids are mailbox-wide: /me/events/{id} finds an event in any calendar; a calendar path narrows it. */
export function lookupScopeOf(ctx: RequestContext, scope: CalendarScope): Set<string> | undefined {
  return scope.kind === 'mailbox' ? undefined : calendarIdsOf(ctx, scope);
}

export interface Page<T> {
  readonly items: T[];
  readonly nextLink?: string;
}

/**
 * `$top`/`Prefer: odata.maxpagesize` paging with `$skip` links (graph-api.md §5: default page size 10,
 * $top at most 1000; the nextLink repeats the query with a new $skip).
 */
export function page<T>(ctx: RequestContext, all: readonly T[]): Page<T> {
  const top = ctx.query.integer('$top');
  if (top !== undefined && (top < 1 || top > 1000)) throw badRequest(`Invalid $top value '${top}'.`, 'ErrorInvalidParameter');
  const size = top ?? ctx.prefs.maxPageSize ?? 10;
  const skip = ctx.query.integer('$skip') ?? 0;
  const items = all.slice(skip, skip + size);
  if (skip + size >= all.length) return { items };
  const kept = ctx.req.rawQuery.split('&').filter((p) => p !== '' && !/^\$skip=/i.test(p));
  const query = [...kept, `$skip=${skip + size}`].join('&');
  return { items, nextLink: `${ctx.req.baseUrl}/${ctx.req.version}${ctx.req.path}?${query}` };
}
