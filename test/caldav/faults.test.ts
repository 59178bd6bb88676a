// The client behind a fault-injecting proxy in front of a real server: throttling and truncated sync answers.
import assert from 'node:assert/strict';
import type { CalDavClient } from '../../src/caldav/client.js';
import { DavHttpError } from '../../src/caldav/errors.js';
import { hrefKey, hrefNameFor } from '../../src/caldav/href.js';
import type { SyncResult } from '../../src/caldav/sync.js';
import type { DavServer } from '../helpers/dav-servers.js';
import { startFaultProxy, type FaultProxy, type ProxiedRequest, type ProxiedResponse } from '../helpers/fault-proxy.js';
import { clientFor, eventIcs, SERVER_KINDS, startServer } from './support.js';

function delta(result: SyncResult): Extract<SyncResult, { kind: 'delta' }> {
  assert.equal(result.kind, 'delta');
  return result as Extract<SyncResult, { kind: 'delta' }>;
}

/**
 * Rewrites a sync-collection answer the way a server that pages would: only the member at `keepPath`, a 507 for
 * the collection itself (RFC 6578 §3.6), and `token` as the place to continue from. Works with any prefix style.
 */
function truncateTo(token: string, keepPath: string) {
  return (res: ProxiedResponse, req: ProxiedRequest): ProxiedResponse => {
    const root = res.body.match(/^[\s\S]*?<(\w+:)?multistatus[^>]*>/);
    assert.ok(root, `not a multistatus: ${res.body}`);
    const p = root[1] ?? '';
    const kept = res.body.match(new RegExp(`<${p}response>(?:(?!</${p}response>)[\\s\\S])*${keepPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\\S]*?</${p}response>`));
    assert.ok(kept, `the server answer lists ${keepPath}`);
    const path = req.path.split('?')[0];
    const body = `${root[0]}${kept[0]}<${p}response><${p}href>${path}</${p}href>` +
      `<${p}status>HTTP/1.1 507 Insufficient Storage</${p}status></${p}response>` +
      `<${p}sync-token>${token}</${p}sync-token></${p}multistatus>`;
    return { ...res, body };
  };
}

for (const kind of SERVER_KINDS) {
  describe(`caldav client behind a fault proxy (${kind})`, function () {
    let server: DavServer;
    let proxy: FaultProxy;
    let calendar: string;
    let sleeps: number[];
    let client: CalDavClient;

    before(async function () {
      server = await startServer(kind);
      proxy = await startFaultProxy(server.baseUrl);
      const direct = clientFor(server);
      calendar = proxy.urlFor((await direct.ensureCalendar(server.calendarHomeUrl, 'Faults')).href);
    });
    after(async () => {
      await proxy?.stop();
      await server?.stop();
    });
    beforeEach(() => {
      sleeps = [];
      client = clientFor(server, {
        maxAttempts: 4,
        baseDelayMs: 100,
        maxDelayMs: 5000,
        random: () => 0.5,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
      });
      proxy.requests.length = 0;
      proxy.clearFaults();
    });

    it('waits as long as Retry-After says on 503, then succeeds', async () => {
      proxy.addFault({ method: 'PROPFIND', respond: { status: 503, headers: { 'retry-after': '2' }, body: 'busy' } });
      const listed = await client.listAll(calendar);
      assert.ok(Array.isArray(listed));
      assert.deepEqual(sleeps, [2000]);
      assert.equal(proxy.requests.filter((r) => r.method === 'PROPFIND').length, 2);
    });

    it('retries 429 with exponential backoff when no Retry-After is given, and caps a huge Retry-After', async () => {
      proxy.addFault({ method: 'PROPFIND', times: 2, respond: { status: 429, headers: {}, body: 'slow down' } });
      proxy.addFault({ method: 'PROPFIND', respond: { status: 429, headers: { 'retry-after': '86400' }, body: '' } });
      await client.getCtag(calendar);
      // Equal jitter with random() = 0.5: ceiling 100 → 75, ceiling 200 → 150; Retry-After capped at maxDelayMs.
      assert.deepEqual(sleeps, [75, 150, 5000]);
      assert.equal(proxy.requests.length, 4);
    });

    it('gives up after maxAttempts and reports the last status', async () => {
      proxy.addFault({ method: 'PROPFIND', times: 10, respond: { status: 503, headers: {}, body: 'down for maintenance' } });
      await assert.rejects(client.listAll(calendar),
        (err: unknown) => err instanceof DavHttpError && err.status === 503 && /maintenance/.test(err.message));
      assert.equal(proxy.requests.length, 4);
    });

    it('a PUT answer whose ETag a proxy weakened still yields the strong etag for the next If-Match', async () => {
      // nginx gzip turns "x" into W/"x" (caldav-ical.md §1.7): If-Match with it would 412 forever.
      proxy.addFault({ method: 'PUT', transform: (res) => ({ ...res, headers: { ...res.headers, etag: `W/${res.headers.etag}` } }) });
      const uid = `weak-${kind}`;
      const created = await client.create(calendar, hrefNameFor(uid), eventIcs(uid, 'v1'));
      assert.ok(!created.etag.startsWith('W/'), created.etag);
      assert.equal(proxy.requests.filter((r) => r.method === 'PROPFIND').length, 1, 'etag fetched with PROPFIND');
      const updated = await client.update(created.href, eventIcs(uid, 'v2'), created.etag);
      assert.equal(await client.fetchEtag(updated.href), updated.etag);
    });

    it('continues a truncated (507) sync answer with the token it returned', async () => {
      const base = delta(await client.syncChanges(calendar, undefined));
      const a = await client.create(calendar, hrefNameFor(`trunc-a-${kind}`), eventIcs(`trunc-a-${kind}`, 'a'));
      const middle = delta(await client.syncChanges(calendar, base.token));
      const b = await client.create(calendar, hrefNameFor(`trunc-b-${kind}`), eventIcs(`trunc-b-${kind}`, 'b'));
      const c = await client.create(calendar, hrefNameFor(`trunc-c-${kind}`), eventIcs(`trunc-c-${kind}`, 'c'));
      proxy.requests.length = 0;
      // The server would list a, b, c; the proxy passes only a and says "continue from `middle`".
      proxy.addFault({ method: 'REPORT', transform: truncateTo(middle.token, new URL(a.href).pathname) });

      const result = delta(await client.syncChanges(calendar, base.token));

      const reports = proxy.requests.filter((r) => r.method === 'REPORT');
      assert.equal(reports.length, 2);
      assert.ok(reports[1]?.body.includes(`>${middle.token}<`), 'the second page was asked with the returned token');
      assert.deepEqual(new Set(result.changed.map((e) => hrefKey(e.href))),
        new Set([a, b, c].map((w) => hrefKey(proxy.urlFor(w.href)))));
      const final = delta(await client.syncChanges(calendar, result.token));
      assert.deepEqual(final.changed, []);
    });
  });
}
