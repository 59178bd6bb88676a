import { GraphError, badRequest } from './errors.js';
import { type ViewItem, type Window, viewItemChangeKey, viewItemId } from './view.js';

/**
 * calendarView delta sync state (MGDC:api-reference/v1.0/api/event-delta.md, concepts/delta-query-events.md,
 * graph-api.md §6). Exchange keeps sync state per folder, so each calendar has its own ring. Every
 * round (a first call, or a call with a deltaLink) makes one sync-state generation that remembers the window, the calendar and what the client has been told
 * (id → changeKey). The next round diffs the current view against it, so creations, edits, master
 * edits (as changes to the occurrences), deletions, cancellations and moves out of the window all
 * come out right. Only the newest `maxGenerations` generations are kept: older delta and skip tokens
 * answer 410 SyncStateNotFound, worded as the service does (sample 15).
 */

export type DeltaEntry = { readonly kind: 'upsert'; readonly item: ViewItem } | { readonly kind: 'removed'; readonly id: string };

export interface SyncState {
  readonly generation: number;
  readonly calendarId: string;
  readonly window: Window;
  /** What the client knows once it has read this round to the end. */
  readonly known: ReadonlyMap<string, string>;
  /** This round's changes, paged by skip tokens. */
  readonly entries: readonly DeltaEntry[];
}

interface TokenBody {
  /** mailbox id */
  m: string;
  /** calendar id */
  c: string;
  g: number;
  /** offset into the round (skip tokens only) */
  o?: number;
}

export function encodeToken(body: TokenBody): string {
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

export function decodeToken(token: string, mailboxId: string): TokenBody {
  try {
    const body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<TokenBody>;
    const wellFormed = typeof body.c === 'string' && Number.isInteger(body.g) && (body.o === undefined || Number.isInteger(body.o));
    if (body.m === mailboxId && wellFormed) {
      return body as TokenBody;
    }
  } catch {
    // fall through: not one of ours
  }
  throw badRequest('The delta or skip token is malformed.', 'ErrorInvalidUrlQuery');
}

/** Entries for a round: removals first, then everything new or with a new changeKey. */
export function diffRound(known: ReadonlyMap<string, string>, current: readonly ViewItem[]): { entries: DeltaEntry[]; known: Map<string, string> } {
  const next = new Map<string, string>();
  const upserts: DeltaEntry[] = [];
  for (const item of current) {
    const id = viewItemId(item);
    const changeKey = viewItemChangeKey(item);
    next.set(id, changeKey);
    if (known.get(id) !== changeKey) upserts.push({ kind: 'upsert', item });
  }
  const removed: DeltaEntry[] = [...known.keys()].filter((id) => !next.has(id)).map((id) => ({ kind: 'removed', id }));
  return { entries: [...removed, ...upserts], known: next };
}

/** The bounded ring of sync-state generations of one calendar. */
export class SyncStateRing {
  private readonly states = new Map<number, SyncState>();
  private highest = 0;

  constructor(private readonly maxGenerations: number) {}

  add(state: Omit<SyncState, 'generation'>): SyncState {
    const full: SyncState = { ...state, generation: ++this.highest };
    this.states.set(full.generation, full);
    for (const g of this.states.keys()) {
      if (g <= this.highest - this.maxGenerations) this.states.delete(g);
    }
    return full;
  }

  get(generation: number): SyncState {
    const state = this.states.get(generation);
    if (state) return state;
    const kept = [...this.states.keys()].sort((a, b) => b - a).map((g) => `[${g}]`).join('');
    throw new GraphError(
      410,
      'SyncStateNotFound',
      `The sync state generation is not found; generation=${generation};[highest=${this.highest}]${kept}.`,
    );
  }

  /** Forget every generation: all outstanding tokens become 410. */
  clear(): void {
    this.states.clear();
  }
}
