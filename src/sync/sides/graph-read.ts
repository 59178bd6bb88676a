import { graphToItem } from '../../convert/graph/index.js';
import { readCalendarDelta, readEvent, readSeries, readSeriesMany, stampedCaldavUid } from '../../graph/reader.js';
import type { GraphEvent } from '../../graph/types.js';
import type { CalendarItem } from '../../model/event.js';
import { itemFingerprint } from '../../model/fingerprint.js';
import type { ItemRecord } from '../../store/records.js';
import type { Observation } from '../plan-types.js';
import { overlapsWindow } from '../window.js';
import type { SideRead } from './side.js';
import type { SyncWindow } from '../window.js';
import type { GraphSideContext } from './graph-side.js';
import { keepOutsideWindow } from './window-fill.js';

/**
 * Reads the Graph side: one calendarView/delta round over the window (a full round when there is no token or
 * it was lost), then each touched series whole (master + /instances), each touched single, and each mapped item
 * that was reported removed or went unseen in a full round — a removal is only a deletion when a GET says 404.
 */
export async function readGraphSide(ctx: GraphSideContext, records: readonly ItemRecord[]): Promise<SideRead> {
  const { store, pair, transport, ref, window } = ctx;
  const scope = `${ref.calendarId ?? 'default'}|${window.start}|${window.end}`;
  const stored = await store.getCursor(pair, 'graph', scope);
  let round = await readCalendarDelta(transport, ref, window, stored);
  let full = stored === undefined;
  if (round.kind === 'reset') {
    ctx.log.warn({ pair }, 'Graph delta token lost (410): re-reading the whole window and reconciling by id');
    round = await readCalendarDelta(transport, ref, window, undefined);
    full = true;
  }
  if (round.kind === 'reset') throw new Error('Graph refused a fresh delta round');

  const byGraphId = new Map(records.filter((r) => r.graphId).map((r) => [r.graphId!, r]));
  const singles = new Map<string, GraphEvent>();
  const masters = new Set<string>();
  const instances: Array<[string, string]> = [];
  for (const e of round.changed) {
    if (e.seriesMasterId) {
      masters.add(e.seriesMasterId);
      instances.push([e.id!, e.seriesMasterId]);
    } else if (e.type === 'seriesMaster') masters.add(e.id!);
    else singles.set(e.id!, e);
  }
  await store.rememberInstances(pair, instances);
  const suspects = new Set<string>();
  for (const id of round.removedIds) {
    if (byGraphId.has(id)) suspects.add(id);
    else {
      const master = await store.instanceMaster(pair, id);
      if (master) masters.add(master);
    }
  }
  if (full) for (const id of byGraphId.keys()) if (!singles.has(id) && !masters.has(id)) suspects.add(id);

  const observations = new Map<string, Observation>();
  const outsideWindow = new Set<string>();
  const note = (uid: string, obs: Observation, item?: CalendarItem, record?: ItemRecord) => {
    observations.set(uid, obs);
    if (item && !record && !overlapsWindow(item, window)) outsideWindow.add(uid);
  };
  const seriesById = await readSeriesMany(transport, ref, [...masters], window);
  for (const masterId of masters) {
    const record = byGraphId.get(masterId);
    const series = seriesById.get(masterId);
    if (!series) {
      if (record) observations.set(record.uid, { state: 'deleted' });
      continue;
    }
    await store.rememberInstances(pair, series.instances.map((i) => [i.id!, masterId] as [string, string]));
    const seen = seriesObservation(ctx, record, series.master, series.instances);
    note(seen.uid, seen.obs, seen.item, record);
  }
  for (const [id, delta] of singles) {
    const record = byGraphId.get(id);
    // Delta items carry no extended properties: an unmapped event is read again to see our CalDAV-UID stamp.
    const event = record ? delta : ((await readEvent(transport, ref, id)) ?? delta);
    const seen = singleObservation(record, event);
    note(seen.uid, seen.obs, seen.item, record);
  }
  for (const id of suspects) {
    if (singles.has(id) || masters.has(id)) continue;
    const record = byGraphId.get(id)!;
    observations.set(record.uid, await observeGraphItem(ctx, id, record));
  }

  return {
    observations,
    outsideWindow,
    commit: () => store.setCursor(pair, 'graph', scope, round.deltaLink),
  };
}

interface Seen {
  readonly uid: string;
  readonly obs: Observation;
  readonly item?: CalendarItem;
}

function observation(record: ItemRecord | undefined, event: GraphEvent, toItem: (uid: string) => CalendarItem, window?: SyncWindow): Seen {
  const uid = record?.uid ?? stampedCaldavUid(event) ?? event.iCalUId ?? event.id!;
  try {
    const raw = toItem(uid);
    const item = window ? keepOutsideWindow(raw, record?.base, window) : raw;
    return {
      uid,
      item,
      obs: {
        state: 'present',
        item,
        ref: event.id!,
        version: event.changeKey ?? '',
        fingerprint: itemFingerprint(item),
        ...(event.lastModifiedDateTime ? { modifiedAt: Date.parse(event.lastModifiedDateTime) } : {}),
      },
    };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { uid, obs: { state: 'unreadable', ref: event.id!, error: `"${event.subject ?? 'no subject'}": ${why}` } };
  }
}

function seriesObservation(ctx: GraphSideContext, record: ItemRecord | undefined, master: GraphEvent, instances: readonly GraphEvent[]): Seen {
  const { window } = ctx;
  return observation(record, master, (uid) => graphToItem({ master, instances, window }, { uid }).item, window);
}

function singleObservation(record: ItemRecord | undefined, event: GraphEvent): Seen {
  return observation(record, event, (uid) => graphToItem({ event }, { uid }).item);
}

/** The current state of one Graph item by id (a single, a master, or any occurrence of a series). */
export async function observeGraphItem(ctx: GraphSideContext, id: string, record: ItemRecord | undefined): Promise<Observation> {
  const { transport, ref, window } = ctx;
  const event = await readEvent(transport, ref, id);
  if (!event) return { state: 'deleted' };
  const masterId = event.type === 'seriesMaster' ? event.id! : event.seriesMasterId;
  if (!masterId) return singleObservation(record, event).obs;
  const series = await readSeries(transport, ref, masterId, window);
  return series ? seriesObservation(ctx, record, series.master, series.instances).obs : { state: 'deleted' };
}
