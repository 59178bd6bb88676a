import assert from 'node:assert/strict';
import fc from 'fast-check';
import ICAL from 'ical.js';
import type { EventTime } from '../../../src/model/index.js';
import { recurFromIcal } from '../../../src/convert/ical/lex-recur.js';
import { recurToIcal } from '../../../src/convert/ical/read-jcal.js';
import { parseRrule } from '../../../src/convert/recurrence/index.js';
import { ruleFromJcalRecur } from '../../../src/convert/recurrence/rrule-jcal.js';
import { RFC_EXAMPLES } from './rfc-examples.js';

const stringToData = (ICAL.Recur as unknown as { _stringToData(text: string, fmtIcal: boolean): Record<string, unknown> })._stringToData;
function decoded(decode: () => Record<string, unknown>): Record<string, unknown> | undefined {
  try {
    return decode();
  } catch {
    return undefined;
  }
}

const KINDS: readonly EventTime['kind'][] = ['zoned', 'floating', 'date'];

/** The text path of the ICS reader (parse.ts ruleText): ical.js's writing, upper-cased, X- parts dropped. */
function viaText(data: Record<string, unknown>, kind: EventTime['kind']): unknown {
  const text = recurToIcal(data).toUpperCase().split(';').filter((p) => !p.startsWith('X-')).join(';');
  try {
    return parseRrule(text, kind);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Where the direct reading gives a rule, it is the text path's, key order included; returns whether it gave one. */
function assertSame(data: Record<string, unknown>, kind: EventTime['kind']): boolean {
  const direct = ruleFromJcalRecur(data, kind);
  if (direct === undefined) return false;
  const text = viaText(data, kind);
  assert.deepStrictEqual(direct, text, JSON.stringify(data));
  assert.equal(JSON.stringify(direct), JSON.stringify(text), JSON.stringify(data));
  return true;
}

const name = fc.constantFrom('FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'WKST', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'BYYEARDAY', 'BYWEEKNO', 'BYHOUR', 'BYMINUTE', 'BYSECOND', 'X-NAME');
const item = fc.oneof(
  fc.constantFrom('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU', '1MO', '-1FR', '+2SA', '53SU', '54SU', '0MO', '5TU', '-5WE'),
  fc.constantFrom('0', '1', '-1', '12', '13', '31', '-31', '32', '53', '-53', '59', '60', '366', '-366', '-0', '+5'),
);
const value = fc.oneof(
  fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'HOURLY', 'MINUTELY', 'SECONDLY'),
  fc.constantFrom('20260301T100000Z', '20260301T100000', '20260301', '20260229', '20240229T235960Z', '20260301T240000Z', '20261399', '1', '2', '7', '999999999'),
  fc.constantFrom('SU', 'MO', 'SA'),
  fc.array(item, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(',')),
);
const list = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<string> => fc.array(a, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(','));
/** Parts with values of their own kind (mostly valid), and any name with any value. */
const part = fc.oneof(
  fc.tuple(fc.constant('FREQ'), fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'HOURLY')),
  fc.tuple(fc.constantFrom('INTERVAL', 'COUNT'), fc.oneof(fc.integer({ min: 1, max: 30 }).map(String), fc.constantFrom('999999999'))),
  fc.tuple(fc.constant('UNTIL'), fc.constantFrom('20260301T100000Z', '20260301T100000', '20260301', '20240229', '20260229', '20240229T235960Z', '20260301T240000Z')),
  fc.tuple(fc.constant('WKST'), fc.constantFrom('SU', 'MO', 'SA')),
  fc.tuple(fc.constant('BYDAY'), list(fc.constantFrom('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU', '1MO', '-1FR', '+2SA', '53SU', '5TU'))),
  fc.tuple(fc.constantFrom('BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'BYYEARDAY', 'BYWEEKNO', 'BYHOUR', 'BYMINUTE', 'BYSECOND'), list(fc.constantFrom('1', '2', '-1', '12', '31', '-31', '53', '0', '59', '60', '366'))),
  fc.tuple(name, value),
);
const ruleText = fc
  .tuple(fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'), fc.array(part, { maxLength: 5 }), fc.boolean())
  .map(([freq, ps, withFreq]) => [...(withFreq ? [['FREQ', freq]] : []), ...ps].map(([n, v]) => `${n}=${v}`).join(';'));
const kind = fc.constantFrom(...KINDS);

/** Decoded values of other shapes: strings for numbers, lower case, empty lists, -0, day numbers out of range. */
const oddValue = fc.oneof(
  fc.constantFrom<unknown>('daily', 'WEEKLY', 5, 0, -0, 1.5, 8, 1_000_000_000, '5', [], [1, -0], [1, 'x'], ['MO', 'tu'], 'mo', null),
  fc.constantFrom<unknown>('2026-03-01', '2026-03-01T10:00:00Z', '2026-03-01T10:00:00', '2026-03-01t10:00:00Z', '2026-02-30', '2026-03-01T10:00:00+', '20260301'),
);
const oddData = fc.dictionary(fc.constantFrom('freq', 'interval', 'count', 'until', 'wkst', 'byday', 'bymonth', 'bysetpos', 'byhour', 'x-y', 'FREQ'), oddValue, { minKeys: 1 });

describe('convert/recurrence rrule-jcal (RRULE read from its decoded value)', () => {
  it('gives what parseRrule gives for the text of the lexer\'s and ical.js\'s decodings', () => {
    let direct = 0;
    fc.assert(
      fc.property(ruleText, kind, (text, k) => {
        // Texts ical.js rejects never reach a reader (the lexer or ical.js throws first).
        const fromLexer = decoded(() => recurFromIcal(text));
        if (fromLexer && assertSame(fromLexer, k)) direct++;
        const byIcal = decoded(() => stringToData(text, true));
        if (byIcal) assertSame(byIcal, k);
      }),
      { numRuns: 3000 },
    );
    assert.ok(direct > 300, `direct readings: ${direct}`);
  });

  it('gives what parseRrule gives, or nothing, for decoded values of other shapes', () => {
    fc.assert(fc.property(oddData, kind, (data, k) => void assertSame(data, k)), { numRuns: 3000 });
  });

  it('reads every RFC 5545 example directly, as parseRrule does', () => {
    for (const ex of RFC_EXAMPLES) {
      for (const k of KINDS) {
        const data = recurFromIcal(ex.rrule);
        const text = viaText(data, k);
        if (!('error' in (text as object))) assert.ok(assertSame(data, k), ex.title);
      }
    }
  });
});
