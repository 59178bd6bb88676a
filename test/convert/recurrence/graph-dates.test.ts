import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isParsableDate } from '../../../src/convert/recurrence/wall.js';

/** How Graph range dates were checked before they were read by character codes: the reference. */
const reference = (date: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`));

describe('convert/recurrence isParsableDate', () => {
  it('accepts exactly the dates the regex and Date.parse accepted', () => {
    const two = (max: number): fc.Arbitrary<string> => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const dates = fc.tuple(fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')), two(99), two(99)).map(([y, m, d]) => `${y}-${m}-${d}`);
    const near = fc.tuple(dates, fc.nat(11), fc.constantFrom('x', '-', ' ', '', '1', '\n', '٣', 'T')).map(([s, i, c]) => s.slice(0, i) + c + s.slice(i + 1));
    fc.assert(
      fc.property(fc.oneof(dates, near, fc.string({ maxLength: 12 })), (s) => {
        assert.equal(isParsableDate(s), reference(s), JSON.stringify(s));
      }),
      { numRuns: 20_000 },
    );
    for (const d of ['2025-02-30', '0000-01-01', '9999-12-31']) assert.equal(isParsableDate(d), true, d);
    for (const d of ['2025-00-10', '2025-13-01', '2025-01-00', '2025-01-32', '2025-1-01', '2025-01-01\n']) assert.equal(isParsableDate(d), false, d);
  });
});
