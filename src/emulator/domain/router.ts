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

/** `events('AAMk=')` key syntax (as in the doc samples, sample 06) becomes two segments: events, AAMk=. */
function splitKeys(segments: string[]): string[] {
  return segments.flatMap((s) => {
    const m = /^(\w+)\('(.+)'\)$/.exec(s);
    return m ? [m[1]!, m[2]!.replace(/''/g, "'")] : [s];
  });
}

const isDelta = (s: string): boolean => /^(microsoft\.graph\.)?delta(\(\))?$/i.test(s);

function eventRoute(scope: CalendarScope, rest: string[]): Route {
  const [first = '', second, third, ...more] = rest;
  switch (first.toLowerCase()) {
    case 'calendarview':
      if (second === undefined) return { kind: 'calendarView', scope };
      if (isDelta(second) && third === undefined) return { kind: 'delta', scope };
      throw unknownSegment(second);
    case 'events':
      if (second === undefined) return { kind: 'events', scope };
      if (isDelta(second)) {
        // v1.0 refuses change tracking on events (msgraph-metadata#608).
        throw badRequest("Unsupported request: Change tracking is not supported against 'microsoft.graph.event'.");
      }
      if (third === undefined) return { kind: 'event', scope, eventId: second };
      if (third.toLowerCase() === 'instances' && more.length === 0) return { kind: 'instances', scope, eventId: second };
      throw unknownSegment(third);
    default:
      throw unknownSegment(first);
  }
}

function calendarRoute(rest: string[]): Route {
  const [first = '', second, ...more] = rest;
  switch (first.toLowerCase()) {
    case 'calendar':
      return second === undefined ? { kind: 'calendar', scope: { kind: 'default' } } : eventRoute({ kind: 'default' }, [second, ...more]);
    case 'calendargroups':
      if (second === undefined || more[0]?.toLowerCase() !== 'calendars') throw unknownSegment(second ?? first);
      return calendarRoute(more);
    case 'calendars': {
      if (second === undefined) return { kind: 'calendars' };
      const scope: CalendarScope = { kind: 'calendar', id: second };
      return more.length === 0 ? { kind: 'calendar', scope } : eventRoute(scope, more);
    }
    default:
      return eventRoute({ kind: 'mailbox' }, rest);
  }
}

export function parsePath(path: string): ParsedPath {
  const [head = '', ...rest] = splitKeys(path.split('/').filter((s) => s.length > 0));
  switch (head.toLowerCase()) {
    case '':
      throw new GraphError(404, 'ResourceNotFound', 'Resource not found.');
    case 'me':
      return { mailbox: { kind: 'me' }, route: calendarRoute(rest) };
    case 'users': {
      const idOrUpn = rest.shift();
      if (idOrUpn === undefined) throw unknownSegment(head);
      return { mailbox: { kind: 'user', idOrUpn }, route: calendarRoute(rest) };
    }
    default:
      throw unknownSegment(head);
  }
}
