import type { CalendarItem } from '../model/event.js';

/** One mapped series or single event of a pair: the row of the mapping table. */
export interface ItemRecord {
  readonly pair: string;
  readonly uid: string;
  readonly graphId?: string;
  readonly caldavHref?: string;
  readonly graphChangeKey?: string;
  readonly caldavEtag?: string;
  readonly graphFingerprint?: string;
  readonly caldavFingerprint?: string;
  /** The last model both sides agreed on: the base of the 3-way merge. */
  readonly base?: CalendarItem;
  readonly updatedAt: number;
}

export type Side = 'graph' | 'caldav';

export type JournalState = 'intent' | 'done' | 'failed';

/** A remote write, recorded before it is sent so a crash can be rolled forward. */
export interface JournalEntry {
  readonly id: number;
  readonly pair: string;
  readonly uid: string;
  readonly operation: string;
  readonly idempotencyKey: string;
  readonly payload?: unknown;
  readonly state: JournalState;
  readonly outcome?: unknown;
  readonly createdAt: number;
  readonly finishedAt?: number;
}

/** The losing version of a field-level conflict, kept whole. */
export interface ConflictRecord {
  readonly id: number;
  readonly pair: string;
  readonly uid: string;
  readonly fields: readonly string[];
  readonly winner: Side;
  readonly losingVersion: unknown;
  readonly createdAt: number;
}

export interface ItemErrorRecord {
  readonly pair: string;
  readonly side: Side;
  /** The item as the user would find it: a CalDAV href or a Graph id (plus subject when known). */
  readonly ref: string;
  readonly message: string;
  readonly count: number;
  readonly firstSeen: number;
  readonly lastSeen: number;
}

export interface PairStatus {
  readonly name: string;
  readonly lastSuccessAt?: number;
  readonly lastAttemptAt?: number;
  readonly lastError?: string;
  readonly lastCounts?: Readonly<Record<string, number>>;
}
