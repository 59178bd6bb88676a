import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store/store.js';
import { DEFAULT_EVENT_FIELDS, type CalendarItem } from '../../src/model/event.js';
import { createTempDatabase, type TempDatabase } from '../helpers/postgres.js';

const base: CalendarItem = {
  kind: 'single',
  uid: 'u-1@example.com',
  event: {
    ...DEFAULT_EVENT_FIELDS,
    summary: 'Lunch',
    start: { kind: 'zoned', local: '2026-12-01T12:00:00', tz: 'Europe/Berlin' },
    end: { kind: 'zoned', local: '2026-12-01T13:00:00', tz: 'Europe/Berlin' },
  },
};

interface Backend {
  name: string;
  open(): Promise<{ url: string; cleanup(): Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'sqlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'calbridge-store-'));
      return { url: `sqlite:${join(dir, 'nested', 'state.db')}`, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    async open() {
      const db: TempDatabase = await createTempDatabase();
      return { url: db.url, cleanup: () => db.drop() };
    },
  },
];

for (const backend of backends) {
  describe(`store on ${backend.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let clock = 1_000;

    beforeEach(async () => {
      clock = 1_000;
      const opened = await backend.open();
      cleanup = opened.cleanup;
      store = await Store.open(opened.url, () => clock);
      await store.ensurePair('alice');
    });

    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    it('runs migrations once and is idempotent on reopen', async () => {
      const done = await store.db('knex_migrations').select('name');
      assert.deepEqual(done.map((r: { name: string }) => r.name), ['001-initial', '002-leases', '003-graph-instances']);
      await store.db.migrate.latest();
      const counted = await store.db('knex_migrations').count('* as n').first();
      assert.equal(String(counted?.n), '3');
    });

    it('saves, finds by each id and replaces mapping rows with their merge base', async () => {
      await store.saveItem({ pair: 'alice', uid: base.uid, graphId: 'AAMk=', caldavHref: '/cal/a.ics', caldavEtag: '"e1"', base });
      const byGraph = await store.findItem('alice', { graphId: 'AAMk=' });
      const byHref = await store.findItem('alice', { caldavHref: '/cal/a.ics' });
      assert.deepEqual(byGraph, byHref);
      assert.deepEqual(byGraph?.base, base);
      assert.equal(byGraph?.caldavEtag, '"e1"');
      await store.saveItem({ pair: 'alice', uid: base.uid, graphId: 'AAMk=', caldavHref: '/cal/a.ics', caldavEtag: '"e2"' });
      const items = await store.listItems('alice');
      assert.equal(items.length, 1);
      assert.equal(items[0]!.caldavEtag, '"e2"');
      assert.equal(items[0]!.base, undefined);
    });

    it('refuses two rows mapping the same Graph id in one pair', async () => {
      await store.saveItem({ pair: 'alice', uid: 'one', graphId: 'same' });
      await assert.rejects(store.saveItem({ pair: 'alice', uid: 'two', graphId: 'same' }));
    });

    it('rolls a failed transaction back whole', async () => {
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.saveItem({ pair: 'alice', uid: 'x', graphId: 'g' });
          await tx.setCursor('alice', 'caldav', 'cal', 'token-1');
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal(await store.findItem('alice', { uid: 'x' }), undefined);
      assert.equal(await store.getCursor('alice', 'caldav', 'cal'), undefined);
    });

    it('keeps cursors per side and scope', async () => {
      await store.setCursor('alice', 'graph', 'cal-1|w', 'https://x/delta?$deltatoken=1');
      await store.setCursor('alice', 'graph', 'cal-1|w', 'https://x/delta?$deltatoken=2');
      await store.setCursor('alice', 'caldav', '/cal/', 'http://radicale/sync/3');
      assert.equal(await store.getCursor('alice', 'graph', 'cal-1|w'), 'https://x/delta?$deltatoken=2');
      await store.clearCursors('alice', 'graph');
      assert.equal(await store.getCursor('alice', 'graph', 'cal-1|w'), undefined);
      assert.equal(await store.getCursor('alice', 'caldav', '/cal/'), 'http://radicale/sync/3');
    });

    it('journals intents until they finish', async () => {
      const a = await store.recordIntent({ pair: 'alice', uid: 'u', operation: 'graph.create', idempotencyKey: 'tx-1', payload: { subject: 'x' } });
      const b = await store.recordIntent({ pair: 'alice', uid: 'v', operation: 'caldav.put', idempotencyKey: 'h.ics' });
      await store.finishIntent(a, 'done', { id: 'AAMk=' });
      const pending = await store.pendingIntents('alice');
      assert.deepEqual(pending.map((p) => p.id), [b]);
      const [latest] = await store.journal('alice', 1);
      assert.equal(latest?.id, b);
      const all = await store.journal('alice');
      assert.deepEqual(all.find((e) => e.id === a)?.outcome, { id: 'AAMk=' });
      assert.deepEqual(all.find((e) => e.id === a)?.payload, { subject: 'x' });
    });

    it('keeps the losing version of a conflict whole', async () => {
      const id = await store.recordConflict({ pair: 'alice', uid: base.uid, fields: ['summary', 'start'], winner: 'graph', losingVersion: base });
      const conflict = await store.getConflict(id);
      assert.deepEqual(conflict?.fields, ['start', 'summary']);
      assert.deepEqual(conflict?.losingVersion, base);
      assert.equal((await store.listConflicts('alice')).length, 1);
      assert.equal((await store.listConflicts('bob')).length, 0);
    });

    it('counts repeated item errors and clears them', async () => {
      await store.recordItemError('alice', 'caldav', '/cal/broken.ics', 'DTSTART missing');
      clock = 2_000;
      await store.recordItemError('alice', 'caldav', '/cal/broken.ics', 'DTSTART missing (line 4)');
      const [err] = await store.listItemErrors('alice');
      assert.equal(err?.count, 2);
      assert.equal(err?.firstSeen, 1_000);
      assert.equal(err?.lastSeen, 2_000);
      assert.equal(err?.message, 'DTSTART missing (line 4)');
      await store.clearItemError('alice', 'caldav', '/cal/broken.ics');
      assert.deepEqual(await store.listItemErrors('alice'), []);
    });

    it('records the last attempt and the last success of a pair', async () => {
      await store.recordAttempt('alice', { ok: true, counts: { created: 2 } });
      clock = 5_000;
      await store.recordAttempt('alice', { ok: false, error: 'caldav unreachable' });
      const status = await store.pairStatus('alice');
      assert.equal(status?.lastSuccessAt, 1_000);
      assert.equal(status?.lastAttemptAt, 5_000);
      assert.equal(status?.lastError, 'caldav unreachable');
    });

    it('grants a lease to one holder until it expires or is released', async () => {
      assert.equal(await store.acquireLease('alice', 'host-a', 60_000), true);
      assert.equal(await store.acquireLease('alice', 'host-b', 60_000), false);
      assert.equal(await store.acquireLease('alice', 'host-a', 60_000), true, 'the holder renews');
      clock = 1_000 + 60_001;
      assert.equal(await store.acquireLease('alice', 'host-b', 60_000), true, 'an expired lease is taken over');
      await store.releaseLease('alice', 'host-b');
      assert.equal(await store.acquireLease('alice', 'host-a', 60_000), true);
    });

    it('indexes Graph occurrence ids by their series master', async () => {
      await store.rememberInstances('alice', [['occ-1', 'master-1'], ['occ-2', 'master-1']]);
      await store.rememberInstances('alice', [['occ-1', 'master-1']]);
      assert.equal(await store.instanceMaster('alice', 'occ-2'), 'master-1');
      assert.equal(await store.instanceMaster('alice', 'unknown'), undefined);
    });

    it('remembers items to read again until cleared', async () => {
      await store.markReread('alice', 'u1', { caldav: '/cal/u1.ics' });
      await store.markReread('alice', 'u1', { graph: 'G1', caldav: '/cal/u1.ics' });
      assert.deepEqual(await store.rereads('alice'), [{ uid: 'u1', graph: 'G1', caldav: '/cal/u1.ics' }]);
      await store.clearReread('alice', 'u1');
      assert.deepEqual(await store.rereads('alice'), []);
    });

    it('deletes a pair’s rows with the pair', async () => {
      await store.saveItem({ pair: 'alice', uid: 'x' });
      await store.db('pairs').where({ name: 'alice' }).delete();
      assert.deepEqual(await store.listItems('alice'), []);
    });
  });
}
