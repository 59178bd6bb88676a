import assert from 'node:assert/strict';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { FakeGraph } from './fake-graph.js';

describe('emulator front: per-mailbox concurrency limit', () => {
  let emu: TestEmulator;

  beforeEach(async () => {
    emu = await startTestEmulator({ tls: false, createGraph: () => new FakeGraph() });
  });
  afterEach(() => emu.close());

  /** Slow requests are what overlap: the slot is held while the latency is spent. */
  const slowFirst = (count: number, latencyMs = 1500): void => emu.control.addFaults([{ kind: 'latency', latencyMs, count }]);

  const call = (mailbox: string, token: string): Promise<Response> =>
    emu.fetch(`${emu.graphUrl}/users/${mailbox}/events`, { headers: { authorization: `Bearer ${token}` } });

  it('answers 429 with Retry-After to the 5th concurrent request to one mailbox; another mailbox is unaffected', async () => {
    slowFirst(4);
    const token = emu.appToken();
    const firstFour = Array.from({ length: 4 }, () => call('busy@x.test', token));
    await emu.waitForInFlight(4);
    const [fifth, ...calm] = await Promise.all([call('busy@x.test', token), ...Array.from({ length: 4 }, () => call('calm@x.test', token))]);
    assert.equal(fifth!.status, 429);
    assert.equal(fifth!.headers.get('retry-after'), '0.5');
    assert.equal(((await fifth!.json()) as { error: { code: string } }).error.code, 'TooManyRequests');
    assert.deepEqual(calm.map((r) => r.status), [200, 200, 200, 200]);
    assert.deepEqual((await Promise.all(firstFour)).map((r) => r.status), [200, 200, 200, 200]);
    assert.equal(emu.control.stats().throttled, 1);
    assert.equal(emu.control.stats().inFlight, 0);
  });

  it('frees the slot when a request completes', async () => {
    slowFirst(4, 200);
    const token = emu.appToken();
    const first = await Promise.all(Array.from({ length: 4 }, () => call('busy@x.test', token)));
    const second = await Promise.all(Array.from({ length: 4 }, () => call('busy@x.test', token)));
    assert.deepEqual([...first, ...second].map((r) => r.status), Array(8).fill(200));
  });

  it('counts per app: a second client id gets its own four slots', async () => {
    slowFirst(8, 200);
    const a = emu.control.issueToken({ clientId: 'app-a' });
    const b = emu.control.issueToken({ clientId: 'app-b' });
    const all = await Promise.all([...Array.from({ length: 4 }, () => call('busy@x.test', a)), ...Array.from({ length: 4 }, () => call('busy@x.test', b))]);
    assert.deepEqual(all.map((r) => r.status), Array(8).fill(200));
  });

  it('takes its limit and Retry-After from PUT /_emulator/throttle', async () => {
    const put = await emu.fetch(`${emu.baseUrl}/_emulator/throttle`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ concurrency: 1, retryAfterSeconds: 2.128 }),
    });
    assert.equal(put.status, 200);
    slowFirst(1);
    const token = emu.appToken();
    const first = call('busy@x.test', token);
    await emu.waitForInFlight(1);
    const second = await call('busy@x.test', token);
    assert.equal(second.status, 429);
    assert.equal(second.headers.get('retry-after'), '2.128');
    assert.equal((await first).status, 200);
  });
});

describe('emulator front: per-mailbox request rate window', () => {
  let emu: TestEmulator;

  beforeEach(async () => {
    emu = await startTestEmulator({ tls: false, createGraph: () => new FakeGraph() });
  });
  afterEach(() => emu.close());

  const call = (mailbox: string, token: string): Promise<Response> =>
    emu.fetch(`${emu.graphUrl}/users/${mailbox}/events`, { headers: { authorization: `Bearer ${token}` } });

  it('answers 429 once a mailbox used up its window, with Retry-After until the window frees, and recovers when the clock moves', async () => {
    emu.control.setThrottle({ requestsPerWindow: 3, windowSeconds: 600 });
    const token = emu.appToken();
    for (let i = 0; i < 3; i++) assert.equal((await call('busy@x.test', token)).status, 200);
    const throttled = await call('busy@x.test', token);
    assert.equal(throttled.status, 429);
    const retryAfter = Number(throttled.headers.get('retry-after'));
    assert.ok(retryAfter > 590 && retryAfter <= 600, `Retry-After ${retryAfter}`);
    assert.equal((await call('calm@x.test', token)).status, 200, 'another mailbox has its own window');
    emu.control.advanceClock(601_000);
    assert.equal((await call('busy@x.test', token)).status, 200);
  });
});
