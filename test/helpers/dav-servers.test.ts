import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { startRadicale, startXandikos, type DavServer } from './dav-servers.js';

for (const [kind, start] of [['radicale', () => startRadicale()], ['xandikos', startXandikos]] as const) {
  describe(`dav-servers harness: ${kind}`, () => {
    it('serves PROPFIND on the calendar home over a loopback port; after stop() the port refuses and the storage dir is gone', async () => {
      const server: DavServer = await start();
      try {
        assert.equal(server.kind, kind);
        assert.match(server.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
        const res = await fetch(server.calendarHomeUrl, {
          method: 'PROPFIND',
          headers: { Depth: '0', Authorization: `Basic ${Buffer.from(`${server.username}:${server.password}`).toString('base64')}` },
        });
        await res.arrayBuffer();
        assert.equal(res.status, 207);
        assert.equal(existsSync(server.storageDir), true);
      } finally {
        await server.stop();
      }
      assert.equal(await fetch(server.baseUrl).then(() => 'answered', () => 'refused'), 'refused');
      assert.equal(existsSync(server.storageDir), false);
    });
  });
}

describe('dav-servers harness: auth', () => {
  it('Radicale with htpasswd answers 401 without credentials', async () => {
    const server = await startRadicale({ auth: { user: 'u', password: 'p' } });
    try {
      const res = await fetch(server.calendarHomeUrl, { method: 'PROPFIND', headers: { Depth: '0' } });
      await res.arrayBuffer();
      assert.equal(res.status, 401);
      assert.equal(server.username, 'u');
      assert.equal(server.password, 'p');
    } finally {
      await server.stop();
    }
  });
});
