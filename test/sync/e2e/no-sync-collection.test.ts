import assert from 'node:assert/strict';
import { MATRIX, startWorld, type World } from './harness.js';
import { caldavEdit, caldavNone, caldavOne, caldavPut, caldavRemove, day, graphNone, graphOne, occurrence, syncSettled } from './io.js';

const at = (d: string, hh: string) => ({ kind: 'zoned' as const, local: `${d}T${hh}:00:00`, tz: 'Europe/Madrid' });
const NOT_IMPLEMENTED = { status: 501, headers: { 'content-type': 'text/plain' }, body: 'sync-collection not supported' };

for (const setup of MATRIX) {
  describe(`sync e2e: a CalDAV server without sync-collection (${setup.label})`, function () {
    this.timeout(120_000);
    let world: World;
    before(async () => {
      world = await startWorld({ ...setup, davProxy: true });
      // Every sync-collection REPORT is refused, as a server without RFC 6578 would.
      world.davProxy!.addFault({ method: 'REPORT', bodyIncludes: 'sync-collection', times: 10_000, respond: NOT_IMPLEMENTED });
    });
    after(() => world?.close());

    it('syncs through the ctag and a complete etag listing: create, edit and delete reach Graph, and an unchanged ctag lists nothing', async () => {
      const d = day(9);
      await caldavPut(world, { kind: 'single', uid: 'nosync-1@example.com', event: occurrence('nosync: kickoff', at(d, '09'), at(d, '10')) });
      await syncSettled(world);
      await graphOne(world, 'nosync: kickoff');

      const collectionPath = new URL(world.collection).pathname;
      const listings = () => world.davProxy!.requests.filter((r) => r.method === 'PROPFIND' && r.headers.depth === '1' && r.path === collectionPath).length;
      const listingsBefore = listings();
      assert.ok(listingsBefore > 0, 'the first cycles listed the collection');
      const quiet = await world.sync();
      assert.equal(quiet.writes, 0);
      assert.equal(listings(), listingsBefore, 'an unchanged ctag needs no listing');

      await caldavEdit(world, 'nosync: kickoff', (item) => (item.kind === 'single' ? { ...item, event: { ...item.event, summary: 'nosync: kickoff v2' } } : item));
      await syncSettled(world);
      await graphOne(world, 'nosync: kickoff v2');
      await caldavOne(world, 'nosync: kickoff v2');

      await caldavRemove(world, 'nosync: kickoff v2');
      await syncSettled(world);
      await graphNone(world, 'nosync: kickoff v2');
      await caldavNone(world, 'nosync: kickoff v2');
      assert.ok(world.davProxy!.requests.some((r) => r.body.includes('sync-collection')), 'sync-collection was tried');
    });
  });
}
