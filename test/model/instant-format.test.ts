import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isoUtc, localAsUtcMs, utcFieldsMs, utcMsAsLocal } from '../../src/model/instant.js';

/** The regex-and-Date readings these functions had before they were made arithmetic: the reference. */
const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;
function referenceLocalAsUtcMs(local: string): number | 'error' {
  const m = LOCAL_RE.exec(local);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : 'error';
}
const referenceIso = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

const attempt = (f: () => number): number | 'error' => {
  try {
    return f();
  } catch {
    return 'error';
  }
};

describe('model/instant formatting and parsing by arithmetic', () => {
  it('formats every instant as Date#toISOString does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -62_198_755_200_000, max: 253_402_300_799_999 }), fc.integer({ min: -8.64e15, max: 8.64e15 })), (ms) => {
        assert.equal(utcMsAsLocal(ms), referenceIso(ms));
        assert.equal(isoUtc(ms), `${referenceIso(ms)}Z`);
      }),
      { numRuns: 20_000 },
    );
    assert.equal(utcMsAsLocal(-1), '1969-12-31T23:59:59');
    assert.throws(() => isoUtc(Number.NaN), RangeError);
  });

  it('reads local date-times as the regex did, rejecting the same strings', () => {
    const digits = fc.stringMatching(/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$/);
    const near = fc.tuple(digits, fc.integer({ min: 0, max: 18 }), fc.constantFrom('x', '-', ' ', '', '1', 'T')).map(([s, i, c]) => s.slice(0, i) + c + s.slice(i + 1));
    fc.assert(
      fc.property(fc.oneof(digits, near, fc.string({ maxLength: 22 })), (s) => {
        assert.equal(attempt(() => localAsUtcMs(s)), referenceLocalAsUtcMs(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it('computes Date.UTC of integer fields by arithmetic, overflowing fields and two-digit years included', () => {
    const field = (max: number): fc.Arbitrary<number> => fc.oneof(fc.integer({ min: 0, max }), fc.integer({ min: -1000, max: 1000 }));
    const year = fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: -300_000, max: 300_000 }), fc.integer({ min: 1900, max: 2100 }));
    fc.assert(
      fc.property(year, field(13), field(32), field(24), field(60), field(60), field(999), (y, mo, d, h, mi, se, ms) => {
        assert.equal(utcFieldsMs(y, mo, d, h, mi, se, ms), Date.UTC(y, mo - 1, d, h, mi, se, ms));
      }),
      { numRuns: 50_000 },
    );
    assert.equal(utcFieldsMs(275_760, 9, 13, 0, 0, 0, 1), Number.NaN);
    assert.equal(utcFieldsMs(-271_821, 4, 20, 0, 0, 0, 0), Date.UTC(-271_821, 3, 20));
  });
});
