import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalInstantMs, graphOccurrenceKey, parseGraphInstant } from '../../../src/convert/graph/instants.js';

/** How parseGraphInstant read every instant before its arithmetic fast path: the reference. */
const INSTANT_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})?$/;
function reference(s: string): number | 'error' {
  const m = INSTANT_RE.exec(s.trim());
  const ms = m ? Date.parse(`${m[1]}.${(m[2] ?? '').padEnd(3, '0').slice(0, 3)}${m[3] ?? 'Z'}`) : NaN;
  return Number.isNaN(ms) ? 'error' : ms;
}

function mine(s: string): number | 'error' {
  try {
    return parseGraphInstant(s, 'id', 'originalStart');
  } catch {
    return 'error';
  }
}

const two = (max: number): fc.Arbitrary<string> => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
const instant = fc
  .record({
    y: fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
    mo: two(13),
    d: two(32),
    h: two(25),
    mi: two(61),
    s: two(61),
    frac: fc.option(fc.stringMatching(/^[0-9]{0,8}$/), { nil: undefined }),
    zone: fc.constantFrom('', 'Z', '+01:00', '-14:00', '+24:00', 'z', ' '),
    pad: fc.constantFrom('', ' ', '\t'),
  })
  .map((p) => `${p.pad}${p.y}-${p.mo}-${p.d}T${p.h}:${p.mi}:${p.s}${p.frac === undefined ? '' : `.${p.frac}`}${p.zone}`);

describe('convert/graph parseGraphInstant', () => {
  it('reads Graph instants as Date.parse does, its fast path included', () => {
    fc.assert(
      fc.property(fc.oneof(instant, fc.string({ maxLength: 30 })), (s) => {
        assert.equal(mine(s), reference(s), JSON.stringify(s));
      }),
      { numRuns: 20_000 },
    );
    assert.equal(mine('2025-01-06T09:00:00.0000000'), Date.UTC(2025, 0, 6, 9));
    assert.equal(mine('2019-04-15T20:30:00.5Z'), Date.UTC(2019, 3, 15, 20, 30, 0, 500));
  });

  it('reads an originalStart already in key form by arithmetic, and nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(instant, fc.string({ maxLength: 22 })), (s) => {
        const ms = canonicalInstantMs(s);
        if (ms === undefined) return;
        assert.equal(ms, parseGraphInstant(s, 'id', 'originalStart'));
        assert.equal(s, graphOccurrenceKey(ms, false, 'UTC'));
      }),
      { numRuns: 20_000 },
    );
    assert.equal(canonicalInstantMs('2019-04-15T20:30:00Z'), Date.UTC(2019, 3, 15, 20, 30));
    assert.equal(canonicalInstantMs('2025-02-30T20:30:00Z'), undefined);
    assert.equal(canonicalInstantMs('0999-04-15T20:30:00Z'), undefined);
  });
});
