import type { CalendarItem } from '../model/event.js';
import type { ItemRecord } from '../store/records.js';
import type { Side, UnitConflict } from './merge.js';

/** What one side's reader saw of one item in this cycle. */
export type Observation =
  /** Nothing reported (or the same version as stored). */
  | { readonly state: 'unchanged' }
  /** Present with this content; `version` is the changeKey (Graph) or ETag (CalDAV). */
  | {
      readonly state: 'present';
      readonly item: CalendarItem;
      readonly ref: string;
      readonly version: string;
      readonly fingerprint: string;
      /** ms since epoch, when the side says (Graph lastModifiedDateTime, iCalendar LAST-MODIFIED). */
      readonly modifiedAt?: number;
    }
  /** Confirmed gone from the calendar (not merely absent from a partial or failed read). */
  | { readonly state: 'deleted' }
  /** The side failed to read or parse it: never taken as a deletion. */
  | { readonly state: 'unreadable'; readonly ref: string; readonly error: string };

/** One unit of sync: a stored mapping row (if any) and what each side saw. */
export interface SyncSlot {
  readonly uid: string;
  readonly record?: ItemRecord;
  readonly graph: Observation;
  readonly caldav: Observation;
}

export type ConflictPolicy = 'newest-wins' | 'graph-wins' | 'caldav-wins';
export type Direction = 'both' | 'graph-to-caldav' | 'caldav-to-graph';

export interface PlanOptions {
  readonly direction: Direction;
  readonly conflicts: ConflictPolicy;
  /** Share (0..1) of a side's mapped items a cycle may delete before the pair stops. */
  readonly deleteThreshold: number;
  /** Set by `--force-deletes`: ignore deleteThreshold. */
  readonly allowMassDelete?: boolean;
}

/** Versions of both sides once an action has run: what the mapping row will hold. */
export interface Mapping {
  readonly graphId?: string;
  readonly graphChangeKey?: string;
  readonly graphFingerprint?: string;
  readonly caldavHref?: string;
  readonly caldavEtag?: string;
  readonly caldavFingerprint?: string;
}

export type SyncAction =
  | { readonly kind: 'create'; readonly on: Side; readonly uid: string; readonly item: CalendarItem; readonly known: Mapping }
  | {
      readonly kind: 'update';
      readonly on: Side;
      readonly uid: string;
      /** What that side holds now (as model), to patch from. */
      readonly from: CalendarItem | undefined;
      readonly item: CalendarItem;
      readonly known: Mapping;
    }
  | { readonly kind: 'delete'; readonly on: Side; readonly uid: string; readonly known: Mapping }
  /** Bookkeeping only: store the new base and versions (echoes, equal edits, first pairing of equal items). */
  | { readonly kind: 'record'; readonly uid: string; readonly item: CalendarItem; readonly known: Mapping }
  /** Both sides gone: drop the mapping row. */
  | { readonly kind: 'forget'; readonly uid: string }
  | {
      readonly kind: 'conflict';
      readonly uid: string;
      readonly winner: Side;
      readonly conflicts: readonly UnitConflict[];
      readonly losingVersion: CalendarItem;
    }
  | { readonly kind: 'skip'; readonly uid: string; readonly side: Side; readonly ref: string; readonly reason: string };

export interface SyncPlan {
  readonly actions: readonly SyncAction[];
  /** Set when a safety guard stopped the pair: no action may run. */
  readonly blocked?: { readonly reason: string; readonly deletes: Readonly<Record<Side, number>>; readonly mapped: number };
}
