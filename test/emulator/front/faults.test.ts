import assert from 'node:assert/strict';
import type { FaultRuleInput } from '../../../src/emulator/index.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { FakeGraph } from './fake-graph.js';

describe('emulator front: fault injection through the control API', () => {
  let emu: TestEmulator;
  let graph: FakeGraph;

  beforeEach(async () => {
    graph = new FakeGraph();
    emu = await startTestEmulator({ tls: false, createGraph: () => graph });
  });
  afterEach(() => emu.close());

  const addFaults = async (rules: FaultRuleInput[], seed?: number): Promise<void> => {
    const res = await emu.fetch(`${emu.baseUrl}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules, ...(seed !== undefined ? { seed } : {}) }),
    });
    assert.equal(res.status, 200);
  };
  const call = (path = '/users/a@x.test/events'): Promise<Response> =>
    emu.fetch(`${emu.graphUrl}${path}`, { headers: { authorization: `Bearer ${emu.appToken()}` } });

  it('injects 429 with a fractional Retry-After and the throttling sample’s body, then stops after `count`', async () => {
    await addFaults([{ kind: '429', count: 1, retryAfterSeconds: 2.128 }]);
    const first = await call();
    assert.equal(first.status, 429);
    assert.equal(first.headers.get('retry-after'), '2.128');
    const body = (await first.json()) as { error: { code: string; innerError: Record<string, string> } };
    assert.equal(body.error.code, 'TooManyRequests');
    assert.equal(body.error.innerError.status, '429');
    assert.equal((await call()).status, 200);
    assert.equal(graph.requests.length, 1, 'the faulted request never reached the domain');
  });

  it('injects 503 and 504 only on matching method and path', async () => {
    await addFaults([
      { kind: '503', path: '/calendarView$' },
      { kind: '504', method: 'DELETE' },
    ]);
    assert.equal((await call('/users/a@x.test/calendarView')).status, 503);
    assert.equal((await call('/users/a@x.test/events')).status, 200);
    const del = await emu.fetch(`${emu.graphUrl}/users/a@x.test/events/AAMk=`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${emu.appToken()}` },
    });
    assert.equal(del.status, 504);
    assert.ok(del.headers.get('retry-after'));
  });

  it('drops the connection for a reset fault', async () => {
    await addFaults([{ kind: 'reset', count: 1 }]);
    await assert.rejects(call());
    assert.equal((await call()).status, 200);
  });

  it('adds latency', async () => {
    await addFaults([{ kind: 'latency', latencyMs: 150 }]);
    const started = Date.now();
    assert.equal((await call()).status, 200);
    assert.ok(Date.now() - started >= 140, 'the answer waited for the injected latency');
  });

  it('is deterministic for a given seed: same seed, same sequence of faults', async () => {
    const run = async (seed: number): Promise<number[]> => {
      await emu.fetch(`${emu.baseUrl}/_emulator/reset`, { method: 'POST' });
      await addFaults([{ kind: '503', rate: 0.5 }], seed);
      const statuses: number[] = [];
      for (let i = 0; i < 16; i++) statuses.push((await call()).status);
      return statuses;
    };
    const a = await run(42);
    const b = await run(42);
    assert.deepEqual(a, b);
    assert.ok(a.includes(503) && a.includes(200), `rate 0.5 over 16 calls mixes outcomes: ${a.join(',')}`);
    assert.notDeepEqual(await run(7), a);
  });

  it('rejects a malformed rule with 400 and lists and clears rules', async () => {
    const bad = await emu.fetch(`${emu.baseUrl}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [{ kind: '418' }] }),
    });
    assert.equal(bad.status, 400);
    await addFaults([{ kind: '503' }]);
    const listed = (await (await emu.fetch(`${emu.baseUrl}/_emulator/faults`)).json()) as { rules: unknown[] };
    assert.equal(listed.rules.length, 1);
    assert.equal((await emu.fetch(`${emu.baseUrl}/_emulator/faults`, { method: 'DELETE' })).status, 204);
    assert.equal((await call()).status, 200);
  });
});
