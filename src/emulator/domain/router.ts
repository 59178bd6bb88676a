import { GraphError, badRequest, unknownSegment } from './errors.js';

/**
 * Graph calendar paths (graph-api.md §1; MGDC:api-reference/v1.0/api/event-update.md lists the path families):
 * /me|/users/{id|upn} then calendars, calendar, calendars/{id}, calendarGroups/{gid}/calendars/{id},
 * then events, events/{id}, events/{id}/instances, calendarView, calendarView/delta.
 * Segment names are case-insensitive (OData); ids are not.
 */

export type MailboxRef = { readonly kind: 'me' } | { readonly kind: 'user'; readonly idOrUpn: string };

export type CalendarScope =
  | { readonly kind: 'mailbox' }
  | { readonly kind: 'default' }
  | { readonly kind: 'calendar'; readonly id: string };

export type Route =
  | { readonly kind: 'calendars' }
  | { readonly kind: 'calendar'; readonly scope: CalendarScope }
  | { readonly kind: 'events'; readonly scope: CalendarScope }
  | { readonly kind: 'event'; readonly scope: CalendarScope; readonly eventId: string }
  | { readonly kind: 'instances'; readonly scope: CalendarScope; readonly eventId: string }
  | { readonly kind: 'calendarView'; readonly scope: CalendarScope }
  | { readonly kind: 'delta'; readonly scope: CalendarScope };

export interface ParsedPath {
  readonly mailbox: MailboxRef;
  readonly route: Route;
}

/** `events('AAMk=')` key syntax, as in the Graph doc samples (sample 06). */
function keyed(segment: string, name: string): string | undefined {
  const m = new RegExp(`^${name}\\('(.+)'\\)$`, 'i').exec(segment);
  return m ? m[1]!.replace(/''/g, "'") : undefined;
}

const isDelta = (s: string): boolean => /^(microsoft\.graph\.)?delta(\(\))?$/i.test(s);

function eventRoute(scope: CalendarScope, rest: string[]): Route {
  const [first, second, third, ...more] = rest;
  if (first === undefined) throw unknownSegment('');
  const keyedId = keyed(first, 'events');
  const lower = first.toLowerCase();
  if (lower === 'calendarview') {
    if (second === undefined) return { kind: 'calendarView', scope };
    if (isDelta(second) && third === undefined) return { kind: 'delta', scope };
    throw unknownSegment(second);
  }
  if (lower !== 'events' && keyedId === undefined) throw unknownSegment(first);
  const eventId = keyedId ?? second;
  const tail = keyedId !== undefined ? [second, third, ...more] : [third, ...more];
  if (eventId === undefined) return { kind: 'events', scope };
  if (keyedId === undefined && isDelta(eventId)) {
    // v1.0 refuses change tracking on events (msgraph-metadata#608).
    throw badRequest("Unsupported request: Change tracking is not supported against 'microsoft.graph.event'.");
  }
  const [next, ...after] = tail.filter((s): s is string => s !== undefined);
  if (next === undefined) return { kind: 'event', scope, eventId };
  if (next.toLowerCase() === 'instances' && after.length === 0) return { kind: 'instances', scope, eventId };
  throw unknownSegment(next);
}

function calendarRoute(rest: string[]): Route {
  const [first, second, ...more] = rest;
  if (first === undefined) throw unknownSegment('');
  const lower = first.toLowerCase();
  if (lower === 'calendar') {
    const scope: CalendarScope = { kind: 'default' };
    return second === undefined ? { kind: 'calendar', scope } : eventRoute(scope, [second, ...more]);
  }
  if (lower === 'calendargroups' && second !== undefined && more[0]?.toLowerCase() === 'calendars') {
    return calendarRoute(more);
  }
  const keyedCal = keyed(first, 'calendars');
  if (lower === 'calendars' || keyedCal !== undefined) {
    const id = keyedCal ?? second;
    const tail = keyedCal !== undefined ? [second, ...more] : more;
    if (id === undefined) return { kind: 'calendars' };
    const scope: CalendarScope = { kind: 'calendar', id };
    const rem = tail.filter((s): s is string => s !== undefined);
    return rem.length === 0 ? { kind: 'calendar', scope } : eventRoute(scope, rem);
  }
  return eventRoute({ kind: 'mailbox' }, rest);
}

export function parsePath(path: string): ParsedPath {
  const segments = path.split('/').filter((s) => s.length > 0);
  const [head, ...rest] = segments;
  if (head === undefined) throw new GraphError(404, 'ResourceNotFound', 'Resource not found.');
  if (head.toLowerCase() === 'me') return { mailbox: { kind: 'me' }, route: calendarRoute(rest) };
  const keyedUser = keyed(head, 'users');
  if (head.toLowerCase() === 'users' || keyedUser !== undefined) {
    const idOrUpn = keyedUser ?? rest.shift();
    if (idOrUpn === undefined) throw unknownSegment('users');
    return { mailbox: { kind: 'user', idOrUpn }, route: calendarRoute(rest) };
  }
  throw unknownSegment(head);
}
