import assert from 'node:assert/strict';
import type { ProxiedResponse } from '../../helpers/fault-proxy.js';
import { MATRIX, startWorld, type World } from './harness.js';
import { caldavEdit, caldavOne, caldavPut, day, graphOne, occurrence, syncSettled } from './io.js';

/** Drops the multistatus <response> naming `name` from a calendar-multiget answer (a partial read). */
function withoutMember(name: string) {
  return (res: ProxiedResponse, req: { body: string }): ProxiedResponse => {
    if (!req.body.includes('calendar-multiget')) return res;
    const body = res.body.replace(/<([A-Za-z0-9]+:)?response\b[\s\S]*?<\/\1response>/g, (m) => (m.includes(name) ? '' : m));
    return { ...res, body };
  };
}

const at = (d: string, hh: string) => ({ kind: 'zoned' as const, local: `${d}T${hh}:00:00`, tz: 'America/Chicago' });

for (const setup of MATRIX) {
  describe(`sync e2e: partial and failing CalDAV reads (${setup.label})`, function () {
    this.timeout(120_000);
    let world: World;
    before(async () => {
      world = await startWorld({ ...setup, davProxy: true });
    });
    after(() => world?.close());

    it('does not take a member missing from a multiget answer as deleted; its change arrives next cycle', async () => {
      const d = day(6);
      const href = await caldavPut(world, { kind: 'single', uid: 'partial-1@example.com', event: occurrence('partial: planning', at(d, '09'), at(d, '10')) });
      await caldavPut(world, { kind: 'single', uid: 'partial-2@example.com', event: occurrence('partial: review', at(d, '11'), at(d, '12')) });
      await syncSettled(world);
      await caldavEdit(world, 'partial: planning', (item) => (item.kind === 'single' ? { ...item, event: { ...item.event, summary: 'partial: planning v2' } } : item));
      await caldavEdit(world, 'partial: review', (item) => (item.kind === 'single' ? { ...item, event: { ...item.event, summary: 'partial: review v2' } } : item));
      const name = href.split('/').pop()!;
      // Every REPORT of the next cycle passes the proxy; only the multiget answer loses the member.
      world.davProxy!.addFault({ method: 'REPORT', times: 2, transform: withoutMember(name) });
      const partial = await world.sync();
      assert.equal(partial.deferred.length, 1, JSON.stringify(partial.deferred));
      assert.equal(partial.counts['delete-graph'], undefined, JSON.stringify(partial.counts));
      await graphOne(world, 'partial: planning');
      await graphOne(world, 'partial: review v2');
      world.davProxy!.clearFaults();
      await syncSettled(world);
      await graphOne(world, 'partial: planning v2');
      await caldavOne(world, 'partial: planning v2');
    });

    it('retries CalDAV 503s with Retry-After and finishes the cycle', async () => {
      const d = day(7);
      await caldavPut(world, { kind: 'single', uid: 'dav-storm@example.com', event: occurrence('partial: after a 503 storm', at(d, '09'), at(d, '10')) });
      const before = world.davProxy!.requests.length;
      world.davProxy!.addFault({ method: 'REPORT', times: 3, respond: { status: 503, headers: { 'retry-after': '0' }, body: '' } });
      await syncSettled(world);
      assert.ok(world.davProxy!.requests.slice(before).filter((r) => r.method === 'REPORT').length >= 4, 'the 503s were retried');
      await graphOne(world, 'partial: after a 503 storm');
    });
  });
}
