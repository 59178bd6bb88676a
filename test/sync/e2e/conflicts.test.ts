import assert from 'node:assert/strict';
import { ATTENDEE_BLOCK_HEADING } from '../../../src/convert/graph/index.js';
import { itemToIcs } from '../../../src/convert/ical/index.js';
import type { CalendarItem } from '../../../src/model/event.js';
import { MATRIX, startWorld, type World } from './harness.js';
import {
  caldavEdit, caldavNone, caldavOne, caldavPut, caldavRemove, day, graphCreate, graphDelete, graphNone, graphOne, graphPatch,
  masterOf, occurrence, syncSettled,
} from './io.js';

function editSingle(edit: (e: ReturnType<typeof masterOf>) => Partial<ReturnType<typeof masterOf>>) {
  return (item: CalendarItem): CalendarItem => (item.kind === 'single' ? { ...item, event: { ...item.event, ...edit(item.event) } } : item);
}

for (const setup of MATRIX) {
  describe(`sync e2e: conflicts, delete vs update, attendees (${setup.label})`, function () {
    this.timeout(120_000);
    let world: World;
    before(async () => {
      world = await startWorld(setup);
    });
    after(() => world?.close());

    async function outlookEvent(subject: string, offsetDays: number): Promise<string> {
      const d = day(offsetDays);
      const created = await graphCreate(world, {
        subject,
        start: { dateTime: `${d}T11:00:00`, timeZone: 'UTC' },
        end: { dateTime: `${d}T12:00:00`, timeZone: 'UTC' },
        location: { displayName: 'Hall A' },
      });
      return created.id!;
    }

    it('merges edits of different fields made on both sides, without a conflict', async () => {
      const id = await outlookEvent('merge: quarterly', 3);
      await syncSettled(world);
      await graphPatch(world, id, { location: { displayName: 'Hall B' } });
      await caldavEdit(world, 'merge: quarterly', editSingle(() => ({ categories: ['Finance'] })));
      await syncSettled(world);
      const graph = await graphOne(world, 'merge: quarterly');
      const dav = masterOf((await caldavOne(world, 'merge: quarterly')).item);
      assert.equal(graph.location?.displayName, 'Hall B');
      assert.deepEqual(graph.categories, ['Finance']);
      assert.equal(dav.locations[0]?.displayName, 'Hall B');
      assert.deepEqual(dav.categories, ['Finance']);
      assert.equal((await world.store.listConflicts(world.pair.name)).length, 0);
    });

    it('settles edits of the same field by policy (Graph wins without CalDAV timestamps) and keeps the losing version', async () => {
      const id = await outlookEvent('conflict: budget', 4);
      await syncSettled(world);
      await graphPatch(world, id, { location: { displayName: 'Outlook room' } });
      await caldavEdit(world, 'conflict: budget', editSingle(() => ({ locations: [{ displayName: 'Thunderbird room' }] })));
      await syncSettled(world);
      assert.equal((await graphOne(world, 'conflict: budget')).location?.displayName, 'Outlook room');
      assert.equal(masterOf((await caldavOne(world, 'conflict: budget')).item).locations[0]?.displayName, 'Outlook room');
      const conflicts = await world.store.listConflicts(world.pair.name);
      assert.equal(conflicts.length, 1);
      assert.deepEqual(conflicts[0]!.fields, ['locations']);
      assert.equal(conflicts[0]!.winner, 'graph');
      assert.equal(masterOf(conflicts[0]!.losingVersion as CalendarItem).locations[0]?.displayName, 'Thunderbird room');
    });

    it('lets a later CalDAV edit (LAST-MODIFIED) beat an earlier Outlook edit of the same field under newest-wins', async () => {
      const id = await outlookEvent('newest: workshop', 10);
      await syncSettled(world);
      await graphPatch(world, id, { location: { displayName: 'Outlook, earlier' } });
      const later = new Date(Date.now() + 60_000).toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';
      const obj = await caldavOne(world, 'newest: workshop');
      const edited = editSingle(() => ({ locations: [{ displayName: 'Thunderbird, later' }] }))(obj.item);
      await world.caldav.update(obj.href, itemToIcs(edited).replace('BEGIN:VEVENT\r\n', `BEGIN:VEVENT\r\nLAST-MODIFIED:${later}\r\n`), obj.etag);
      await syncSettled(world);
      assert.equal((await graphOne(world, 'newest: workshop')).location?.displayName, 'Thunderbird, later');
      assert.equal(masterOf((await caldavOne(world, 'newest: workshop')).item).locations[0]?.displayName, 'Thunderbird, later');
      const conflict = (await world.store.listConflicts(world.pair.name)).find((c) => c.winner === 'caldav');
      assert.ok(conflict, 'the conflict is recorded with CalDAV as winner');
    });

    it('honours conflicts: caldav-wins', async () => {
      const id = await outlookEvent('conflict: offsite', 5);
      await syncSettled(world);
      await graphPatch(world, id, { subject: 'conflict: offsite (Outlook)' });
      await caldavEdit(world, 'conflict: offsite', editSingle(() => ({ summary: 'conflict: offsite (Thunderbird)' })));
      await syncSettled(world, { overrides: { conflicts: 'caldav-wins' } });
      await graphOne(world, 'conflict: offsite (Thunderbird)');
      await graphNone(world, 'conflict: offsite (Outlook)');
      await caldavOne(world, 'conflict: offsite (Thunderbird)');
    });

    it('re-creates an item deleted on Graph but updated on CalDAV (update beats delete)', async () => {
      const id = await outlookEvent('dvu: deleted in Outlook', 6);
      await syncSettled(world);
      await graphDelete(world, id);
      await caldavEdit(world, 'dvu: deleted in Outlook', editSingle(() => ({ description: 'still needed' })));
      await syncSettled(world);
      const back = await graphOne(world, 'dvu: deleted in Outlook');
      assert.notEqual(back.id, id);
      assert.match(String(back.body?.content), /still needed/);
      await caldavOne(world, 'dvu: deleted in Outlook');
    });

    it('re-creates an item deleted on CalDAV but updated on Graph (update beats delete)', async () => {
      const id = await outlookEvent('dvu: deleted in Thunderbird', 7);
      await syncSettled(world);
      await caldavRemove(world, 'dvu: deleted in Thunderbird');
      await graphPatch(world, id, { location: { displayName: 'Hall C' } });
      await syncSettled(world);
      assert.equal(masterOf((await caldavOne(world, 'dvu: deleted in Thunderbird')).item).locations[0]?.displayName, 'Hall C');
      assert.equal((await graphOne(world, 'dvu: deleted in Thunderbird')).id, id);
    });

    it('never sends invitations: CalDAV attendees go into the Graph body, Graph attendees get SCHEDULE-AGENT=CLIENT', async () => {
      const d = day(8);
      await caldavPut(world, {
        kind: 'single',
        uid: 'attendees-tb@example.com',
        event: occurrence('invite: from Thunderbird', { kind: 'zoned', local: `${d}T10:00:00`, tz: 'UTC' }, { kind: 'zoned', local: `${d}T11:00:00`, tz: 'UTC' }, {
          organizer: { email: 'me@example.com', name: 'Me' },
          attendees: [{ email: 'bob@example.com', name: 'Bob', role: 'required', status: 'needs-action' }],
        }),
      });
      await graphCreate(world, {
        subject: 'invite: from Outlook',
        start: { dateTime: `${d}T13:00:00`, timeZone: 'UTC' },
        end: { dateTime: `${d}T14:00:00`, timeZone: 'UTC' },
        attendees: [{ type: 'required', emailAddress: { address: 'carol@example.com', name: 'Carol' } }],
      });
      await syncSettled(world);
      const fromTb = await graphOne(world, 'invite: from Thunderbird');
      assert.deepEqual(fromTb.attendees ?? [], [], 'no attendee written to Graph by default');
      assert.match(String(fromTb.body?.content), new RegExp(ATTENDEE_BLOCK_HEADING.replace(/[()]/g, '\\$&')));
      assert.match(String(fromTb.body?.content), /bob@example\.com/);
      const fromOutlook = (await caldavOne(world, 'invite: from Outlook')).data.replace(/\r?\n[ \t]/g, '');
      const people = fromOutlook.split(/\r?\n/).filter((l) => /^(ATTENDEE|ORGANIZER)[;:]/.test(l));
      assert.ok(people.some((l) => /carol@example\.com/i.test(l)), fromOutlook);
      for (const line of people) assert.match(line, /SCHEDULE-AGENT=CLIENT/, line);
    });

    it('writes attendees to Graph only when the pair allows it (writeAttendees: true)', async () => {
      const d = day(9);
      await caldavPut(world, {
        kind: 'single',
        uid: 'attendees-allowed@example.com',
        event: occurrence('invite: allowed', { kind: 'zoned', local: `${d}T10:00:00`, tz: 'UTC' }, { kind: 'zoned', local: `${d}T11:00:00`, tz: 'UTC' }, {
          attendees: [{ email: 'dave@example.com', name: 'Dave', role: 'optional', status: 'needs-action' }],
        }),
      });
      const overrides = { graph: { ...world.pair.graph, writeAttendees: true } };
      await syncSettled(world, { overrides });
      const event = await graphOne(world, 'invite: allowed');
      assert.deepEqual(event.attendees?.map((a) => [a.emailAddress?.address, a.type]), [['dave@example.com', 'optional']]);
      await graphDelete(world, event.id!);
      await syncSettled(world, { overrides });
      await caldavNone(world, 'invite: allowed');
    });

    it('removes both CalDAV copies when the two events are deleted in Outlook', async () => {
      for (const subject of ['invite: from Thunderbird', 'invite: from Outlook']) await graphDelete(world, (await graphOne(world, subject)).id!);
      await syncSettled(world);
      await caldavNone(world, 'invite: from Thunderbird');
      await caldavNone(world, 'invite: from Outlook');
    });
  });
}
