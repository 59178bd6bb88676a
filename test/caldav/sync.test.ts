import assert from 'node:assert/strict';
import type { CalDavClient } from '../../src/caldav/client.js';
import { hrefKey, hrefNameFor } from '../../src/caldav/href.js';
import type { EtagEntry, SyncResult } from '../../src/caldav/sync.js';
import type { WriteResult } from '../../src/caldav/writes.js';
import type { DavServer } from '../helpers/dav-servers.js';
import { clientFor, eventIcs, SERVER_KINDS, startServer } from './support.js';

function delta(result: SyncResult): Extract<SyncResult, { kind: 'delta' }> {
  assert.equal(result.kind, 'delta');
  return result as Extract<SyncResult, { kind: 'delta' }>;
}

const keyed = (entries: EtagEntry[]) => new Map(entries.map((e) => [hrefKey(e.href), e.etag]));
const keys = (hrefs: string[]) => new Set(hrefs.map((h) => hrefKey(h)));

for (const kind of SERVER_KINDS) {
  describe(`caldav change detection against ${kind}`, function () {
    let server: DavServer;
    let client: CalDavClient;
    let calendar: string;
    const written: WriteResult[] = [];

    before(async function () {
      server = await startServer(kind);
      client = clientFor(server);
      calendar = (await client.ensureCalendar(server.calendarHomeUrl, 'Sync')).href;
      for (const n of [1, 2, 3]) {
        const uid = `sync-${n}@example.com`;
        written.push(await client.create(calendar, hrefNameFor(uid), eventIcs(uid, `event ${n}`)));
      }
    });
    after(async () => server?.stop());

    it('listAll lists exactly what was created, with the etags the writes returned', async () => {
      assert.deepEqual(keyed(await client.listAll(calendar)), keyed(written));
    });

    it('an initial sync returns every member; an incremental one only what changed and what was removed', async () => {
      const initial = delta(await client.syncChanges(calendar, undefined));
      assert.deepEqual(keyed(initial.changed), keyed(written));
      assert.deepEqual(initial.removed, []);

      const [first, second] = written as [WriteResult, WriteResult, WriteResult];
      const updated = await client.update(first.href, eventIcs('sync-1@example.com', 'event 1 moved'), first.etag);
      await client.remove(second.href, second.etag);
      const added = await client.create(calendar, hrefNameFor('sync-4@example.com'), eventIcs('sync-4@example.com', 'new'));

      const next = delta(await client.syncChanges(calendar, initial.token));
      assert.notEqual(next.token, initial.token);
      assert.deepEqual(keyed(next.changed), keyed([updated, added]));
      assert.deepEqual(keys(next.removed), keys([second.href]));

      const quiet = delta(await client.syncChanges(calendar, next.token));
      assert.deepEqual(quiet.changed, []);
      assert.deepEqual(quiet.removed, []);
    });

    it('a token the server does not know yields token-invalid (Radicale 403, Xandikos 500)', async () => {
      const current = delta(await client.syncChanges(calendar, undefined));
      const forged = kind === 'radicale' ? 'http://radicale.org/ns/sync/0000' : '0000000000000000000000000000000000000000';
      assert.notEqual(forged, current.token);
      assert.deepEqual(await client.syncChanges(calendar, forged), { kind: 'token-invalid' });
    });

    it('getCtag changes when a member changes', async () => {
      const before = await client.getCtag(calendar);
      assert.ok(before);
      await client.create(calendar, hrefNameFor('ctag@example.com'), eventIcs('ctag@example.com', 'ctag'));
      const after = await client.getCtag(calendar);
      assert.ok(after);
      assert.notEqual(after, before);
    });
  });
}
