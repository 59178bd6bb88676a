import type { Knex } from 'knex';
import { openDatabase } from './open.js';
import type {
  ConflictRecord,
  ItemErrorRecord,
  ItemRecord,
  JournalEntry,
  JournalState,
  PairStatus,
  Side,
} from './records.js';

type Row = Record<string, unknown>;

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
const parsed = <T>(text: unknown): T | undefined => (typeof text === 'string' ? (JSON.parse(text) as T) : undefined);
const opt = <T>(value: unknown): T | undefined => (value === null || value === undefined ? undefined : (value as T));
const num = (value: unknown): number | undefined => (value === null || value === undefined ? undefined : Number(value));

function toItem(row: Row): ItemRecord {
  return {
    pair: row.pair as string,
    uid: row.uid as string,
    graphId: opt(row.graph_id),
    caldavHref: opt(row.caldav_href),
    graphChangeKey: opt(row.graph_change_key),
    caldavEtag: opt(row.caldav_etag),
    graphFingerprint: opt(row.graph_fingerprint),
    caldavFingerprint: opt(row.caldav_fingerprint),
    base: parsed(row.base),
    updatedAt: Number(row.updated_at),
  };
}

function toJournal(row: Row): JournalEntry {
  return {
    id: Number(row.id),
    pair: row.pair as string,
    uid: row.uid as string,
    operation: row.operation as string,
    idempotencyKey: row.idempotency_key as string,
    payload: parsed(row.payload),
    state: row.state as JournalState,
    outcome: parsed(row.outcome),
    createdAt: Number(row.created_at),
    finishedAt: num(row.finished_at),
  };
}

function toConflict(row: Row): ConflictRecord {
  return {
    id: Number(row.id),
    pair: row.pair as string,
    uid: row.uid as string,
    fields: (row.fields as string).split(',').filter(Boolean),
    winner: row.winner as Side,
    losingVersion: parsed(row.losing_version),
    createdAt: Number(row.created_at),
  };
}

/**
 * Repositories over one knex handle (or transaction). Every method is one short statement or a
 * small transaction; the sync engine decides what to store and when.
 */
export class Store {
  constructor(
    readonly db: Knex,
    private readonly now: () => number = Date.now,
  ) {}

  static async open(url: string, now?: () => number): Promise<Store> {
    return new Store(await openDatabase(url), now);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /** Runs `fn` in one transaction with a Store bound to it. */
  async transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    return this.db.transaction((trx) => fn(new Store(trx, this.now)));
  }

  async ensurePair(name: string): Promise<void> {
    await this.db('pairs').insert({ name }).onConflict('name').ignore();
  }

  // ---- items (the mapping table) ----

  async listItems(pair: string): Promise<ItemRecord[]> {
    return (await this.db('items').where({ pair }).orderBy('uid')).map(toItem);
  }

  async findItem(pair: string, key: { uid: string } | { graphId: string } | { caldavHref: string }): Promise<ItemRecord | undefined> {
    const where = 'uid' in key ? { uid: key.uid } : 'graphId' in key ? { graph_id: key.graphId } : { caldav_href: key.caldavHref };
    const row = (await this.db('items').where({ pair, ...where }).first()) as Row | undefined;
    return row ? toItem(row) : undefined;
  }

  /** Inserts or replaces the row of (pair, uid). */
  async saveItem(item: Omit<ItemRecord, 'updatedAt'>): Promise<void> {
    const row = {
      pair: item.pair,
      uid: item.uid,
      graph_id: item.graphId ?? null,
      caldav_href: item.caldavHref ?? null,
      graph_change_key: item.graphChangeKey ?? null,
      caldav_etag: item.caldavEtag ?? null,
      graph_fingerprint: item.graphFingerprint ?? null,
      caldav_fingerprint: item.caldavFingerprint ?? null,
      base: json(item.base),
      updated_at: this.now(),
    };
    await this.db('items').insert(row).onConflict(['pair', 'uid']).merge();
  }

  async deleteItem(pair: string, uid: string): Promise<void> {
    await this.db('items').where({ pair, uid }).delete();
  }

  // ---- cursors (Graph deltaLink per calendar and window, CalDAV sync-token) ----

  async getCursor(pair: string, side: Side, scope: string): Promise<string | undefined> {
    const row = (await this.db('cursors').where({ pair, side, scope }).first()) as Row | undefined;
    return row ? (row.value as string) : undefined;
  }

  async setCursor(pair: string, side: Side, scope: string, value: string): Promise<void> {
    await this.db('cursors')
      .insert({ pair, side, scope, value, updated_at: this.now() })
      .onConflict(['pair', 'side', 'scope'])
      .merge();
  }

  async clearCursors(pair: string, side: Side): Promise<void> {
    await this.db('cursors').where({ pair, side }).delete();
  }

  // ---- write journal ----

  async recordIntent(entry: { pair: string; uid: string; operation: string; idempotencyKey: string; payload?: unknown }): Promise<number> {
    const [row] = (await this.db('journal')
      .insert({
        pair: entry.pair,
        uid: entry.uid,
        operation: entry.operation,
        idempotency_key: entry.idempotencyKey,
        payload: json(entry.payload),
        state: 'intent',
        created_at: this.now(),
      })
      .returning('id')) as Array<{ id: number } | number>;
    return typeof row === 'object' ? Number(row.id) : Number(row);
  }

  async finishIntent(id: number, state: Exclude<JournalState, 'intent'>, outcome?: unknown): Promise<void> {
    await this.db('journal').where({ id }).update({ state, outcome: json(outcome), finished_at: this.now() });
  }

  /** Writes whose outcome is unknown (the process died between intent and result). */
  async pendingIntents(pair: string): Promise<JournalEntry[]> {
    return (await this.db('journal').where({ pair, state: 'intent' }).orderBy('id')).map(toJournal);
  }

  async journal(pair: string, limit = 100): Promise<JournalEntry[]> {
    return (await this.db('journal').where({ pair }).orderBy('id', 'desc').limit(limit)).map(toJournal);
  }

  // ---- conflicts ----

  async recordConflict(c: Omit<ConflictRecord, 'id' | 'createdAt'>): Promise<number> {
    const [row] = (await this.db('conflicts')
      .insert({
        pair: c.pair,
        uid: c.uid,
        fields: [...c.fields].sort().join(','),
        winner: c.winner,
        losing_version: JSON.stringify(c.losingVersion),
        created_at: this.now(),
      })
      .returning('id')) as Array<{ id: number } | number>;
    return typeof row === 'object' ? Number(row.id) : Number(row);
  }

  async listConflicts(pair?: string): Promise<ConflictRecord[]> {
    const q = this.db('conflicts').orderBy('id');
    if (pair) q.where({ pair });
    return (await q).map(toConflict);
  }

  async getConflict(id: number): Promise<ConflictRecord | undefined> {
    const row = (await this.db('conflicts').where({ id }).first()) as Row | undefined;
    return row ? toConflict(row) : undefined;
  }

  // ---- per-item errors ----

  async recordItemError(pair: string, side: Side, ref: string, message: string): Promise<void> {
    const now = this.now();
    await this.db('item_errors')
      .insert({ pair, side, ref, message, count: 1, first_seen: now, last_seen: now })
      .onConflict(['pair', 'side', 'ref'])
      .merge({ message, last_seen: now, count: this.db.raw('item_errors.count + 1') });
  }

  async clearItemError(pair: string, side: Side, ref: string): Promise<void> {
    await this.db('item_errors').where({ pair, side, ref }).delete();
  }

  async listItemErrors(pair: string): Promise<ItemErrorRecord[]> {
    const rows = (await this.db('item_errors').where({ pair }).orderBy(['side', 'ref'])) as Row[];
    return rows.map((r) => ({
      pair: r.pair as string,
      side: r.side as Side,
      ref: r.ref as string,
      message: r.message as string,
      count: Number(r.count),
      firstSeen: Number(r.first_seen),
      lastSeen: Number(r.last_seen),
    }));
  }

  // ---- pair status ----

  async recordAttempt(name: string, result: { ok: boolean; counts?: Record<string, number>; error?: string }): Promise<void> {
    const now = this.now();
    await this.ensurePair(name);
    await this.db('pairs')
      .where({ name })
      .update({
        last_attempt_at: now,
        ...(result.ok ? { last_success_at: now, last_error: null } : { last_error: result.error ?? 'failed' }),
        last_counts: json(result.counts),
      });
  }

  async pairStatus(name: string): Promise<PairStatus | undefined> {
    const row = (await this.db('pairs').where({ name }).first()) as Row | undefined;
    if (!row) return undefined;
    return {
      name,
      lastSuccessAt: num(row.last_success_at),
      lastAttemptAt: num(row.last_attempt_at),
      lastError: opt(row.last_error),
      lastCounts: parsed(row.last_counts),
    };
  }

  // ---- Graph occurrence index ----

  async rememberInstances(pair: string, pairs: ReadonlyArray<readonly [instanceId: string, masterId: string]>): Promise<void> {
    for (let i = 0; i < pairs.length; i += 200) {
      const rows = pairs.slice(i, i + 200).map(([instance_id, master_id]) => ({ pair, instance_id, master_id }));
      await this.db('graph_instances').insert(rows).onConflict(['pair', 'instance_id']).merge();
    }
  }

  async instanceMaster(pair: string, instanceId: string): Promise<string | undefined> {
    const row = (await this.db('graph_instances').where({ pair, instance_id: instanceId }).first()) as Row | undefined;
    return row ? (row.master_id as string) : undefined;
  }

  // ---- items to read again next cycle ----

  async markReread(pair: string, uid: string, refs: { graph?: string; caldav?: string }): Promise<void> {
    await this.db('rereads')
      .insert({ pair, uid, graph_ref: refs.graph ?? null, caldav_ref: refs.caldav ?? null })
      .onConflict(['pair', 'uid'])
      .merge();
  }

  async rereads(pair: string): Promise<Array<{ uid: string; graph?: string; caldav?: string }>> {
    const rows = (await this.db('rereads').where({ pair }).orderBy('uid')) as Row[];
    return rows.map((r) => ({ uid: r.uid as string, graph: opt<string>(r.graph_ref), caldav: opt<string>(r.caldav_ref) }));
  }

  async clearReread(pair: string, uid: string): Promise<void> {
    await this.db('rereads').where({ pair, uid }).delete();
  }

  // ---- leases (several daemon instances on one PostgreSQL database) ----

  /** Takes or renews the lease of `pair` for `holder`; false when another holder's lease is still valid. */
  async acquireLease(pair: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const expires = now + ttlMs;
    return this.db.transaction(async (trx) => {
      const row = (await trx('leases').where({ pair }).forUpdate().first()) as Row | undefined;
      if (!row) {
        await trx('leases').insert({ pair, holder, expires_at: expires }).onConflict('pair').ignore();
        const after = (await trx('leases').where({ pair }).first()) as Row;
        return after.holder === holder;
      }
      if (row.holder !== holder && Number(row.expires_at) > now) return false;
      await trx('leases').where({ pair }).update({ holder, expires_at: expires });
      return true;
    });
  }

  async releaseLease(pair: string, holder: string): Promise<void> {
    await this.db('leases').where({ pair, holder }).delete();
  }
}
