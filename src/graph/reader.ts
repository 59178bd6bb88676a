import { batchResult, sendBatch, type BatchRequest } from './batch.js';
import { isNotFound, isSyncStateLost } from './errors.js';
import { CALDAV_UID_PROPERTY, calendarPath, eventPath, preferHeader, query, type GraphCalendarRef } from './paths.js';
import type { GraphTransport } from './transport.js';
import type { GraphCalendar, GraphCollectionPage, GraphEvent } from './types.js';

export interface TimeWindow {
  /** ISO-8601 UTC, e.g. 2026-01-01T00:00:00Z */
  readonly start: string;
  readonly end: string;
}

/** One completed delta round: what changed since the token, and the token for next time. */
export type DeltaRound =
  | { readonly kind: 'round'; readonly changed: readonly GraphEvent[]; readonly removedIds: readonly string[]; readonly deltaLink: string }
  /** The token is gone (410 SyncStateNotFound): read the window again from scratch and reconcile by id. */
  | { readonly kind: 'reset' };

const EXPAND_UID = `singleValueExtendedProperties($filter=id eq '${CALDAV_UID_PROPERTY}')`;

/**
 * calendarView/delta over a window (MGDC:api-reference/v1.0/api/event-delta.md). The first call carries
 * the window, later ones only copy nextLink/deltaLink verbatim; Prefer headers go on every page. Pages may be
 * empty and still carry a nextLink, and one entity can appear several times in a round: the last wins.
 */
export async function readCalendarDelta(
  t: GraphTransport,
  ref: GraphCalendarRef,
  window: TimeWindow,
  deltaLink: string | undefined,
  pageSize = 100,
): Promise<DeltaRound> {
  let url = deltaLink ?? `${calendarPath(ref)}/calendarView/delta?${query({ startDateTime: window.start, endDateTime: window.end })}`;
  const latest = new Map<string, GraphEvent | 'removed'>();
  for (;;) {
    let page: GraphCollectionPage<GraphEvent>;
    try {
      page = (await t.call<GraphCollectionPage<GraphEvent>>({ method: 'GET', url, headers: preferHeader([`odata.maxpagesize=${pageSize}`]) })).body;
    } catch (err) {
      if (isSyncStateLost(err)) return { kind: 'reset' };
      throw err;
    }
    for (const item of page.value) {
      if (!item.id) continue;
      latest.delete(item.id);
      latest.set(item.id, item['@removed'] ? 'removed' : item);
    }
    if (page['@odata.nextLink']) {
      url = page['@odata.nextLink'];
      continue;
    }
    if (!page['@odata.deltaLink']) throw new Error(`delta page from ${url} has neither nextLink nor deltaLink`);
    const changed: GraphEvent[] = [];
    const removedIds: string[] = [];
    for (const [id, value] of latest) {
      if (value === 'removed') removedIds.push(id);
      else changed.push(value);
    }
    return { kind: 'round', changed, removedIds, deltaLink: page['@odata.deltaLink'] };
  }
}

/** One event by id with our CalDAV-UID property, or undefined when it no longer exists. */
export async function readEvent(t: GraphTransport, ref: GraphCalendarRef, id: string): Promise<GraphEvent | undefined> {
  try {
    return (await t.call<GraphEvent>({ method: 'GET', url: `${eventPath(ref, id)}?$expand=${encodeURIComponent(EXPAND_UID)}`, headers: preferHeader() })).body;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

async function readAllPages<T>(t: GraphTransport, firstUrl: string): Promise<T[]> {
  const items: T[] = [];
  let url: string | undefined = firstUrl;
  while (url) {
    const page: GraphCollectionPage<T> = (await t.call<GraphCollectionPage<T>>({ method: 'GET', url, headers: preferHeader(['odata.maxpagesize=100']) })).body;
    items.push(...page.value);
    url = page['@odata.nextLink'];
  }
  return items;
}

/** A series as the unit of sync: the master plus its occurrences and exceptions inside the window. */
export async function readSeries(t: GraphTransport, ref: GraphCalendarRef, masterId: string, window: TimeWindow): Promise<{ master: GraphEvent; instances: GraphEvent[] } | undefined> {
  const master = await readEvent(t, ref, masterId);
  if (!master) return undefined;
  try {
    const instances = await readAllPages<GraphEvent>(t, `${eventPath(ref, masterId)}/instances?${query({ startDateTime: window.start, endDateTime: window.end })}`);
    return { master, instances };
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

export interface SeriesRead {
  readonly master: GraphEvent;
  readonly instances: GraphEvent[];
}

/**
 * Several series at once: each master and the first page of its /instances go out in $batch requests (two per
 * series, twenty per batch), further pages one by one. A series that is gone maps to undefined.
 */
export async function readSeriesMany(t: GraphTransport, ref: GraphCalendarRef, masterIds: readonly string[], window: TimeWindow): Promise<Map<string, SeriesRead | undefined>> {
  const requests: BatchRequest[] = masterIds.flatMap((id, i) => [
    { id: `m${i}`, method: 'GET' as const, url: `${eventPath(ref, id)}?$expand=${encodeURIComponent(EXPAND_UID)}`, headers: preferHeader() },
    { id: `i${i}`, method: 'GET' as const, url: `${eventPath(ref, id)}/instances?${query({ startDateTime: window.start, endDateTime: window.end })}`, headers: preferHeader(['odata.maxpagesize=100']) },
  ]);
  const answers = await sendBatch(t, requests);
  const result = new Map<string, SeriesRead | undefined>();
  for (const [i, id] of masterIds.entries()) {
    const [masterRequest, instancesRequest] = [requests[2 * i]!, requests[2 * i + 1]!];
    try {
      const master = batchResult<GraphEvent>(answers.get(masterRequest.id), masterRequest);
      const page = batchResult<GraphCollectionPage<GraphEvent>>(answers.get(instancesRequest.id), instancesRequest);
      const rest = page['@odata.nextLink'] ? await readAllPages<GraphEvent>(t, page['@odata.nextLink']) : [];
      result.set(id, { master, instances: [...page.value, ...rest] });
    } catch (err) {
      if (!isNotFound(err)) throw err;
      result.set(id, undefined);
    }
  }
  return result;
}

/** Events carrying our CalDAV-UID property with this value: re-pairing after state loss, crash recovery. */
export async function findByCaldavUid(t: GraphTransport, ref: GraphCalendarRef, uid: string): Promise<GraphEvent[]> {
  const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${CALDAV_UID_PROPERTY}' and ep/value eq '${uid.replace(/'/g, "''")}')`;
  return readAllPages<GraphEvent>(t, `${calendarPath(ref)}/events?$filter=${encodeURIComponent(filter)}&$expand=${encodeURIComponent(EXPAND_UID)}`);
}

/** The CalDAV UID we stamped on an event, if any. */
export function stampedCaldavUid(event: GraphEvent): string | undefined {
  return event.singleValueExtendedProperties?.find((p) => p.id.toLowerCase() === CALDAV_UID_PROPERTY.toLowerCase())?.value;
}

export class CalendarNotFoundError extends Error {
  constructor(
    readonly mailbox: string,
    readonly wanted: string,
    readonly available: readonly string[],
  ) {
    super(`no calendar "${wanted}" in ${mailbox} (have: ${available.join(', ') || 'none'})`);
    this.name = 'CalendarNotFoundError';
  }
}

/** The pair's calendar by name (case-insensitive) or id; the default calendar when `wanted` is undefined. */
export async function resolveCalendar(t: GraphTransport, mailbox: string, wanted: string | undefined): Promise<GraphCalendar> {
  if (!wanted) return (await t.call<GraphCalendar>({ method: 'GET', url: `${mailbox}/calendar` })).body;
  const calendars = await readAllPages<GraphCalendar>(t, `${mailbox}/calendars`);
  const found = calendars.find((c) => c.id === wanted) ?? calendars.find((c) => c.name.toLowerCase() === wanted.toLowerCase());
  if (!found) throw new CalendarNotFoundError(mailbox, wanted, calendars.map((c) => c.name));
  return found;
}
