import assert from 'node:assert/strict';
import { HostLimiter } from '../../src/caldav/limiter.js';

describe('caldav host limiter', () => {
  it('never runs more than the limit per host at once, and does not hold other hosts back', async () => {
    const limiter = new HostLimiter(2);
    const running = new Map<string, number>();
    const peak = new Map<string, number>();
    const release: (() => void)[] = [];
    const task = (host: string) => limiter.run(host, async () => {
      running.set(host, (running.get(host) ?? 0) + 1);
      peak.set(host, Math.max(peak.get(host) ?? 0, running.get(host) ?? 0));
      await new Promise<void>((resolve) => release.push(resolve));
      running.set(host, (running.get(host) ?? 0) - 1);
    });
    const all = [task('a'), task('a'), task('a'), task('a'), task('b')];
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(running.get('a'), 2);
    assert.equal(running.get('b'), 1);
    while (release.length > 0) {
      release.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(all);
    assert.equal(peak.get('a'), 2);
    assert.equal(running.get('a'), 0);
  });

  it('rejects a limit below one', () => {
    assert.throws(() => new HostLimiter(0), RangeError);
  });
});
