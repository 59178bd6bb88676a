import assert from 'node:assert/strict';
import { hrefNameFor, sameHref } from '../../src/caldav/href.js';
import type { WriteResult } from '../../src/caldav/writes.js';
import type { DavServer } from '../helpers/dav-servers.js';
import { clientFor, eventIcs, SERVER_KINDS, startServer } from './support.js';

for (const kind of SERVER_KINDS) {
  describe(`caldav multiget against ${kind}`, function () {
    let server: DavServer;

    before(async function () {
      server = await startServer(kind);
    });
    after(async () => server?.stop());

    it('fetches 5 objects in batches of 2 and reports the one missing href instead of dropping it', async () => {
      const reports: string[] = [];
      const countingFetch: typeof fetch = (input, init) => {
        if (init?.method === 'REPORT') reports.push(String(init.body));
        return fetch(input, init);
      };
      const client = clientFor(server, { fetch: countingFetch });
      const calendar = (await client.ensureCalendar(server.calendarHomeUrl, 'Multiget')).href;
      const written: WriteResult[] = [];
      for (let n = 1; n <= 5; n++) {
        const uid = `mg-${n}@example.com`;
        written.push(await client.create(calendar, hrefNameFor(uid), eventIcs(uid, `item ${n}`)));
      }
      const missingHref = new URL('never-created.ics', calendar).toString();
      const asked = [...written.map((w) => w.href)];
      asked.splice(2, 0, missingHref);

      const result = await client.multiget(calendar, asked, 2);

      assert.equal(reports.length, 3, 'six hrefs in batches of two');
      assert.deepEqual(result.missing, [missingHref]);
      assert.deepEqual(result.found.map((f) => f.href), written.map((w) => w.href));
      result.found.forEach((found, i) => {
        assert.equal(found.etag, written[i]?.etag);
        assert.match(found.data, new RegExp(`UID:mg-${i + 1}@example.com`));
      });
    });

    it('handles objects another client named with spaces, "@" and non-ASCII through list, multiget, update and delete', async () => {
      const client = clientFor(server);
      const calendar = (await client.ensureCalendar(server.calendarHomeUrl, 'Foreign names')).href;
      const url = new URL('Meeting%20with%20J%C3%BCrgen%40home.ics', calendar).toString();
      const put = await client.transport.request({
        method: 'PUT', url, headers: { 'Content-Type': 'text/calendar', 'If-None-Match': '*' },
        body: eventIcs('foreign@example.com', 'foreign'),
      });
      assert.equal(put.status, 201);

      const [listed] = await client.listAll(calendar);
      assert.ok(listed && sameHref(listed.href, url), listed?.href);
      const fetched = await client.multiget(calendar, [listed.href]);
      assert.deepEqual(fetched.missing, []);
      assert.equal(fetched.found[0]?.etag, listed.etag);
      const updated = await client.update(listed.href, eventIcs('foreign@example.com', 'edited'), listed.etag);
      await client.remove(updated.href, updated.etag);
      assert.deepEqual(await client.listAll(calendar), []);
    });
  });
}
