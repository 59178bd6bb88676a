import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseGraphLocal } from '../../../src/convert/graph/times.js';

/** How parseGraphLocal read every Graph dateTime before its character-code check: the reference. */
const GRAPH_LOCAL_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d{1,7})?$/;
const reference = (s: string): string => GRAPH_LOCAL_RE.exec(s)?.[1] ?? 'error';

function mine(s: string): string {
  try {
    return parseGraphLocal(s, { eventId: 'id', property: 'start' });
  } catch {
    return 'error';
  }
}

const digits = (n: number): fc.Arbitrary<string> =>
  fc.oneof(fc.integer({ min: 0, max: 10 ** n - 1 }).map((x) => String(x).padStart(n, '0')), fc.constantFrom('x'.repeat(n), `${'0'.repeat(n - 1)}\u0661`));
/** Near-misses of the form: any separator may be swapped, any digit may be a non-digit, the fraction any length. */
const sep = (c: string): fc.Arbitrary<string> => fc.constantFrom(c, c, c, ' ', '/', '0', '\u0660');
const dateTime = fc
  .tuple(digits(4), sep('-'), digits(2), sep('-'), digits(2), sep('T'), digits(2), sep(':'), digits(2), sep(':'), digits(2))
  .chain((parts) =>
    fc
      .tuple(fc.option(fc.constantFrom('', '0', '5', '0000000', '00000000', '123456', '12a'), { nil: undefined }), fc.constantFrom('', '', 'Z', '\n', ' '))
      .map(([frac, tail]) => `${parts.join('')}${frac === undefined ? '' : `.${frac}`}${tail}`),
  );

describe('convert/graph parseGraphLocal', () => {
  it('reads Graph dateTimes as the regular expression does', () => {
    fc.assert(
      fc.property(fc.oneof(dateTime, fc.string({ maxLength: 30 })), (s) => {
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
