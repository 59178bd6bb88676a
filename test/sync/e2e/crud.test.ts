import assert from 'node:assert/strict';
import { stampedCaldavUid } from '../../../src/graph/reader.js';
import { MATRIX, startWorld, type World } from './harness.js';
import {
  caldavEdit, caldavNone, caldavOne, caldavPut, caldavRemove, day, graphCreate, graphDelete, graphNone, graphOne, graphPatch,
  masterOf, occurrence, syncSettled,
} from './io.js';

for (const setup of MATRIX) {
  describe(`sync e2e: create, update, delete each way (${setup.label})`, function () {
    this.timeout(120_000);
    let world: World;
    before(async () => {
      world = await startWorld(setup);
    });
    after(() => world?.close());

    it('creates a Graph event on CalDAV and a CalDAV event on Graph, with times and fields intact', async () => {
      const d = day(5);
      await graphCreate(world, {
        subject: 'crud: from Outlook',
        start: { dateTime: `${d}T09:00:00`, timeZone: 'W. Europe Standard Time' },
        end: { dateTime: `${d}T10:30:00`, timeZone: 'W. Europe Standard Time' },
        location: { displayName: 'Room 1' },
        categories: ['Blue category'],
      });
      await caldavPut(world, {
        kind: 'single',
        uid: 'crud-thunderbird@example.com',
        event: occurrence('crud: from Thunderbird', { kind: 'zoned', local: `${d}T15:00:00`, tz: 'America/New_York' },
          { kind: 'zoned', local: `${d}T16:00:00`, tz: 'America/New_York' }, { locations: [{ displayName: 'Cafe' }], description: 'bring notes' }),
      });
      const report = await syncSettled(world);
      assert.equal(report.counts['create-caldav'], 1);
      assert.equal(report.counts['create-graph'], 1);

      const fromOutlook = masterOf((await caldavOne(world, 'crud: from Outlook')).item);
      assert.deepEqual(fromOutlook.start, { kind: 'zoned', local: `${d}T09:00:00`, tz: 'Europe/Berlin' });
      assert.deepEqual(fromOutlook.end, { kind: 'zoned', local: `${d}T10:30:00`, tz: 'Europe/Berlin' });
      assert.equal(fromOutlook.locations[0]?.displayName, 'Room 1');
      assert.deepEqual(fromOutlook.categories, ['Blue category']);

      const fromThunderbird = await graphOne(world, 'crud: from Thunderbird');
      assert.equal(stampedCaldavUid(fromThunderbird), 'crud-thunderbird@example.com');
      assert.equal(fromThunderbird.location?.displayName, 'Cafe');
      // Prefer: outlook.timezone="UTC" — 15:00 in New York (EST, UTC−5) is 20:00Z.
      assert.equal(fromThunderbird.start?.dateTime?.slice(0, 19), `${d}T20:00:00`);
      assert.match(String(fromThunderbird.body?.content), /bring notes/);
    });

    it('carries an update made on either side to the other', async () => {
      const outlook = await graphOne(world, 'crud: from Outlook');
      await graphPatch(world, outlook.id!, { location: { displayName: 'Room 2' } });
      await caldavEdit(world, 'crud: from Thunderbird', (item) =>
        item.kind === 'single' ? { ...item, event: { ...item.event, summary: 'crud: from Thunderbird, renamed' } } : item);
      const report = await syncSettled(world);
      assert.equal(report.counts['update-caldav'], 1);
      assert.equal(report.counts['update-graph'], 1);
      assert.equal(masterOf((await caldavOne(world, 'crud: from Outlook')).item).locations[0]?.displayName, 'Room 2');
      await graphOne(world, 'crud: from Thunderbird, renamed');
      await graphNone(world, 'crud: from Thunderbird');
    });

    it('carries a deletion made on either side to the other', async () => {
      await graphDelete(world, (await graphOne(world, 'crud: from Outlook')).id!);
      await caldavRemove(world, 'crud: from Thunderbird, renamed');
      const report = await syncSettled(world);
      assert.equal(report.counts['delete-caldav'], 1);
      assert.equal(report.counts['delete-graph'], 1);
      await caldavNone(world, 'crud: from Outlook');
      await graphNone(world, 'crud: from Thunderbird, renamed');
      assert.equal((await world.store.listItems(world.pair.name)).length, 0, 'no mapping rows left');
    });

    it('syncs all-day events both ways as dates, not midnights', async () => {
      const d = day(9);
      const next = day(10);
      await graphCreate(world, {
        subject: 'allday: Outlook holiday',
        isAllDay: true,
        start: { dateTime: `${d}T00:00:00`, timeZone: 'UTC' },
        end: { dateTime: `${next}T00:00:00`, timeZone: 'UTC' },
      });
      await caldavPut(world, {
        kind: 'single',
        uid: 'allday-tb@example.com',
        event: occurrence('allday: Thunderbird trip', { kind: 'date', date: d }, { kind: 'date', date: day(12) }),
      });
      await syncSettled(world);
      const holiday = masterOf((await caldavOne(world, 'allday: Outlook holiday')).item);
      assert.deepEqual([holiday.start, holiday.end], [{ kind: 'date', date: d }, { kind: 'date', date: next }]);
      const trip = await graphOne(world, 'allday: Thunderbird trip');
      assert.equal(trip.isAllDay, true);
      assert.equal(trip.start?.dateTime?.slice(0, 10), d);
      assert.equal(trip.end?.dateTime?.slice(0, 10), day(12));
    });

    it('keeps the instant and the zone of events in several zones (incl. half-hour and DST-crossing)', async () => {
      const d = day(20);
      const zones: Array<[string, string]> = [['Asia/Kolkata', '05:30'], ['Australia/Lord_Howe', '10:30'], ['America/Sao_Paulo', '09:00'], ['Pacific/Auckland', '08:00']];
      for (const [tz] of zones) {
        await caldavPut(world, {
          kind: 'single',
          uid: `zone-${tz.replace('/', '-')}@example.com`,
          event: occurrence(`zone: ${tz}`, { kind: 'zoned', local: `${d}T12:00:00`, tz }, { kind: 'zoned', local: `${d}T13:00:00`, tz }),
        });
      }
      await syncSettled(world);
      for (const [tz] of zones) {
        const event = await graphOne(world, `zone: ${tz}`);
        const expectedUtc = zonedNoonToUtc(d, tz);
        assert.equal(`${event.start?.dateTime?.slice(0, 19)}Z`, expectedUtc, tz);
        assert.ok(event.originalStartTimeZone, `${tz}: Graph knows the event's zone`);
        // Back on CalDAV the event still says the zone it was made in.
        assert.deepEqual(masterOf((await caldavOne(world, `zone: ${tz}`)).item).start, { kind: 'zoned', local: `${d}T12:00:00`, tz });
      }
    });
  });
}

/** 12:00 wall clock in `tz` on date `d`, as a UTC ISO instant (computed with Intl, independent of the engine). */
function zonedNoonToUtc(d: string, tz: string): string {
  const guess = Date.parse(`${d}T12:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .formatToParts(guess);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const wallAtGuess = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess - (wallAtGuess - guess)).toISOString().replace('.000Z', 'Z');
}
