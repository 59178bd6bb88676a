import assert from 'node:assert/strict';
import type { CalendarItem } from '../../../src/model/event.js';
import type { SideAdapter } from '../../../src/sync/sides/side.js';
import { MATRIX, startWorld, type World } from './harness.js';
import { caldavEdit, caldavOne, day, graphCreate, graphOne, graphPatch, masterOf, syncSettled } from './io.js';

const relocate = (item: CalendarItem): CalendarItem =>
  item.kind === 'single' ? { ...item, event: { ...item.event, locations: [{ displayName: 'Room 7 (edited in Thunderbird)' }] } } : item;

describe(`sync e2e: a side changing under a write (${MATRIX[0]!.label})`, function () {
  this.timeout(120_000);
  let world: World;
  before(async () => {
    world = await startWorld(MATRIX[0]);
  });
  after(() => world?.close());

  it('on 412 reads the item again from both sides and merges in the same cycle: both edits survive', async () => {
    const d = day(12);
    const created = await graphCreate(world, {
      subject: 'race: planning',
      start: { dateTime: `${d}T13:00:00`, timeZone: 'UTC' },
      end: { dateTime: `${d}T14:00:00`, timeZone: 'UTC' },
      location: { displayName: 'Room 1' },
    });
    await syncSettled(world);
    await graphPatch(world, created.id!, { subject: 'race: planning (moved agenda)' });
    let raced = false;
    // Just before the engine's CalDAV update, a CalDAV client edits the same event: the update meets a 412.
    const racing = (sides: Readonly<Record<'graph' | 'caldav', SideAdapter>>) => {
      const caldav = sides.caldav;
      const wrapped: SideAdapter = {
        side: 'caldav',
        read: (records) => caldav.read(records),
        observe: (ref, record) => caldav.observe(ref, record),
        create: (uid, item) => caldav.create(uid, item),
        remove: (uid, known) => caldav.remove(uid, known),
        update: async (uid, known, from, item) => {
          if (!raced) {
            raced = true;
            await caldavEdit(world, 'race: planning', relocate);
          }
          return caldav.update(uid, known, from, item);
        },
      };
      return { graph: sides.graph, caldav: wrapped };
    };
    const report = await world.sync({ wrapSides: racing });
    assert.ok(raced, 'the CalDAV update ran');
    assert.deepEqual(report.deferred, [], 'settled in the same cycle');
    const onCaldav = masterOf((await caldavOne(world, 'race: planning (moved agenda)')).item);
    assert.deepEqual(onCaldav.locations.map((l) => l.displayName), ['Room 7 (edited in Thunderbird)']);
    const onGraph = await graphOne(world, 'race: planning (moved agenda)');
    assert.equal(onGraph.location?.displayName, 'Room 7 (edited in Thunderbird)');
    await syncSettled(world);
  });
});
