import { createHash } from 'node:crypto';
import { isNotFound } from './errors.js';
import { CALDAV_UID_PROPERTY, calendarPath, eventPath, preferHeader, query, type GraphCalendarRef } from './paths.js';
import type { GraphTransport } from './transport.js';
import type { GraphCollectionPage, GraphEvent } from './types.js';

/**
 * Writes to Graph. Creates are idempotent: the transactionId is derived from the pair and the CalDAV UID, so
 * a retried or replayed POST returns the event created the first time (MGDC event resource: transactionId),
 * and the CalDAV UID is stamped as an extended property so the mapping can be rebuilt from Graph alone.
 */
export function transactionIdFor(pair: string, caldavUid: string, generation = 0): string {
  return createHash('sha256').update(`calbridge\0${pair}\0${caldavUid}\0${generation}`).digest('hex').slice(0, 40);
}

export async function createEvent(
  t: GraphTransport,
  ref: GraphCalendarRef,
  payload: GraphEvent,
  stamp: { transactionId: string; caldavUid: string },
): Promise<GraphEvent> {
  const body: GraphEvent = {
    ...payload,
    transactionId: stamp.transactionId,
    singleValueExtendedProperties: [{ id: CALDAV_UID_PROPERTY, value: stamp.caldavUid }],
  };
  return (await t.call<GraphEvent>({ method: 'POST', url: `${calendarPath(ref)}/events`, headers: preferHeader(), body })).body;
}

/** PATCH with optimistic concurrency: a stale change key → 412 (GraphApiError; see isVersionConflict). */
export async function patchEvent(t: GraphTransport, ref: GraphCalendarRef, id: string, patch: GraphEvent, changeKey?: string): Promise<GraphEvent> {
  return (
    await t.call<GraphEvent>({
      method: 'PATCH',
      url: eventPath(ref, id),
      headers: { ...preferHeader(), ...(changeKey ? { 'If-Match': `W/"${changeKey}"` } : {}) },
      body: patch,
    })
  ).body;
}

/** DELETE; an event that is already gone counts as deleted. */
export async function deleteEvent(t: GraphTransport, ref: GraphCalendarRef, id: string, changeKey?: string): Promise<void> {
  try {
    await t.call({ method: 'DELETE', url: eventPath(ref, id), headers: changeKey ? { 'If-Match': `W/"${changeKey}"` } : {} });
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/**
 * The occurrence (or exception) of a series that originally started at `originalStartIso` (UTC), looked up
 * through /instances in a one-day window around it. Graph has no "get occurrence by original start" call.
 */
export async function findOccurrence(t: GraphTransport, ref: GraphCalendarRef, masterId: string, originalStartIso: string): Promise<GraphEvent | undefined> {
  const at = Date.parse(originalStartIso);
  const window = { startDateTime: new Date(at - 86_400_000).toISOString(), endDateTime: new Date(at + 2 * 86_400_000).toISOString() };
  let url: string | undefined = `${eventPath(ref, masterId)}/instances?${query(window)}`;
  while (url) {
    const page: GraphCollectionPage<GraphEvent> = (await t.call<GraphCollectionPage<GraphEvent>>({ method: 'GET', url, headers: preferHeader() })).body;
    const hit = page.value.find((e) => e.originalStart && Date.parse(e.originalStart) === at);
    if (hit) return hit;
    url = page['@odata.nextLink'];
  }
  return undefined;
}
