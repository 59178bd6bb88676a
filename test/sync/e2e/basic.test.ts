import assert from 'node:assert/strict';
import { icsToItem, itemToIcs } from '../../../src/convert/ical/index.js';
import { hrefNameFor } from '../../../src/caldav/href.js';
import { readCalendarDelta } from '../../../src/graph/reader.js';
import { createEvent } from '../../../src/graph/writer.js';
import { startWorld, type World } from './harness.js';

async function graphEvents(world: World) {
  const round = await readCalendarDelta(world.graph, world.graphRef, { start: '2026-01-01T00:00:00Z', end: '2028-01-01T00:00:00Z' }, undefined);
  assert.ok(round.kind === 'round');
  return round.changed;
}

async function caldavItems(world: World, collection: string) {
  const listed = await world.caldav.listAll(collection);
  const { found } = await world.caldav.multiget(collection, listed.map((l) => l.href));
  return found.map((f) => icsToItem(f.data).item);
}

describe('sync engine end to end (emulator + Radicale + SQLite)', function () {
  this.timeout(120_000);
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(() => world?.close());

  it('copies each side’s new events to the other, then is quiet', async () => {
    await createEvent(world.graph, world.graphRef, {
      subject: 'From Outlook',
      start: { dateTime: '2026-12-03T09:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-12-03T10:00:00', timeZone: 'W. Europe Standard Time' },
    }, { transactionId: 'test-1', caldavUid: 'x' }).catch(() => undefined);
    const first = await world.sync();
    const collection = first.runtime.caldavCalendar;
    const ics = itemToIcs({
      kind: 'single',
      uid: 'thunderbird-1@example.com',
      event: {
        summary: 'From Thunderbird', description: '', locations: [], categories: [], busyStatus: 'busy', sensitivity: 'normal',
        importance: 'normal', status: 'confirmed', attendees: [],
        start: { kind: 'zoned', local: '2026-12-04T15:00:00', tz: 'America/New_York' },
        end: { kind: 'zoned', local: '2026-12-04T16:00:00', tz: 'America/New_York' },
      },
    });
    await world.caldav.create(collection, hrefNameFor('thunderbird-1@example.com'), ics);
    const second = await world.sync();
    assert.ok(second.writes >= 1, JSON.stringify(second.counts));
    const third = await world.sync();
    assert.equal(third.writes, 0, `quiescence: ${JSON.stringify(third.counts)}`);
    const subjects = (await graphEvents(world)).map((e) => e.subject).sort();
    assert.deepEqual(subjects, ['From Outlook', 'From Thunderbird']);
    const summaries = (await caldavItems(world, collection)).map((i) => (i.kind === 'single' ? i.event.summary : i.master.summary)).sort();
    assert.deepEqual(summaries, ['From Outlook', 'From Thunderbird']);
  });
});
