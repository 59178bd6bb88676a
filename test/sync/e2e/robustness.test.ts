import assert from 'node:assert/strict';
import type { Store } from '../../../src/store/store.js';
import { caldavCursorScope } from '../../../src/sync/sides/caldav-read.js';
import type { SideAdapter } from '../../../src/sync/sides/side.js';
import { syncWindow } from '../../../src/sync/window.js';
import { MATRIX, startWorld, type World } from './harness.js';
import {
  assertQuiet, caldavEdit, caldavNone, caldavObjects, caldavOne, caldavPut, day, graphCreate, graphDelete, graphEvents, graphNone,
  graphOne, graphPatch, masterOf, occurrence, syncSettled,
} from './io.js';

/** Stands in for `kill -9` between a remote write and its settlement in the journal. */
class SimulatedCrash extends Error {
  constructor() {
    super('simulated crash after a remote write');
    this.name = 'SimulatedCrash';
  }
}

/** A store whose first transaction (the settlement of the first remote write) never happens: the process "dies". */
function dyingStore(store: Store): Store {
  let died = false;
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'transaction' && !died) {
        return () => {
          died = true;
          return Promise.reject(new SimulatedCrash());
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const zonedAt = (d: string, hh: string) => ({ kind: 'zoned' as const, local: `${d}T${hh}:00:00`, tz: 'Europe/Paris' });

for (const setup of MATRIX) {
  describe(`sync e2e: faults, lost tokens, crashes, bad items, deletion guard (${setup.label})`, function () {
    this.timeout(120_000);
    let world: World;
    before(async () => {
      world = await startWorld(setup);
    });
    after(() => world?.close());

    async function outlookEvent(subject: string, offsetDays: number): Promise<string> {
      const d = day(offsetDays);
      return (await graphCreate(world, { subject, start: { dateTime: `${d}T08:00:00`, timeZone: 'UTC' }, end: { dateTime: `${d}T09:00:00`, timeZone: 'UTC' } })).id!;
    }

    it('gets through a 429/503 storm with every change carried once', async () => {
      for (let i = 1; i <= 3; i++) await outlookEvent(`storm: outlook ${i}`, 10 + i);
      for (let i = 1; i <= 2; i++) {
        await caldavPut(world, { kind: 'single', uid: `storm-${i}@example.com`, event: occurrence(`storm: thunderbird ${i}`, zonedAt(day(10 + i), '14'), zonedAt(day(10 + i), '15')) });
      }
      world.emulator.control.reset();
      world.emulator.control.addFaults([
        { kind: '429', rate: 0.35, count: 15, retryAfterSeconds: 0 },
        { kind: '503', rate: 0.2, count: 8, retryAfterSeconds: 0 },
      ], 42);
      const report = await world.sync();
      assert.deepEqual(report.deferred, []);
      const stats = world.emulator.control.stats();
      assert.ok(stats.faulted >= 10, `the storm hit: ${stats.faulted} faulted responses`);
      world.emulator.control.clearFaults();
      await assertQuiet(world);
      for (let i = 1; i <= 3; i++) await caldavOne(world, `storm: outlook ${i}`);
      for (let i = 1; i <= 2; i++) await graphOne(world, `storm: thunderbird ${i}`);
    });

    it('does not take a failed Graph read as deletion: the cycle stops, nothing is deleted, the next one is clean', async () => {
      const before = (await caldavObjects(world)).length;
      // Six 503s in a row exhaust the transport's attempts on the delta call: the read fails outright.
      world.emulator.control.addFaults([{ kind: '503', path: 'delta', count: 6, retryAfterSeconds: 0 }]);
      await assert.rejects(world.sync());
      world.emulator.control.clearFaults();
      assert.equal((await caldavObjects(world)).length, before);
      const report = await syncSettled(world);
      assert.equal(report.writes, 0, JSON.stringify(report.counts));
      assert.equal((await caldavObjects(world)).length, before);
    });

    it('re-reads the window after a 410 (delta token lost): changes arrive, nothing is deleted or duplicated', async () => {
      const graphBefore = (await graphEvents(world)).length;
      const davBefore = (await caldavObjects(world)).length;
      world.emulator.control.expireDeltaTokens();
      await graphPatch(world, (await graphOne(world, 'storm: outlook 1')).id!, { subject: 'storm: outlook 1 (after 410)' });
      const report = await syncSettled(world);
      assert.deepEqual(report.counts, { 'update-caldav': 1, record: 1 });
      await caldavOne(world, 'storm: outlook 1 (after 410)');
      assert.equal((await graphEvents(world)).length, graphBefore);
      assert.equal((await caldavObjects(world)).length, davBefore);
    });

    it('falls back to a full listing when the CalDAV sync-token is refused: changes arrive, nothing is deleted', async () => {
      const now = Date.now();
      const { runtime } = await world.sync({ now });
      const scope = caldavCursorScope(runtime.caldavCalendar, syncWindow(now, world.pair.window.past, world.pair.window.future));
      const token = await world.store.getCursor(world.pair.name, 'caldav', scope);
      assert.ok(token, 'a CalDAV sync-token is stored');
      await world.store.setCursor(world.pair.name, 'caldav', scope, `${token}-not-issued-by-this-server`);
      const graphBefore = (await graphEvents(world)).length;
      await caldavEdit(world, 'storm: thunderbird 1', (item) => (item.kind === 'single' ? { ...item, event: { ...item.event, summary: 'storm: thunderbird 1 (after token loss)' } } : item));
      const report = await syncSettled(world, { now });
      assert.equal(report.counts['update-graph'], 1, JSON.stringify(report.counts));
      assert.equal(report.counts['delete-graph'], undefined);
      await graphOne(world, 'storm: thunderbird 1 (after token loss)');
      assert.equal((await graphEvents(world)).length, graphBefore);
    });

    it('reports a CalDAV item that fails to parse by its href, never deletes it, and syncs the rest', async () => {
      const d = day(15).replace(/-/g, '');
      const broken = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//broken//EN', 'BEGIN:VEVENT', 'UID:broken-end@example.com',
        `DTSTAMP:${d}T000000Z`, `DTSTART:${d}T110000Z`, `DTEND:${d}T100000Z`, 'SUMMARY:bad: ends before it starts', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
      const href = await caldavPut(world, { kind: 'single', uid: 'broken-end@example.com', event: occurrence('unused', zonedAt(day(15), '10'), zonedAt(day(15), '11')) }, broken);
      await caldavPut(world, { kind: 'single', uid: 'good-neighbour@example.com', event: occurrence('bad: good neighbour', zonedAt(day(15), '12'), zonedAt(day(15), '13')) });
      const report = await world.sync();
      assert.equal(report.deferred.length, 1, JSON.stringify(report.deferred));
      const errors = await world.store.listItemErrors(world.pair.name);
      assert.ok(errors.some((e) => e.side === 'caldav' && e.ref.endsWith(href.split('/').pop()!)), JSON.stringify(errors));
      await graphOne(world, 'bad: good neighbour');
      await graphNone(world, 'bad: ends before it starts');
      const again = await world.sync();
      assert.equal(again.writes, 0, JSON.stringify(again.counts));
      assert.ok((await world.caldav.listAll(world.collection)).some((l) => l.href.endsWith(href.split('/').pop()!)), 'the broken item is still there');
      await world.caldav.remove(href, await world.caldav.fetchEtag(href));
      await syncSettled(world);
    });

    it('rolls an interrupted write forward after a crash between the remote write and the journal (no duplicate, no loss)', async () => {
      await outlookEvent('crash: outlook born', 16);
      await caldavPut(world, { kind: 'single', uid: 'crash-tb@example.com', event: occurrence('crash: thunderbird born', zonedAt(day(16), '15'), zonedAt(day(16), '16')) });
      await assert.rejects(world.sync({ wrapStore: dyingStore }), SimulatedCrash);
      assert.equal((await world.store.pendingIntents(world.pair.name)).length, 1, 'the interrupted write is still an intent');
      const report = await syncSettled(world);
      assert.equal(report.recovered, 1);
      await caldavOne(world, 'crash: outlook born');
      await graphOne(world, 'crash: thunderbird born');
      assert.deepEqual(await world.store.pendingIntents(world.pair.name), []);
    });

    it('recovers when a side fails right after its remote write succeeded (no duplicate)', async () => {
      await caldavPut(world, { kind: 'single', uid: 'half-written@example.com', event: occurrence('crash: half written', zonedAt(day(17), '09'), zonedAt(day(17), '10')) });
      const failAfterCreate = (sides: Readonly<Record<'graph' | 'caldav', SideAdapter>>) => {
        const graph: SideAdapter = Object.create(sides.graph) as SideAdapter;
        Object.defineProperty(graph, 'create', {
          value: async (uid: string, item: Parameters<SideAdapter['create']>[1]) => {
            await sides.graph.create(uid, item);
            throw new Error('connection dropped after the POST was accepted');
          },
        });
        return { graph, caldav: sides.caldav };
      };
      const broken = await world.sync({ wrapSides: failAfterCreate });
      assert.equal(broken.deferred.length, 1);
      await graphOne(world, 'crash: half written');
      await syncSettled(world);
      await graphOne(world, 'crash: half written');
      await caldavOne(world, 'crash: half written');
    });

    it('stops a cycle that would delete more than the threshold, then deletes with --force-deletes', async () => {
      const ids = [];
      for (let i = 1; i <= 3; i++) ids.push(await outlookEvent(`guard: ${i}`, 20 + i));
      await syncSettled(world);
      for (const id of ids) await graphDelete(world, id);
      const blocked = await world.sync({ overrides: { deleteThreshold: 0 } });
      assert.ok(blocked.plan.blocked, 'the guard stopped the pair');
      assert.equal(blocked.plan.blocked.deletes.caldav, 3);
      assert.equal(blocked.writes, 0);
      for (let i = 1; i <= 3; i++) await caldavOne(world, `guard: ${i}`);
      const forced = await syncSettled(world, { overrides: { deleteThreshold: 0 }, forceDeletes: true });
      assert.equal(forced.counts['delete-caldav'], 3);
      for (let i = 1; i <= 3; i++) await caldavNone(world, `guard: ${i}`);
      assert.equal(masterOf((await caldavOne(world, 'bad: good neighbour')).item).summary, 'bad: good neighbour');
    });
  });
}
