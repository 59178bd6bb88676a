import assert from 'node:assert/strict';
import { KeyedLimiter } from '../../src/http/limiter.js';
import { backoffMs, retryAfterMs, sleep } from '../../src/http/retry.js';

describe('retry timing', () => {
  it('reads Retry-After as whole or fractional seconds, or as an HTTP date', () => {
    assert.equal(retryAfterMs('3', 60_000), 3000);
    assert.equal(retryAfterMs('2.128', 60_000), 2128);
    const now = Date.parse('2026-11-26T12:00:00Z');
    assert.equal(retryAfterMs('Thu, 26 Nov 2026 12:00:05 GMT', 60_000, now), 5000);
    assert.equal(retryAfterMs('999', 60_000), 60_000, 'capped');
    assert.equal(retryAfterMs('soon', 60_000), undefined);
    assert.equal(retryAfterMs(null, 60_000), undefined);
  });

  it('backs off exponentially with jitter inside [ceiling/2, ceiling]', () => {
    assert.equal(backoffMs(1, 500, 30_000, () => 0), 250);
    assert.equal(backoffMs(3, 500, 30_000, () => 1), 2000);
    assert.equal(backoffMs(20, 500, 30_000, () => 1), 30_000);
  });
});

describe('KeyedLimiter', () => {
  it('keeps at most N tasks in flight per key and none across keys', async () => {
    const limiter = new KeyedLimiter(2);
    let peak = 0;
    const task = (key: string) =>
      limiter.run(key, async () => {
        peak = Math.max(peak, limiter.inFlight('a'));
        await sleep(5);
      });
    await Promise.all([task('a'), task('a'), task('a'), task('a'), task('b'), task('b')]);
    assert.equal(peak, 2);
    assert.equal(limiter.inFlight('a'), 0);
  });
});
