import assert from 'node:assert/strict';
import type { CalendarItem } from '../../src/model/event.js';
import type { ItemRecord } from '../../src/store/records.js';
import { planSlot, planSync } from '../../src/sync/plan.js';
import type { Observation, PlanOptions, SyncAction, SyncSlot } from '../../src/sync/plan-types.js';
import { single, withSummary } from './fixtures.js';

const options: PlanOptions = { direction: 'both', conflicts: 'newest-wins', deleteThreshold: 0.2 };
const base = single('u1');
const record: ItemRecord = {
  pair: 'p',
  uid: 'u1',
  graphId: 'G1',
  graphChangeKey: 'ck1',
  graphFingerprint: 'gf1',
  caldavHref: '/cal/u1.ics',
  caldavEtag: '"e1"',
  caldavFingerprint: 'cf1',
  base,
  updatedAt: 0,
};
const unchanged: Observation = { state: 'unchanged' };
const deleted: Observation = { state: 'deleted' };
const graphSaw = (item: CalendarItem, version = 'ck2', fingerprint = 'gf2', modifiedAt?: number): Observation => ({
  state: 'present', item, ref: 'G1', version, fingerprint, ...(modifiedAt !== undefined ? { modifiedAt } : {}),
});
const caldavSaw = (item: CalendarItem, version = '"e2"', fingerprint = 'cf2', modifiedAt?: number): Observation => ({
  state: 'present', item, ref: '/cal/u1.ics', version, fingerprint, ...(modifiedAt !== undefined ? { modifiedAt } : {}),
});
const kinds = (actions: readonly SyncAction[]) => actions.map((a) => ('on' in a ? `${a.kind}:${a.on}` : a.kind));
const slot = (graph: Observation, caldav: Observation, rec: ItemRecord | null = record): SyncSlot => ({
  uid: 'u1', ...(rec ? { record: rec } : {}), graph, caldav,
});

describe('sync planner (decision table)', () => {
  const edited = withSummary(base, 'edited');
  const table: Array<[string, SyncSlot, string[]]> = [
    ['nothing changed → nothing', slot(unchanged, unchanged), []],
    ['new on Graph → create on CalDAV', slot(graphSaw(base), unchanged, null), ['create:caldav']],
    ['new on CalDAV → create on Graph', slot(unchanged, caldavSaw(base), null), ['create:graph']],
    ['new on both with the same UID → paired, no write', slot(graphSaw(base), caldavSaw(base), null), ['record']],
    ['edited on Graph → update CalDAV', slot(graphSaw(edited), unchanged), ['update:caldav', 'record']],
    ['edited on CalDAV → update Graph', slot(unchanged, caldavSaw(edited)), ['update:graph', 'record']],
    ['echo of our own write (same fingerprint, new version) → bookkeeping', slot(graphSaw(base, 'ck9', 'gf1'), unchanged), ['record']],
    ['reserialised by the server (same content) → bookkeeping', slot(unchanged, caldavSaw(base, '"e7"', 'other')), ['record']],
    ['deleted on Graph → delete on CalDAV', slot(deleted, unchanged), ['delete:caldav']],
    ['deleted on CalDAV → delete on Graph', slot(unchanged, deleted), ['delete:graph']],
    ['deleted on both → forget', slot(deleted, deleted), ['forget']],
    ['deleted on Graph, edited on CalDAV → update wins, re-create on Graph', slot(deleted, caldavSaw(edited)), ['create:graph']],
    ['edited on Graph, deleted on CalDAV → update wins, re-create on CalDAV', slot(graphSaw(edited), deleted), ['create:caldav']],
    ['unreadable on CalDAV → skip, never delete', slot(deleted, { state: 'unreadable', ref: '/cal/u1.ics', error: 'bad DTSTART' }), ['skip']],
  ];
  for (const [name, input, expected] of table) {
    it(name, () => assert.deepEqual(kinds(planSlot(input, options)), expected));
  }

  it('re-pairs an item whose Graph copy only adds the mailbox owner as organizer, writing nothing', () => {
    const fromGraph: CalendarItem = base.kind === 'single' ? { ...base, event: { ...base.event, organizer: { email: 'alice@contoso.com' } } } : base;
    assert.deepEqual(kinds(planSlot(slot(graphSaw(fromGraph), caldavSaw(base), null), options)), ['record']);
    const renamed = withSummary(fromGraph, 'other');
    assert.deepEqual(kinds(planSlot(slot(graphSaw(renamed), caldavSaw(base), null), options)), ['conflict', 'update:caldav', 'record']);
  });

  it('merges edits of different fields on both sides and writes the merge to both', () => {
    const g = withSummary(base, 'new title');
    const c: CalendarItem = base.kind === 'single' ? { ...base, event: { ...base.event, categories: ['Work'] } } : base;
    const actions = planSlot(slot(graphSaw(g), caldavSaw(c)), options);
    assert.deepEqual(kinds(actions), ['update:graph', 'update:caldav', 'record']);
    const merged = actions.find((a) => a.kind === 'record');
    assert.ok(merged && merged.kind === 'record' && merged.item.kind === 'single');
    assert.equal(merged.item.event.summary, 'new title');
    assert.deepEqual(merged.item.event.categories, ['Work']);
  });

  it('settles a same-field conflict by the newest side and keeps the losing version', () => {
    const actions = planSlot(slot(graphSaw(withSummary(base, 'outlook'), 'ck2', 'gf2', 1000), caldavSaw(withSummary(base, 'dav'), '"e2"', 'cf2', 2000)), options);
    assert.deepEqual(kinds(actions), ['conflict', 'update:graph', 'record']);
    const conflict = actions[0]!;
    assert.ok(conflict.kind === 'conflict');
    assert.equal(conflict.winner, 'caldav');
    assert.equal(conflict.losingVersion.kind === 'single' && conflict.losingVersion.event.summary, 'outlook');
  });

  it('honours graph-wins regardless of timestamps', () => {
    const actions = planSlot(slot(graphSaw(withSummary(base, 'outlook'), 'ck2', 'gf2', 1000), caldavSaw(withSummary(base, 'dav'), '"e2"', 'cf2', 2000)), { ...options, conflicts: 'graph-wins' });
    assert.deepEqual(kinds(actions), ['conflict', 'update:caldav', 'record']);
  });

  it('carries the versions to send as If-Match', () => {
    const [update] = planSlot(slot(graphSaw(withSummary(base, 'x')), unchanged), options);
    assert.ok(update && update.kind === 'update');
    assert.equal(update.known.caldavEtag, '"e1"');
    assert.equal(update.known.caldavHref, '/cal/u1.ics');
    assert.equal(update.known.graphChangeKey, 'ck2');
  });

  it('graph-to-caldav: CalDAV edits are not propagated, a CalDAV deletion is restored', () => {
    const oneWay = { ...options, direction: 'graph-to-caldav' as const };
    assert.deepEqual(kinds(planSlot(slot(unchanged, caldavSaw(edited)), oneWay)), []);
    assert.deepEqual(kinds(planSlot(slot(unchanged, deleted), oneWay)), ['create:caldav']);
    assert.deepEqual(kinds(planSlot(slot(graphSaw(edited), unchanged), oneWay)), ['update:caldav', 'record']);
    assert.deepEqual(kinds(planSlot(slot(unchanged, caldavSaw(base), null), oneWay)), []);
  });

  it('stops a cycle that would delete more than the threshold, and lets a forced one through', () => {
    const records = Array.from({ length: 10 }, (_, i) => ({ ...record, uid: `u${i}` }));
    const slots = records.map((r, i) => ({ uid: r.uid, record: r, graph: i < 3 ? deleted : unchanged, caldav: unchanged }));
    const plan = planSync(slots, 10, options);
    assert.ok(plan.blocked);
    assert.deepEqual(plan.blocked.deletes, { graph: 0, caldav: 3 });
    assert.match(plan.blocked.reason, /delete 3 of 10/);
    assert.equal(planSync(slots, 10, { ...options, allowMassDelete: true }).blocked, undefined);
    assert.equal(planSync(slots.slice(0, 2), 10, options).blocked, undefined);
  });
});
