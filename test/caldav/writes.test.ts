import assert from 'node:assert/strict';
import type { CalDavClient } from '../../src/caldav/client.js';
import { DavHttpError, MissingEtagError, PreconditionFailedError, UidConflictError } from '../../src/caldav/errors.js';
import { hrefNameFor, sameHref } from '../../src/caldav/href.js';
import type { DavServer } from '../helpers/dav-servers.js';
import { clientFor, eventIcs, scriptedClient, SERVER_KINDS, startServer, xmlResponse } from './support.js';

for (const kind of SERVER_KINDS) {
  describe(`caldav conditional writes against ${kind}`, function () {
    let server: DavServer;
    let client: CalDavClient;
    let calendar: string;

    before(async function () {
      server = await startServer(kind);
      client = clientFor(server);
      calendar = (await client.ensureCalendar(server.calendarHomeUrl, 'Writes')).href;
    });
    after(async () => server?.stop());

    it('create returns a strong etag that PROPFIND confirms; a second create of the same name is a 412', async () => {
      const uid = 'create-1@example.com';
      const created = await client.create(calendar, hrefNameFor(uid), eventIcs(uid, 'first'));
      assert.ok(created.etag.startsWith('"'), created.etag);
      assert.equal(await client.fetchEtag(created.href), created.etag);
      await assert.rejects(client.create(calendar, hrefNameFor(uid), eventIcs(uid, 'again')),
        (err: unknown) => err instanceof PreconditionFailedError && err.status === 412 && err.sentEtag === undefined);
      const stored = await client.multiget(calendar, [created.href]);
      assert.match(stored.found[0]?.data ?? '', /SUMMARY:first/);
    });

    it('update and delete succeed with the current etag and fail with 412 on a stale one', async () => {
      const uid = 'update-1@example.com';
      const v1 = await client.create(calendar, hrefNameFor(uid), eventIcs(uid, 'v1'));
      const v2 = await client.update(v1.href, eventIcs(uid, 'v2'), v1.etag);
      assert.notEqual(v2.etag, v1.etag);
      assert.equal(v2.href, v1.href);
      await assert.rejects(client.update(v1.href, eventIcs(uid, 'lost update'), v1.etag),
        (err: unknown) => err instanceof PreconditionFailedError && err.sentEtag === v1.etag);
      await assert.rejects(client.remove(v1.href, v1.etag), PreconditionFailedError);
      assert.match((await client.multiget(calendar, [v1.href])).found[0]?.data ?? '', /SUMMARY:v2/);
      await client.remove(v2.href, v2.etag);
      const listed = await client.listAll(calendar);
      assert.ok(!listed.some((e) => sameHref(e.href, v1.href)));
    });

    it('refuses to write without an etag or with a weak one, without touching the server', async () => {
      const uid = 'guard-1@example.com';
      const created = await client.create(calendar, hrefNameFor(uid), eventIcs(uid, 'kept'));
      await assert.rejects(client.update(created.href, eventIcs(uid, 'blind'), ''), MissingEtagError);
      await assert.rejects(client.update(created.href, eventIcs(uid, 'weak'), `W/${created.etag}`),
        (err: unknown) => err instanceof MissingEtagError && err.etag === `W/${created.etag}`);
      await assert.rejects(client.remove(created.href, ''), MissingEtagError);
      assert.equal(await client.fetchEtag(created.href), created.etag);
    });

    it('rejects names outside [A-Za-z0-9._-] before sending anything', async () => {
      await assert.rejects(client.create(calendar, 'a@b/c.ics', eventIcs('x', 'x')), RangeError);
    });

    it('reports a duplicate UID at another href as UidConflictError (Radicale 409, Xandikos 207 + inner 412)', async () => {
      const uid = 'dup-1@example.com';
      await client.create(calendar, hrefNameFor(uid), eventIcs(uid, 'original'));
      await assert.rejects(client.create(calendar, 'other-name.ics', eventIcs(uid, 'copy')),
        (err: unknown) => err instanceof UidConflictError && err.status === (kind === 'radicale' ? 409 : 207));
      const listed = await client.listAll(calendar);
      assert.ok(!listed.some((e) => e.href.endsWith('/other-name.ics')), 'the duplicate was not stored');
    });

    it('a body the server rewrites still yields an etag usable for the next conditional write', async () => {
      const uid = 'rewrite-1@example.com';
      // A TZID without its VTIMEZONE: Radicale inserts the VTIMEZONE and reorders properties (caldav-ical.md §1.7).
      const ics = eventIcs(uid, 'zoned').replace('DTSTART:20260301T090000Z', 'DTSTART;TZID=Europe/Berlin:20260301T100000')
        .replace('DTEND:20260301T100000Z', 'DTEND;TZID=Europe/Berlin:20260301T110000');
      const created = await client.create(calendar, hrefNameFor(uid), ics);
      const stored = (await client.multiget(calendar, [created.href])).found[0];
      assert.equal(stored?.etag, created.etag);
      if (kind === 'radicale') assert.match(stored?.data ?? '', /BEGIN:VTIMEZONE/);
      const updated = await client.update(created.href, ics.replace('SUMMARY:zoned', 'SUMMARY:zoned v2'), created.etag);
      assert.equal(await client.fetchEtag(created.href), updated.etag);
    });
  });
}

describe('caldav write status mapping', () => {
  const href = 'http://dav.test/u/cal/a.ics';
  const ics = eventIcs('a@example.com', 'a');

  it('names the existing resource of a no-uid-conflict when the server gives it', async () => {
    const { client } = scriptedClient([xmlResponse(409, `<d:error xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
      <c:no-uid-conflict><d:href>/u/cal/original.ics</d:href></c:no-uid-conflict></d:error>`)]);
    await assert.rejects(client.create('http://dav.test/u/cal/', 'a.ics', ics), (err: unknown) =>
      err instanceof UidConflictError && err.existingHref === 'http://dav.test/u/cal/original.ics');
  });

  it('maps a 207 whose inner status is 412 to PreconditionFailedError, and other preconditions to DavHttpError', async () => {
    const inner412 = scriptedClient([xmlResponse(207, `<multistatus xmlns="DAV:"><response><href>/u/cal/a.ics</href>
      <status>HTTP/1.1 412 Precondition Failed</status></response></multistatus>`)]);
    await assert.rejects(inner412.client.update(href, ics, '"e1"'),
      (err: unknown) => err instanceof PreconditionFailedError && err.sentEtag === '"e1"');
    const tooBig = scriptedClient([xmlResponse(403, `<d:error xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
      <c:max-resource-size/></d:error>`)]);
    await assert.rejects(tooBig.client.update(href, ics, '"e1"'), (err: unknown) =>
      err instanceof DavHttpError && !(err instanceof PreconditionFailedError) && /max-resource-size/.test(err.message));
  });

  it('accepts only 200/201/204: a 202 is an error', async () => {
    const { client } = scriptedClient([new Response('queued', { status: 202 })]);
    await assert.rejects(client.remove(href, '"e1"'), (err: unknown) => err instanceof DavHttpError && err.status === 202);
  });

  it('quotes a bare getetag for If-Match and asks PROPFIND when the PUT answer has only a weak or no ETag', async () => {
    const propfindAnswer = () => xmlResponse(207, `<multistatus xmlns="DAV:"><response><href>/u/cal/a.ics</href>
      <propstat><prop><getetag>"strong-2"</getetag></prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>`);
    for (const putHeaders of [{ etag: 'W/"weak-2"' }, {}] as Record<string, string>[]) {
      const { client, requests } = scriptedClient([new Response(null, { status: 204, headers: putHeaders }), propfindAnswer()]);
      const result = await client.update(href, ics, 'bare-1');
      assert.equal(requests[0]?.headers['If-Match'], '"bare-1"');
      assert.equal(requests[1]?.method, 'PROPFIND');
      assert.equal(result.etag, '"strong-2"');
    }
  });
});
