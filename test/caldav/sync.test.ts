import assert from 'node:assert/strict';
import type { CalDavClient } from '../../src/caldav/client.js';
import { DavHttpError } from '../../src/caldav/errors.js';
import { hrefKey, hrefNameFor } from '../../src/caldav/href.js';
import type { EtagEntry, SyncResult } from '../../src/caldav/sync.js';
import type { WriteResult } from '../../src/caldav/writes.js';
import type { DavServer } from '../helpers/dav-servers.js';
import { clientFor, eventIcs, scriptedClient, SERVER_KINDS, startServer, xmlResponse } from './support.js';

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

describe('caldav sync-collection status mapping', () => {
  const collection = 'http://dav.test/u/cal/';
  const validSyncToken = '<d:error xmlns:d="DAV:"><d:valid-sync-token/></d:error>';

  it('treats 409 valid-sync-token and a bare 403 on a given token as a dead token', async () => {
    for (const answer of [xmlResponse(409, validSyncToken), xmlResponse(403, 'Forbidden')]) {
      const { client } = scriptedClient([answer]);
      assert.deepEqual(await client.syncChanges(collection, 'old-token'), { kind: 'token-invalid' });
    }
  });

  it('does not blame the token for a missing collection or for failures of an initial sync', async () => {
    const gone = scriptedClient([xmlResponse(404, 'Not Found')]);
    await assert.rejects(gone.client.syncChanges(collection, 'old-token'),
      (err: unknown) => err instanceof DavHttpError && err.status === 404);
    const initial = scriptedClient([xmlResponse(403, validSyncToken)]);
    await assert.rejects(initial.client.syncChanges(collection, undefined),
      (err: unknown) => err instanceof DavHttpError && err.status === 403);
  });

  it('sends an empty sync-token on the first sync and fails loudly when a truncated answer does not advance', async () => {
    const truncated = `<multistatus xmlns="DAV:"><response><href>/u/cal/</href>
      <status>HTTP/1.1 507 Insufficient Storage</status></response><sync-token>t1</sync-token></multistatus>`;
    const { client, requests } = scriptedClient([xmlResponse(207, truncated), xmlResponse(207, truncated)]);
    await assert.rejects(client.syncChanges(collection, undefined),
      (err: unknown) => err instanceof DavHttpError && /did not advance/.test(err.message));
    assert.match(requests[0]?.body ?? '', /<d:sync-token><\/d:sync-token>/);
    assert.match(requests[1]?.body ?? '', /<d:sync-token>t1<\/d:sync-token>/);
  });

  it('lets the last page win for an href changed on one page and removed on the next', async () => {
    const page1 = `<multistatus xmlns="DAV:"><response><href>/u/cal/a.ics</href><propstat><prop><getetag>"1"</getetag>
      </prop><status>HTTP/1.1 200 OK</status></propstat></response><response><href>/u/cal/</href>
      <status>HTTP/1.1 507 Insufficient Storage</status></response><sync-token>t1</sync-token></multistatus>`;
    const page2 = `<multistatus xmlns="DAV:"><response><href>/u/cal/a%2Eics</href><status>HTTP/1.1 404 Not Found</status>
      </response><sync-token>t2</sync-token></multistatus>`;
    const { client } = scriptedClient([xmlResponse(207, page1), xmlResponse(207, page2)]);
    const result = delta(await client.syncChanges(collection, 't0'));
    assert.equal(result.token, 't2');
    assert.deepEqual(result.changed, []);
    assert.deepEqual(result.removed, ['http://dav.test/u/cal/a%2Eics']);
  });
});
