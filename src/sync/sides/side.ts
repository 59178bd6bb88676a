import type { CalendarItem } from '../../model/event.js';
import type { ItemRecord } from '../../store/records.js';
import type { Side } from '../merge.js';
import type { Mapping, Observation } from '../plan-types.js';

/** A side's state of an item right after we wrote it, read back from the server. */
export interface Written {
  readonly ref: string;
  readonly version: string;
  readonly fingerprint: string;
  readonly item: CalendarItem;
}

/** What a side reported this cycle. `commit()` stores its cursor once the cycle has applied everything. */
export interface SideRead {
  readonly observations: ReadonlyMap<string, Observation>;
  /** Items this side holds but that lie wholly outside the sync window: never created on the other side. */
  readonly outsideWindow: ReadonlySet<string>;
  commit(): Promise<void>;
}

/** One side of a pair, as the engine drives it. Every write is idempotent, so a crash can be rolled forward. */
export interface SideAdapter {
  readonly side: Side;
  read(records: readonly ItemRecord[]): Promise<SideRead>;
  /** The current state of one item by its id/href on this side, whatever the cursors say. */
  observe(ref: string, record: ItemRecord | undefined): Promise<Observation>;
  create(uid: string, item: CalendarItem): Promise<Written>;
  update(uid: string, known: Mapping, from: CalendarItem | undefined, item: CalendarItem): Promise<Written>;
  remove(uid: string, known: Mapping): Promise<void>;
}

/** This side's object was changed or removed after we read it (412/409): re-read and re-plan next cycle. */
export class StaleVersionError extends Error {
  constructor(
    readonly side: Side,
    readonly uid: string,
    cause: unknown,
  ) {
    super(`${side} copy of ${uid} changed while we were writing it; it will be re-read next cycle`, { cause });
    this.name = 'StaleVersionError';
  }
}
