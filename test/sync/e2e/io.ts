// The test's own reads and writes on both sides ("the Outlook user" and "the Thunderbird user"), and the
// assertions every end-to-end test makes: both sides' final state, no duplicates, quiescence.
import assert from 'node:assert/strict';
import { hrefNameFor } from '../../../src/caldav/href.js';
import { icsToItem, itemToIcs } from '../../../src/convert/ical/index.js';
import { CALDAV_UID_PROPERTY, calendarPath, eventPath, preferHeader, query } from '../../../src/graph/paths.js';
import { stampedCaldavUid } from '../../../src/graph/reader.js';
import type { GraphCollectionPage, GraphEvent } from '../../../src/graph/types.js';
import type { CalendarItem, EventOccurrence } from '../../../src/model/event.js';
import type { EventTime } from '../../../src/model/time.js';
import type { SyncOptions, World } from './harness.js';

const EXPAND_UID = `singleValueExtendedProperties($filter=id eq '${CALDAV_UID_PROPERTY}')`;

async function allPages<T>(world: World, firstUrl: string): Promise<T[]> {
  const items: T[] = [];
  let url: string | undefined = firstUrl;
  while (url) {
    const page: GraphCollectionPage<T> = (await world.graph.call<GraphCollectionPage<T>>({ method: 'GET', url, headers: preferHeader() })).body;
    items.push(...page.value);
    url = page['@odata.nextLink'];
  }
  return items;
}

/** Every single event and series master of the calendar, with our CalDAV-UID stamp. */
export function graphEvents(world: World): Promise<GraphEvent[]> {
  return allPages<GraphEvent>(world, `${calendarPath(world.graphRef)}/events?$expand=${encodeURIComponent(EXPAND_UID)}`);
}

export async function graphBySubject(world: World, subject: string): Promise<GraphEvent[]> {
  return (await graphEvents(world)).filter((e) => e.subject === subject);
}

/** The one Graph event with this subject (fails on none or on duplicates). */
export async function graphOne(world: World, subject: string): Promise<GraphEvent> {
  const found = await graphBySubject(world, subject);
  assert.equal(found.length, 1, `exactly one Graph event "${subject}", found ${found.length}`);
  return found[0]!;
}

export function graphInstances(world: World, masterId: string, start: string, end: string): Promise<GraphEvent[]> {
  return allPages<GraphEvent>(world, `${eventPath(world.graphRef, masterId)}/instances?${query({ startDateTime: start, endDateTime: end })}`);
}

export async function graphCreate(world: World, event: GraphEvent): Promise<GraphEvent> {
  return (await world.graph.call<GraphEvent>({ method: 'POST', url: `${calendarPath(world.graphRef)}/events`, headers: preferHeader(), body: event })).body;
}

export async function graphPatch(world: World, id: string, patch: GraphEvent): Promise<GraphEvent> {
  return (await world.graph.call<GraphEvent>({ method: 'PATCH', url: eventPath(world.graphRef, id), headers: preferHeader(), body: patch })).body;
}

export async function graphDelete(world: World, id: string): Promise<void> {
  await world.graph.call({ method: 'DELETE', url: eventPath(world.graphRef, id) });
}

export interface DavObject {
  readonly href: string;
  readonly etag: string;
  readonly data: string;
  readonly item: CalendarItem;
}

/** Every object of the pair's CalDAV collection, parsed (a member that does not parse fails the test). */
export async function caldavObjects(world: World, opts: { skipUnparsable?: boolean } = {}): Promise<DavObject[]> {
  const listed = await world.caldav.listAll(world.collection);
  const { found } = await world.caldav.multiget(world.collection, listed.map((l) => l.href));
  const objects: DavObject[] = [];
  for (const f of found) {
    try {
      objects.push({ href: f.href, etag: f.etag, data: f.data, item: icsToItem(f.data).item });
    } catch (err) {
      if (!opts.skipUnparsable) throw err;
    }
  }
  return objects;
}

export const summaryOf = (item: CalendarItem): string => (item.kind === 'single' ? item.event.summary : item.master.summary);
export const masterOf = (item: CalendarItem): EventOccurrence => (item.kind === 'single' ? item.event : item.master);

/** The one CalDAV object with this summary (fails on none or on duplicates). */
export async function caldavOne(world: World, summary: string): Promise<DavObject> {
  const found = (await caldavObjects(world, { skipUnparsable: true })).filter((o) => summaryOf(o.item) === summary);
  assert.equal(found.length, 1, `exactly one CalDAV object "${summary}", found ${found.length}`);
  return found[0]!;
}

export async function caldavNone(world: World, summary: string): Promise<void> {
  const found = (await caldavObjects(world, { skipUnparsable: true })).filter((o) => summaryOf(o.item) === summary);
  assert.equal(found.length, 0, `no CalDAV object "${summary}" expected, found ${found.length}`);
}

export async function graphNone(world: World, subject: string): Promise<void> {
  assert.equal((await graphBySubject(world, subject)).length, 0, `no Graph event "${subject}" expected`);
}

/** No UID twice on CalDAV and no stamped UID twice on Graph: nothing was created twice anywhere. */
export async function assertNoDuplicates(world: World): Promise<void> {
  const uids = (await caldavObjects(world, { skipUnparsable: true })).map((o) => o.item.uid);
  assert.equal(new Set(uids).size, uids.length, `duplicate CalDAV UIDs: ${uids.sort().join(', ')}`);
  const stamps = (await graphEvents(world)).map(stampedCaldavUid).filter((u): u is string => !!u);
  assert.equal(new Set(stamps).size, stamps.length, `duplicate Graph stamps: ${stamps.sort().join(', ')}`);
}

export function occurrence(summary: string, start: EventTime, end: EventTime, extra: Partial<EventOccurrence> = {}): EventOccurrence {
  return {
    summary, description: '', locations: [], categories: [], busyStatus: 'busy', sensitivity: 'normal', importance: 'normal',
    status: 'confirmed', attendees: [], start, end, ...extra,
  };
}

/** The CalDAV user creates an item (as a client would: href from the UID). */
export async function caldavPut(world: World, item: CalendarItem, ics = itemToIcs(item)): Promise<string> {
  return (await world.caldav.create(world.collection, hrefNameFor(item.uid), ics)).href;
}

/** The CalDAV user edits the item with this summary. */
export async function caldavEdit(world: World, summary: string, edit: (item: CalendarItem) => CalendarItem): Promise<void> {
  const obj = await caldavOne(world, summary);
  await world.caldav.update(obj.href, itemToIcs(edit(obj.item)), obj.etag);
}

export async function caldavRemove(world: World, summary: string): Promise<void> {
  const obj = await caldavOne(world, summary);
  await world.caldav.remove(obj.href, obj.etag);
}

/** Syncs until the engine is settled: the first cycle must finish everything, the next must write nothing. */
export async function syncSettled(world: World, opts: SyncOptions = {}): Promise<Awaited<ReturnType<World['sync']>>> {
  const first = await world.sync(opts);
  assert.deepEqual(first.deferred, [], `nothing deferred: ${JSON.stringify(first.deferred)}`);
  assert.equal(first.plan.blocked, undefined, `not blocked: ${first.plan.blocked?.reason}`);
  await assertQuiet(world, opts);
  return first;
}

const WRITE_METHODS = ['POST', 'PATCH', 'DELETE'] as const;

/**
 * Quiescence, checked on the servers as well as in the engine's report: the emulator saw no write request and
 * every CalDAV object kept its etag.
 */
export async function assertQuiet(world: World, opts: SyncOptions = {}): Promise<void> {
  const etags = async () => new Map((await world.caldav.listAll(world.collection)).map((l) => [l.href, l.etag]));
  // A POST to $batch is a read here: the engine batches GETs (its inner requests are counted by their own method).
  const graphWrites = () => {
    const { byMethod, byRoute } = world.emulator.control.stats();
    const batches = Object.entries(byRoute).filter(([route]) => route.endsWith('/$batch')).reduce((n, [, count]) => n + count, 0);
    return WRITE_METHODS.map((m) => (byMethod[m] ?? 0) - (m === 'POST' ? batches : 0));
  };
  const [etagsBefore, writesBefore] = [await etags(), graphWrites()];
  const again = await world.sync(opts);
  assert.equal(again.writes, 0, `quiescence: an immediate second sync wrote ${JSON.stringify(again.counts)}`);
  assert.deepEqual(graphWrites(), writesBefore, 'quiescence: no write request reached Graph');
  assert.deepEqual(await etags(), etagsBefore, 'quiescence: no CalDAV object changed');
  await assertNoDuplicates(world);
}

/** The date `offsetDays` from today (UTC), so events stay inside the sync window whenever the suite runs. */
export function day(offsetDays: number, base = Date.now()): string {
  return new Date(base + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** The first Monday at least `minDays` from today. */
export function monday(minDays: number): string {
  const d = new Date(`${day(minDays)}T00:00:00Z`);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
