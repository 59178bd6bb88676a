import assert from 'node:assert/strict';
import { Scheduler, type LeaseKeeper } from '../../src/daemon/scheduler.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(5);
  }
}

describe('daemon scheduler', () => {
  it('runs each pair on its own interval and never overlaps cycles of one pair', async () => {
    const starts: Record<string, number> = { a: 0, b: 0 };
    let inFlight = 0;
    let maxInFlightA = 0;
    const scheduler = new Scheduler(
      [{ name: 'a', intervalMs: 10 }, { name: 'b', intervalMs: 1000 }],
      async (pair) => {
        starts[pair]! += 1;
        if (pair === 'a') {
          inFlight += 1;
          maxInFlightA = Math.max(maxInFlightA, inFlight);
          await sleep(15);
          inFlight -= 1;
        }
        return { ok: true };
      },
      { jitter: 0 },
    );
    scheduler.start();
    await waitFor(() => starts.a! >= 3);
    await scheduler.stop();
    assert.equal(starts.b, 1);
    assert.equal(maxInFlightA, 1);
  });

  it('on stop, aborts the signal and waits for the cycle in flight to finish its write', async () => {
    const events: string[] = [];
    const scheduler = new Scheduler([{ name: 'a', intervalMs: 10_000 }], async (_pair, signal) => {
      events.push('write 1 start');
      await sleep(30);
      events.push('write 1 done');
      if (signal.aborted) return { ok: false, error: 'stopped' };
      events.push('write 2');
      return { ok: true };
    });
    scheduler.start();
    await sleep(5);
    await scheduler.stop();
    assert.deepEqual(events, ['write 1 start', 'write 1 done']);
  });

  it('adds jitter to the interval', async () => {
    const times: number[] = [];
    const scheduler = new Scheduler([{ name: 'a', intervalMs: 20 }], async () => {
      times.push(Date.now());
      return { ok: true };
    }, { jitter: 1, random: () => 1 });
    scheduler.start();
    await waitFor(() => times.length >= 2);
    await scheduler.stop();
    assert.ok(times[1]! - times[0]! >= 38, `gap ${times[1]! - times[0]!}ms should be ~40ms`);
  });

  it('skips a cycle when another instance holds the lease', async () => {
    let runs = 0;
    const released: string[] = [];
    const leases: LeaseKeeper = { acquire: async (p) => p === 'mine', release: async (p) => void released.push(p) };
    const scheduler = new Scheduler([{ name: 'mine', intervalMs: 10_000 }, { name: 'theirs', intervalMs: 10_000 }], async () => {
      runs += 1;
      return { ok: true };
    }, { leases });
    scheduler.start();
    await sleep(30);
    await scheduler.stop();
    assert.equal(runs, 1);
    assert.deepEqual(released, ['mine']);
  });

  it('trigger runs a pair now, but not while it is running', async () => {
    let runs = 0;
    const scheduler = new Scheduler([{ name: 'a', intervalMs: 60_000 }], async () => {
      runs += 1;
      await sleep(20);
      return { ok: true };
    });
    scheduler.start();
    await sleep(5);
    assert.equal(scheduler.trigger('a'), false, 'a cycle is in flight');
    await sleep(30);
    assert.equal(scheduler.trigger('a'), true);
    await sleep(10);
    await scheduler.stop();
    assert.equal(runs, 2);
    assert.equal(scheduler.trigger('nope'), false);
  });
});
