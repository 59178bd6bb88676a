import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseGraphLocal } from '../../../src/convert/graph/times.js';

/** How parseGraphLocal read Graph dateTimes before it read them by character codes: the reference. */
const GRAPH_LOCAL_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d{1,7})?$/;
const reference = (s: string): string => GRAPH_LOCAL_RE.exec(s)?.[1] ?? 'error';

function mine(s: string): string {
  try {
    return parseGraphLocal(s, { eventId: 'id', property: 'start' });
  } catch {
    return 'error';
  }
}

describe('convert/graph parseGraphLocal', () => {
  it('accepts and reads what the regex did, and nothing else', () => {
    const digits = fc.stringMatching(/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{0,9})?$/);
    const near = fc
      .tuple(digits, fc.nat(30), fc.constantFrom('x', '-', ':', '.', ' ', '', '1', 'T', '\n', '٣', 'Z'))
      .map(([s, i, c]) => s.slice(0, i) + c + s.slice(i + 1));
    fc.assert(
      fc.property(fc.oneof(digits, near, fc.string({ maxLength: 28 })), (s) => {
        assert.equal(mine(s), reference(s), JSON.stringify(s));
      }),
      { numRuns: 20_000 },
    );
    assert.equal(mine('2017-04-15T11:00:00.0000000'), '2017-04-15T11:00:00');
    assert.equal(mine('2017-04-15T11:00:00'), '2017-04-15T11:00:00');
    assert.equal(mine('2017-04-15T11:00:00.'), 'error');
    assert.equal(mine('2017-04-15T11:00:00.00000000'), 'error');
  });
});
