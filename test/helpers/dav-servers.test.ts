import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { startRadicale, startXandikos, type DavServer } from './dav-servers.js';

async function scratchDirs(): Promise<Set<string>> {
  return new Set((await readdir(tmpdir())).filter((n) => n.startsWith('calbridge-radicale-') || n.startsWith('calbridge-xandikos-')));
}

for (const [kind, start] of [['radicale', () => startRadicale()], ['xandikos', startXandikos]] as const) {
  describe(`dav-servers harness: ${kind}`, () => {
    it('serves PROPFIND on the calendar home over a loopback port; after stop() the port refuses and the storage dir is gone', async () => {
      const before = await scratchDirs();
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
        const created = [...(await scratchDirs())].filter((d) => !before.has(d));
        assert.equal(created.length, 1);
      } finally {
        await server.stop();
      }
      assert.equal(await fetch(server.baseUrl).then(() => 'answered', () => 'refused'), 'refused');
      assert.deepEqual(await scratchDirs(), before);
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
