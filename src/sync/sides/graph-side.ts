import type { Logger } from 'pino';
import { graphPatchFor, graphToItem, itemToGraphCreate, occurrenceChanges } from '../../convert/graph/index.js';
import { isVersionConflict } from '../../graph/errors.js';
import type { GraphCalendarRef } from '../../graph/paths.js';
import { findByCaldavUid, readEvent, readSeries } from '../../graph/reader.js';
import type { GraphTransport } from '../../graph/transport.js';
import type { GraphEvent } from '../../graph/types.js';
import { createEvent, deleteEvent, findOccurrence, patchEvent, transactionIdFor } from '../../graph/writer.js';
import type { CalendarItem } from '../../model/event.js';
import { itemFingerprint } from '../../model/fingerprint.js';
import type { ItemRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import type { Mapping, Observation } from '../plan-types.js';
import type { SyncWindow } from '../window.js';
import { observeGraphItem, readGraphSide } from './graph-read.js';
import { StaleVersionError, type SideAdapter, type SideRead, type Written } from './side.js';
import { keepOutsideWindow } from './window-fill.js';

export interface GraphSideContext {
  readonly pair: string;
  readonly store: Store;
  readonly transport: GraphTransport;
  readonly ref: GraphCalendarRef;
  readonly window: SyncWindow;
  readonly includeAttendees: boolean;
  readonly log: Logger;
}

export class UnsupportedOnGraphError extends Error {
  constructor(
    readonly uid: string,
    what: string,
  ) {
    super(`${uid}: ${what}`);
    this.name = 'UnsupportedOnGraphError';
  }
}

/** The Graph half of a pair. */
export class GraphSide implements SideAdapter {
  readonly side = 'graph' as const;

  constructor(private readonly ctx: GraphSideContext) {}

  read(records: readonly ItemRecord[]): Promise<SideRead> {
    return readGraphSide(this.ctx, records);
  }

  observe(ref: string, record: ItemRecord | undefined): Promise<Observation> {
    return observeGraphItem(this.ctx, ref, record);
  }

  async create(uid: string, item: CalendarItem): Promise<Written> {
    const { transport, ref, pair } = this.ctx;
    const plan = itemToGraphCreate(item, { includeAttendees: this.ctx.includeAttendees, horizonMs: this.ctx.window.endMs });
    for (const w of plan.warnings) this.ctx.log.warn({ pair, uid }, w);
    if (plan.extraSingles?.length) {
      throw new UnsupportedOnGraphError(uid, `${plan.extraSingles.length} occurrences share a day with another one; Graph series hold one a day — not synced to Graph`);
    }
    // An earlier, interrupted run may have created it already: the stamp finds it, the transactionId dedups.
    const [existing] = await findByCaldavUid(transport, ref, uid);
    const master = existing ?? (await createEvent(transport, ref, plan.payload, { transactionId: transactionIdFor(pair, uid), caldavUid: uid }));
    if (item.kind === 'series' || plan.exceptions.length || plan.cancelled.length) {
      await this.applyOccurrences(master.id!, plan.exceptions, plan.cancelled, uid);
    }
    return this.readBack(uid, master.id!, item);
  }

  async update(uid: string, known: Mapping, from: CalendarItem | undefined, item: CalendarItem): Promise<Written> {
    const { transport, ref } = this.ctx;
    const id = known.graphId;
    if (!id) throw new Error(`${uid}: no Graph id to update`);
    const existing = await readEvent(transport, ref, id);
    if (!existing) throw new StaleVersionError('graph', uid, new Error('deleted meanwhile'));
    const opts = { includeAttendees: this.ctx.includeAttendees };
    const patch = graphPatchFor(from, item, existing, opts);
    try {
      if (Object.keys(patch).length > 0) await patchEvent(transport, ref, id, patch, known.graphChangeKey);
    } catch (err) {
      if (isVersionConflict(err)) throw new StaleVersionError('graph', uid, err);
      throw err;
    }
    const rule = (x: CalendarItem | undefined) => (x?.kind === 'series' ? JSON.stringify([x.rule, x.master.start]) : undefined);
    // A new pattern regenerates the occurrences: every override and cancellation is written again.
    const changes = occurrenceChanges(rule(from) === rule(item) ? from : undefined, item, opts);
    if (changes.restore.length > 0) {
      this.ctx.log.warn({ uid, occurrences: changes.restore }, 'Graph cannot restore a deleted occurrence; it stays cancelled in Outlook');
    }
    await this.applyOccurrences(id, changes.patch, changes.cancel, uid);
    return this.readBack(uid, id, item);
  }

  async remove(uid: string, known: Mapping): Promise<void> {
    if (!known.graphId) return;
    try {
      await deleteEvent(this.ctx.transport, this.ctx.ref, known.graphId, known.graphChangeKey);
    } catch (err) {
      if (isVersionConflict(err)) throw new StaleVersionError('graph', uid, err);
      throw err;
    }
  }

  private async applyOccurrences(masterId: string, patches: readonly { originalStart: string; patch: GraphEvent }[], cancel: readonly string[], uid: string): Promise<void> {
    const { transport, ref, log } = this.ctx;
    for (const { originalStart, patch } of patches) {
      const occurrence = await findOccurrence(transport, ref, masterId, originalStart);
      if (!occurrence) {
        log.warn({ uid, originalStart }, 'occurrence to modify not found in Graph');
        continue;
      }
      await patchEvent(transport, ref, occurrence.id!, patch);
    }
    for (const originalStart of cancel) {
      const occurrence = await findOccurrence(transport, ref, masterId, originalStart);
      if (occurrence) await deleteEvent(transport, ref, occurrence.id!);
    }
  }

  private async readBack(uid: string, id: string, intended: CalendarItem): Promise<Written> {
    const { transport, ref, window } = this.ctx;
    const event = await readEvent(transport, ref, id);
    if (!event) throw new StaleVersionError('graph', uid, new Error('gone right after writing'));
    let item: CalendarItem;
    if (event.type === 'seriesMaster') {
      const series = await readSeries(transport, ref, id, window);
      item = graphToItem({ master: event, instances: series?.instances ?? [], window }, { uid }).item;
      item = keepOutsideWindow(item, intended, window);
    } else item = graphToItem({ event }, { uid }).item;
    return { ref: id, version: event.changeKey ?? '', fingerprint: itemFingerprint(item), item };
  }
}
