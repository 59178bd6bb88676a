import type { Clock, EmulatorRequest, EmulatorResponse, GraphService } from './contract.js';
import { createCalendar, deleteCalendar, getCalendar, listCalendars, updateCalendar } from './domain/calendars.js';
import { buildContext, calendarOf, type RequestContext } from './domain/context.js';
import { SyncStateRing } from './domain/delta.js';
import { GraphError, badRequest, errorResponse } from './domain/errors.js';
import { getEvent, listEvents, patchEvent, postEvent, removeEvent } from './domain/event-handlers.js';
import { type MailboxRef, type Route, parsePath } from './domain/router.js';
import { type Mailbox, MailboxDirectory } from './domain/store.js';
import { getCalendarView, getDelta, getInstances } from './domain/view-handlers.js';

/**
 * The emulator's Microsoft Graph v1.0 calendar domain: mailboxes, calendars, events, series,
 * calendarView and calendarView/delta, answering as Microsoft documents Graph
 * (/work/shared/docs/graph-api.md). The HTTP front routes every authenticated /v1.0 and /beta
 * request here.
 */
export interface GraphServiceOptions {
  readonly clock: Clock;
  /** How many delta sync-state generations each calendar keeps before older tokens answer 410. Default 50. */
  readonly maxDeltaGenerations?: number;
}

const methodNotAllowed = (): GraphError =>
  new GraphError(405, 'ErrorInvalidRequest', 'The OData request is not supported for this resource and method.');

function mailboxFor(ref: MailboxRef, req: EmulatorRequest, directory: MailboxDirectory): Mailbox {
  const { principal } = req;
  if (ref.kind === 'me') {
    // "/me request is only valid with delegated authentication flow." (observed BadRequest, msgraph-sdk-php#1163)
    if (principal.kind !== 'delegated' || !principal.upn) {
      throw badRequest('/me request is only valid with delegated authentication flow.');
    }
    return directory.ensure(principal.upn);
  }
  if (principal.kind === 'delegated' && principal.upn) {
    const self = directory.ensure(principal.upn);
    if (ref.idOrUpn.toLowerCase() !== self.upn && ref.idOrUpn.toLowerCase() !== self.id) {
      throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    }
    return self;
  }
  const found = directory.find(ref.idOrUpn);
  if (found) return found;
  if (ref.idOrUpn.includes('@')) return directory.ensure(ref.idOrUpn);
  throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${ref.idOrUpn}' is invalid.`);
}

export function createGraphService(opts: GraphServiceOptions): GraphService {
  const directory = new MailboxDirectory();
  const rings = new Map<string, SyncStateRing>();
  const maxGenerations = opts.maxDeltaGenerations ?? 50;
  const ringOf = (mailbox: Mailbox, calendarId: string): SyncStateRing => {
    const key = `${mailbox.id}|${calendarId}`;
    let ring = rings.get(key);
    if (!ring) rings.set(key, (ring = new SyncStateRing(maxGenerations)));
    return ring;
  };

  function dispatch(ctx: RequestContext, route: Route): EmulatorResponse {
    const method = ctx.req.method;
    switch (route.kind) {
      case 'calendars':
        if (method === 'GET') return listCalendars(ctx);
        if (method === 'POST') return createCalendar(ctx);
        break;
      case 'calendar':
        if (method === 'GET') return getCalendar(ctx, calendarOf(ctx, route.scope));
        if (method === 'PATCH') return updateCalendar(ctx, calendarOf(ctx, route.scope));
        if (method === 'DELETE') return deleteCalendar(ctx, calendarOf(ctx, route.scope));
        break;
      case 'events':
        if (method === 'GET') return listEvents(ctx, route.scope);
        if (method === 'POST') return postEvent(ctx, route.scope);
        break;
      case 'event':
        if (method === 'GET') return getEvent(ctx, route.scope, route.eventId);
        if (method === 'PATCH') return patchEvent(ctx, route.scope, route.eventId);
        if (method === 'DELETE') return removeEvent(ctx, route.scope, route.eventId);
        break;
      case 'instances':
        if (method === 'GET') return getInstances(ctx, route.scope, route.eventId);
        break;
      case 'calendarView':
        if (method === 'GET') return getCalendarView(ctx, route.scope);
        break;
      case 'delta':
        if (method === 'GET') return getDelta(ctx, route.scope, ringOf);
        break;
    }
    throw methodNotAllowed();
  }

  return {
    handle(req: EmulatorRequest): EmulatorResponse {
      const nowMs = opts.clock.now();
      try {
        const { mailbox: ref, route } = parsePath(req.path);
        const mailbox = mailboxFor(ref, req, directory);
        return dispatch(buildContext(req, mailbox, nowMs), route);
      } catch (e) {
        const err = e instanceof GraphError ? e : new GraphError(500, 'generalException', e instanceof Error ? e.message : String(e));
        return errorResponse(err, nowMs, req.headers['client-request-id']);
      }
    },
    expireDeltaTokens(): void {
      for (const ring of rings.values()) ring.clear();
    },
  };
}
