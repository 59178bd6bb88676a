import assert from 'node:assert/strict';
import { MATRIX, startWorld, type World } from './harness.js';
import { caldavOne, caldavPut, caldavRemove, day, graphCreate, graphNone, graphPatch, masterOf, occurrence, syncSettled } from './io.js';

for (const setup of MATRIX) {
  describe(`sync e2e: one-way pair graph-to-caldav (${setup.label})`, function () {
    this.timeout(120_000);
    let world: World;
    let outlookId: string;
    before(async () => {
      world = await startWorld({ ...setup, pair: { direction: 'graph-to-caldav' } });
    });
    after(() => world?.close());

    it('mirrors Graph to CalDAV and writes nothing to Graph', async () => {
      const d = day(5);
      outlookId = (await graphCreate(world, { subject: 'mirror: board', start: { dateTime: `${d}T09:00:00`, timeZone: 'UTC' }, end: { dateTime: `${d}T10:00:00`, timeZone: 'UTC' } })).id!;
      await caldavPut(world, { kind: 'single', uid: 'mirror-local@example.com', event: occurrence('mirror: local only', { kind: 'date', date: d }, { kind: 'date', date: day(6) }) });
      const postsBefore = world.emulator.control.stats().byMethod.POST ?? 0;
      await syncSettled(world);
      await caldavOne(world, 'mirror: board');
      await graphNone(world, 'mirror: local only');
      assert.equal(world.emulator.control.stats().byMethod.POST ?? 0, postsBefore, 'no event created on Graph');
    });

    it('restores a mirrored copy deleted on CalDAV, and carries later Graph edits', async () => {
      await caldavRemove(world, 'mirror: board');
      await syncSettled(world);
      await caldavOne(world, 'mirror: board');
      await graphPatch(world, outlookId, { location: { displayName: 'Boardroom' } });
      await syncSettled(world);
      assert.equal(masterOf((await caldavOne(world, 'mirror: board')).item).locations[0]?.displayName, 'Boardroom');
      await caldavOne(world, 'mirror: local only');
    });
  });
}
