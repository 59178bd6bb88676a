import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, it } from 'mocha';
import { Harness, bodyOf, timed, valueOf, weeklySeries, type Json } from './harness.js';

/**
 * Property: a client that applies calendarView/delta rounds (upserts and @removed, MGDC:concepts/delta-query-events.md)
 * after any sequence of writes holds exactly what a fresh calendarView of the same window returns,
 * id for id and changeKey for changeKey — and neither ever contains a series master.
 */

const WINDOW = 'startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-04-01T00:00:00Z';

type Op =
  | { kind: 'createSingle'; day: number; hour: number }
  | { kind: 'createSeries'; count: number; weekOffset: number }
  | { kind: 'patchStored'; pick: number; day: number }
  | { kind: 'deleteStored'; pick: number }
  | { kind: 'patchInstance'; pick: number; subject: string }
  | { kind: 'deleteInstance'; pick: number }
  | { kind: 'sync' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('createSingle' as const), day: fc.integer({ min: 1, max: 45 }), hour: fc.integer({ min: 0, max: 22 }) }),
  fc.record({ kind: fc.constant('createSeries' as const), count: fc.integer({ min: 1, max: 8 }), weekOffset: fc.integer({ min: -2, max: 4 }) }),
  fc.record({ kind: fc.constant('patchStored' as const), pick: fc.nat(), day: fc.integer({ min: 1, max: 45 }) }),
  fc.record({ kind: fc.constant('deleteStored' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('patchInstance' as const), pick: fc.nat(), subject: fc.string({ maxLength: 5 }) }),
  fc.record({ kind: fc.constant('deleteInstance' as const), pick: fc.nat() }),
  fc.constant({ kind: 'sync' as const }),
);

function dayTime(day: number, hour: number): string {
  const d = new Date(Date.UTC(2026, 2, day, hour));
  return d.toISOString().slice(0, 19);
}

function all(h: Harness, path: string, query: string): Json[] {
  const items: Json[] = [];
  let res = h.call('GET', path, { query, headers: { prefer: 'odata.maxpagesize=7' } });
  for (;;) {
    assert.equal(res.status, 200);
    items.push(...valueOf(res));
    const next = bodyOf(res)['@odata.nextLink'];
    if (typeof next !== 'string') return items;
    res = h.follow(next, { prefer: 'odata.maxpagesize=7' });
  }
}

class Replica {
  readonly items = new Map<string, string>();
  private deltaLink: string | undefined;

  sync(h: Harness): void {
    const headers = { prefer: 'odata.maxpagesize=3' };
    let res = this.deltaLink ? h.follow(this.deltaLink, headers) : h.call('GET', '/me/calendarView/delta', { query: WINDOW, headers });
    for (;;) {
      assert.equal(res.status, 200);
      for (const item of valueOf(res)) {
        if (item['@removed']) this.items.delete(String(item.id));
        else {
          assert.notEqual(item.type, 'seriesMaster');
          this.items.set(String(item.id), String(item.changeKey));
        }
      }
      const body = bodyOf(res);
      if (typeof body['@odata.nextLink'] === 'string') res = h.follow(body['@odata.nextLink'], headers);
      else {
        this.deltaLink = String(body['@odata.deltaLink']);
        return;
      }
    }
  }
}

function apply(h: Harness, op: Op): void {
  const stored = (): Json[] => valueOf(h.call('GET', '/me/events', { query: '$top=1000' }));
  const view = (): Json[] => all(h, '/me/calendarView', WINDOW).filter((e) => e.type !== 'singleInstance');
  h.tick(1000);
  switch (op.kind) {
    case 'createSingle':
      h.create(timed(`s${op.day}`, dayTime(op.day, op.hour), dayTime(op.day, op.hour + 1)));
      return;
    case 'createSeries': {
      const body = weeklySeries('w', op.count);
      const start = 2 + 7 * op.weekOffset;
      const startDate = dayTime(start, 0).slice(0, 10);
      h.create({
        ...body,
        start: { dateTime: dayTime(start, 12), timeZone: 'UTC' },
        end: { dateTime: dayTime(start, 13), timeZone: 'UTC' },
        recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] }, range: { type: 'numbered', startDate, numberOfOccurrences: op.count } },
      });
      return;
    }
    case 'patchStored': {
      const list = stored().filter((e) => e.type === 'singleInstance');
      const target = list[op.pick % Math.max(list.length, 1)];
      if (target) h.call('PATCH', `/me/events/${String(target.id)}`, { body: { start: { dateTime: dayTime(op.day, 9), timeZone: 'UTC' }, end: { dateTime: dayTime(op.day, 10), timeZone: 'UTC' } } });
      return;
    }
    case 'deleteStored': {
      const list = stored();
      const target = list[op.pick % Math.max(list.length, 1)];
      if (target) assert.equal(h.call('DELETE', `/me/events/${String(target.id)}`).status, 204);
      return;
    }
    case 'patchInstance': {
      const list = view();
      const target = list[op.pick % Math.max(list.length, 1)];
      if (target) assert.equal(h.call('PATCH', `/me/events/${String(target.id)}`, { body: { subject: op.subject } }).status, 200);
      return;
    }
    case 'deleteInstance': {
      const list = view();
      const target = list[op.pick % Math.max(list.length, 1)];
      if (target) assert.equal(h.call('DELETE', `/me/events/${String(target.id)}`).status, 204);
      return;
    }
    case 'sync':
      return;
  }
}

describe('emulator domain: delta converges to calendarView (property)', () => {
  it('after any writes, the delta replica equals a fresh calendarView', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 14 }), (ops) => {
        const h = new Harness();
        const replica = new Replica();
        replica.sync(h);
        for (const op of ops) {
          apply(h, op);
          if (op.kind === 'sync') replica.sync(h);
        }
        replica.sync(h);
        const fresh = all(h, '/me/calendarView', WINDOW);
        assert.ok(fresh.every((e) => e.type !== 'seriesMaster'));
        const expected = new Map(fresh.map((e) => [String(e.id), String(e.changeKey)]));
        assert.deepEqual(replica.items, expected);
      }),
      { numRuns: 60 },
    );
  });
});
