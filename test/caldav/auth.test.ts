import assert from 'node:assert/strict';
import { DavAuthError } from '../../src/caldav/errors.js';
import { hrefNameFor } from '../../src/caldav/href.js';
import { startRadicale, type DavServer } from '../helpers/dav-servers.js';
import { clientFor, eventIcs } from './support.js';

describe('caldav Basic auth against Radicale with htpasswd', function () {
  let server: DavServer;

  before(async function () {
    server = await startRadicale({ auth: { user: 'alice', password: 's3cret:with colon' } });
  });
  after(async () => server?.stop());

  it('works with the right password', async () => {
    const client = clientFor(server);
    const account = await client.discover(server.calendarHomeUrl);
    const calendar = await client.ensureCalendar(account.calendarHomeUrl, 'Private');
    const written = await client.create(calendar.href, hrefNameFor('auth@example.com'), eventIcs('auth@example.com', 'x'));
    assert.equal(await client.fetchEtag(written.href), written.etag);
  });

  it('fails with a DavAuthError naming the status and the credentials problem on a wrong password', async () => {
    const client = clientFor({ username: 'alice', password: 'wrong' });
    await assert.rejects(client.discover(server.calendarHomeUrl), (err: unknown) =>
      err instanceof DavAuthError && err.status === 401 && /username\/password/.test(err.message));
    await assert.rejects(client.listAll(server.calendarHomeUrl), DavAuthError);
  });
});
