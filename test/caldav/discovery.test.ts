import assert from 'node:assert/strict';
import { CalDavClient } from '../../src/caldav/client.js';
import { DiscoveryError } from '../../src/caldav/errors.js';
import { sameHref } from '../../src/caldav/href.js';
import { xmlDocument } from '../../src/caldav/xml.js';
import type { DavServer } from '../helpers/dav-servers.js';
import { clientFor, SERVER_KINDS, startServer } from './support.js';

for (const kind of SERVER_KINDS) {
  describe(`caldav discovery against ${kind}`, function () {
    let server: DavServer;
    let client: CalDavClient;

    before(async function () {
      server = await startServer(kind);
      client = clientFor(server);
    });
    after(async () => server?.stop());

    it('finds the principal and calendar home from the server root, /.well-known/caldav and the home itself', async () => {
      const fromRoot = await client.discover(`${server.baseUrl}/`);
      const fromHome = await client.discover(server.calendarHomeUrl);
      // Both servers redirect /.well-known/caldav to / (301/302); the PROPFIND must survive the redirect.
      const fromWellKnown = await client.discover(`${server.baseUrl}/.well-known/caldav`);
      assert.ok(sameHref(fromRoot.calendarHomeUrl, server.calendarHomeUrl), fromRoot.calendarHomeUrl);
      assert.deepEqual(fromHome, fromRoot);
      assert.deepEqual(fromWellKnown, fromRoot);
    });

    it('ensureCalendar creates a missing calendar by display name, then finds the same one', async () => {
      const home = server.calendarHomeUrl;
      assert.equal(await client.findCalendar(home, 'Team Cal'), undefined);
      const created = await client.ensureCalendar(home, 'Team Cal');
      assert.equal(created.displayName, 'Team Cal');
      assert.ok(created.components.includes('VEVENT'));
      assert.equal(created.readOnly, false);
      assert.ok(created.syncToken, 'a fresh calendar advertises a sync-token');
      const again = await client.ensureCalendar(home, 'Team Cal');
      assert.equal(again.href, created.href);
      const named = (await client.listCalendars(home)).filter((c) => c.displayName === 'Team Cal');
      assert.equal(named.length, 1);
    });

    it('ensureCalendar by path creates the collection at exactly that path', async () => {
      const path = `${new URL(server.calendarHomeUrl).pathname}by-path/`;
      const created = await client.ensureCalendar(server.calendarHomeUrl, path);
      assert.equal(new URL(created.href).pathname, path);
      const found = await client.findCalendar(server.calendarHomeUrl, created.href);
      assert.equal(found?.href, created.href);
    });

    it('refuses to guess between two calendars with the same display name', async () => {
      const home = server.calendarHomeUrl;
      for (const segment of ['twin-a', 'twin-b']) {
        const reply = await client.transport.request({
          method: 'MKCALENDAR',
          url: new URL(`${segment}/`, home).toString(),
          body: xmlDocument('c:mkcalendar', '<d:set><d:prop><d:displayname>Twin</d:displayname></d:prop></d:set>'),
        });
        assert.equal(reply.status, 201);
      }
      await assert.rejects(client.findCalendar(home, 'Twin'), DiscoveryError);
      await assert.rejects(client.ensureCalendar(home, 'Twin'), DiscoveryError);
      const byPath = await client.findCalendar(home, `${new URL(home).pathname}twin-b/`);
      assert.equal(byPath?.displayName, 'Twin');
    });
  });
}

describe('caldav discovery errors', () => {
  it('names the URL when nothing answers with a principal', async () => {
    const fakeFetch: typeof fetch = async () => new Response('not here', { status: 404 });
    const client = new CalDavClient({ fetch: fakeFetch, maxAttempts: 1 });
    await assert.rejects(client.discover('http://127.0.0.1:9/x/'), (err: unknown) =>
      err instanceof DiscoveryError && err.href === 'http://127.0.0.1:9/x/');
  });
});
