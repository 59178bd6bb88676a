import assert from 'node:assert/strict';
import type { CalendarItem, CalendarSeries } from '../../../src/model/event.js';
import { MATRIX, startWorld, type World } from './harness.js';
import {
  caldavEdit, caldavOne, caldavPut, caldavRemove, graphCreate, graphDelete, graphInstances, graphNone, graphOne, graphPatch, monday, occurrence, syncSettled,
} from './io.js';

const WEEK = 7 * 86_400_000;

function asSeries(item: CalendarItem): CalendarSeries {
  assert.equal(item.kind, 'series', `${item.uid} is a series`);
  return item as CalendarSeries;
}

for (const setup of MATRIX) {
  describe(`sync e2e: recurring series (${setup.label})`, function () {
    this.timeout(120_000);
    let world: World;
    // A weekly Monday series from Outlook, 09:00 Berlin (CET, UTC+1 all December and January).
    const mon = monday(7);
    const keyOf = (n: number) => new Date(Date.parse(`${mon}T08:00:00Z`) + n * WEEK).toISOString().replace('.000Z', 'Z');
    const window = { start: `${mon}T00:00:00Z`, end: new Date(Date.parse(mon) + 8 * WEEK).toISOString() };
    before(async () => {
      world = await startWorld(setup);
    });
    after(() => world?.close());

    it('copies a Graph series; one occurrence moved and one cancelled in Outlook arrive as override and EXDATE', async () => {
      await graphCreate(world, {
        subject: 'series: standup',
        start: { dateTime: `${mon}T09:00:00`, timeZone: 'W. Europe Standard Time' },
        end: { dateTime: `${mon}T09:30:00`, timeZone: 'W. Europe Standard Time' },
        recurrence: {
          pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' },
          range: { type: 'numbered', startDate: mon, numberOfOccurrences: 6 },
        },
      });
      await syncSettled(world);
      const copied = asSeries((await caldavOne(world, 'series: standup')).item);
      assert.equal(copied.rule.freq, 'WEEKLY');
      assert.equal(copied.rule.count, 6);
      assert.deepEqual(copied.master.start, { kind: 'zoned', local: `${mon}T09:00:00`, tz: 'Europe/Berlin' });

      const master = await graphOne(world, 'series: standup');
      const instances = await graphInstances(world, master.id!, window.start, window.end);
      const second = instances.find((i) => Date.parse(i.originalStart!) === Date.parse(keyOf(1)))!;
      const third = instances.find((i) => Date.parse(i.originalStart!) === Date.parse(keyOf(2)))!;
      const moved = new Date(Date.parse(keyOf(1)) + 3_600_000).toISOString().slice(0, 19);
      const movedEnd = new Date(Date.parse(keyOf(1)) + 5_400_000).toISOString().slice(0, 19);
      await graphPatch(world, second.id!, { start: { dateTime: moved, timeZone: 'UTC' }, end: { dateTime: movedEnd, timeZone: 'UTC' } });
      await graphDelete(world, third.id!);
      await syncSettled(world);

      const after = asSeries((await caldavOne(world, 'series: standup')).item);
      assert.deepEqual(Object.keys(after.overrides), [keyOf(1)]);
      assert.deepEqual(after.overrides[keyOf(1)]!.start, { kind: 'zoned', local: `${new Date(Date.parse(mon) + WEEK).toISOString().slice(0, 10)}T10:00:00`, tz: 'Europe/Berlin' });
      assert.deepEqual(after.cancelled, [keyOf(2)]);
    });

    it('carries a CalDAV edit of that exception back to the Graph exception, leaving the rest alone', async () => {
      await caldavEdit(world, 'series: standup', (item) => {
        const s = asSeries(item);
        return { ...s, overrides: { ...s.overrides, [keyOf(1)]: { ...s.overrides[keyOf(1)]!, summary: 'series: standup (moved, with guest)' } } };
      });
      const report = await syncSettled(world);
      assert.equal(report.counts['update-graph'], 1);
      const master = await graphOne(world, 'series: standup');
      const instances = await graphInstances(world, master.id!, window.start, window.end);
      assert.equal(instances.length, 5, 'six occurrences, one cancelled');
      const exception = instances.find((i) => Date.parse(i.originalStart!) === Date.parse(keyOf(1)))!;
      assert.equal(exception.type, 'exception');
      assert.equal(exception.subject, 'series: standup (moved, with guest)');
      assert.equal(`${exception.start?.dateTime?.slice(0, 19)}Z`, new Date(Date.parse(keyOf(1)) + 3_600_000).toISOString().replace('.000Z', 'Z'));
      assert.ok(instances.filter((i) => i.id !== exception.id).every((i) => i.subject === 'series: standup'));
    });

    it('carries a whole-series edit on CalDAV to the Graph master, keeping the exception and the cancellation', async () => {
      await caldavEdit(world, 'series: standup', (item) => {
        const s = asSeries(item);
        return { ...s, master: { ...s.master, locations: [{ displayName: 'Room 7' }] } };
      });
      await syncSettled(world);
      const master = await graphOne(world, 'series: standup');
      assert.equal(master.location?.displayName, 'Room 7');
      const instances = await graphInstances(world, master.id!, window.start, window.end);
      assert.equal(instances.length, 5);
      assert.ok(instances.some((i) => i.subject === 'series: standup (moved, with guest)'));
      const back = asSeries((await caldavOne(world, 'series: standup')).item);
      assert.deepEqual(back.cancelled, [keyOf(2)]);
      assert.deepEqual(Object.keys(back.overrides), [keyOf(1)]);
    });

    it('creates a CalDAV series with an override and an EXDATE on Graph as master + exception + cancelled occurrence', async () => {
      const start = { kind: 'zoned' as const, local: `${mon}T14:00:00`, tz: 'Europe/Berlin' };
      const end = { kind: 'zoned' as const, local: `${mon}T15:00:00`, tz: 'Europe/Berlin' };
      const key = (n: number) => new Date(Date.parse(`${mon}T13:00:00Z`) + n * WEEK).toISOString().replace('.000Z', 'Z');
      const day2 = new Date(Date.parse(mon) + WEEK).toISOString().slice(0, 10);
      await caldavPut(world, {
        kind: 'series',
        uid: 'series-tb@example.com',
        master: occurrence('series: review', start, end),
        rule: { freq: 'WEEKLY', interval: 1, count: 4 },
        overrides: {
          [key(1)]: occurrence('series: review (late)', { kind: 'zoned', local: `${day2}T16:00:00`, tz: 'Europe/Berlin' }, { kind: 'zoned', local: `${day2}T17:00:00`, tz: 'Europe/Berlin' }),
        },
        cancelled: [key(3)],
      });
      await syncSettled(world);
      const master = await graphOne(world, 'series: review');
      assert.equal(master.type, 'seriesMaster');
      const instances = await graphInstances(world, master.id!, window.start, window.end);
      assert.equal(instances.length, 3, 'four occurrences, the last cancelled');
      const late = instances.find((i) => Date.parse(i.originalStart!) === Date.parse(key(1)))!;
      assert.equal(late.subject, 'series: review (late)');
      assert.equal(`${late.start?.dateTime?.slice(0, 19)}Z`, new Date(Date.parse(key(1)) + 2 * 3_600_000).toISOString().replace('.000Z', 'Z'));
      assert.ok(!instances.some((i) => Date.parse(i.originalStart!) === Date.parse(key(3))));
    });

    it('carries a CalDAV cancellation and move of occurrences of an existing series to Graph', async () => {
      const key = (n: number) => new Date(Date.parse(`${mon}T13:00:00Z`) + n * WEEK).toISOString().replace('.000Z', 'Z');
      const day3 = new Date(Date.parse(mon) + 2 * WEEK).toISOString().slice(0, 10);
      await caldavEdit(world, 'series: review', (item) => {
        const s = asSeries(item);
        const moved = occurrence('series: review', { kind: 'zoned', local: `${day3}T09:00:00`, tz: 'Europe/Berlin' }, { kind: 'zoned', local: `${day3}T10:00:00`, tz: 'Europe/Berlin' });
        return { ...s, overrides: { ...s.overrides, [key(2)]: moved }, cancelled: [key(0), ...s.cancelled].sort() };
      });
      await syncSettled(world);
      const master = await graphOne(world, 'series: review');
      const instances = await graphInstances(world, master.id!, window.start, window.end);
      assert.deepEqual(instances.map((i) => Date.parse(i.originalStart!)).sort(), [Date.parse(key(1)), Date.parse(key(2))]);
      const movedOnGraph = instances.find((i) => Date.parse(i.originalStart!) === Date.parse(key(2)))!;
      assert.equal(`${movedOnGraph.start?.dateTime?.slice(0, 19)}Z`, new Date(Date.parse(key(2)) - 5 * 3_600_000).toISOString().replace('.000Z', 'Z'));
    });

    it('carries a whole-series rename in Outlook to CalDAV, then a series deletion on CalDAV to Graph', async () => {
      await graphPatch(world, (await graphOne(world, 'series: standup')).id!, { subject: 'series: daily standup' });
      await syncSettled(world);
      const renamed = asSeries((await caldavOne(world, 'series: daily standup')).item);
      assert.deepEqual(renamed.cancelled, [keyOf(2)]);
      assert.equal(renamed.overrides[keyOf(1)]?.summary, 'series: standup (moved, with guest)');
      await caldavRemove(world, 'series: daily standup');
      await syncSettled(world);
      await graphNone(world, 'series: daily standup');
      await graphOne(world, 'series: review');
    });
  });
}
