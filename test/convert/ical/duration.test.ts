import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDuration, type IcalDuration } from '../../../src/convert/ical/duration.js';

/** The reading parseDuration replaced: one regex match. */
function byRegex(text: string): IcalDuration | undefined {
  const m = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(text.trim().toUpperCase());
  if (!m || !/\d/.test(text)) return undefined;
  const num = (i: number): number => Number(m[i] ?? 0);
  return { negative: m[1] === '-', days: num(2) * 7 + num(3), seconds: num(4) * 3600 + num(5) * 60 + num(6) };
}

describe('parseDuration', () => {
  it('reads what the RFC 5545 duration regex read (fast-check)', () => {
    const piece = fc.constantFrom('-', '+', 'P', 'p', 'T', 't', 'W', 'D', 'H', 'M', 'S', 's', 'ſ', '0', '1', '15', '007', '99999999999999999999', ' ', '\t', '٣', 'x');
    const noise = fc.array(fc.oneof(piece, fc.string({ maxLength: 2 })), { maxLength: 10 }).map((ps) => ps.join(''));
    // Near-valid durations: the parts in order, each maybe missing, with a stray piece sometimes.
    const n = fc.constantFrom('', '0', '1', '15', '007');
    const shaped = fc
      .tuple(fc.constantFrom('', '-', '+', ' '), n, n, fc.boolean(), n, n, n, fc.constantFrom('', '', 'x', 'T', '1', ' '))
      .map(([sign, w, d, t, h, m, sec, tail]) => `${sign}P${w && `${w}W`}${d && `${d}D`}${t ? `T${h && `${h}H`}${m && `${m}m`}${sec && `${sec}S`}` : ''}${tail}`);
    const text = fc.oneof(noise, shaped);
    fc.assert(fc.property(text, (t) => assert.deepEqual(parseDuration(t), byRegex(t), JSON.stringify(t))), { numRuns: 50000 });
  });

  it('reads the triggers and durations clients write', () => {
    assert.deepEqual(parseDuration('-PT15M'), { negative: true, days: 0, seconds: 900 });
    assert.deepEqual(parseDuration('P1W2DT3H4M5S'), { negative: false, days: 9, seconds: 10_800 + 240 + 5 });
    assert.equal(parseDuration('PT'), undefined);
    assert.equal(parseDuration('P1H'), undefined);
  });
});
