import assert from 'node:assert/strict';
import { BoundedCache } from '../../../src/convert/timezones/bounded-cache.js';

describe('convert/timezones/bounded-cache', () => {
  it('keeps at most `limit` entries, forgetting the oldest first', () => {
    const cache = new BoundedCache<number>(2);
    assert.equal(cache.set('a', 1), 1);
    cache.set('b', 2);
    cache.set('c', 3);
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.get('b'), 2);
    assert.equal(cache.get('c'), 3);
  });
});
