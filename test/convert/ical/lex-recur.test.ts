import assert from 'node:assert/strict';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { recurFromIcal } from '../../../src/convert/ical/lex-recur.js';

const stringToData = (ICAL.Recur as unknown as { _stringToData(text: string, fmtIcal: boolean): unknown })._stringToData;

/** A decoder's data (prototype and key order included, by JSON text and deep equality) or its error message. */
function outcome(decode: () => unknown): unknown {
  try {
    const data = decode();
    return { data, json: JSON.stringify(data), proto: Object.getPrototypeOf(data) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function assertSame(text: string): void {
  assert.deepStrictEqual(outcome(() => recurFromIcal(text)), outcome(() => stringToData(text, true)), JSON.stringify(text));
}

const name = fc.constantFrom(
  'FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'WKST', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'BYYEARDAY', 'BYWEEKNO',
  'BYHOUR', 'BYMINUTE', 'BYSECOND', 'freq', 'Byday', 'until', 'X-NAME', 'toString', 'constructor', '__proto__', '', 'RSCALE',
);
const item = fc.oneof(
  fc.constantFrom('MO', 'TU', 'WE', 'th', 'SU', '1MO', '-1FR', '+2SA', '53SU', '54SU', '05MO', '0MO'),
  fc.constantFrom('0', '1', '-1', '12', '13', '31', '-31', '32', '60', '366', '-367', '+5', '01', '-0', '1.5', '1e2', ' 1', 'x', ''),
);
const value = fc.oneof(
  fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'HOURLY', 'weekly', 'FORTNIGHTLY'),
  fc.constantFrom('20260301T100000Z', '20260301T100000', '20260301', '2026-03-01', '20261399', '1', '0', '-2', '007', '999999999', '1000000000'),
  fc.array(item, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(',')),
  fc.string({ maxLength: 6 }),
);
const part = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(name, value).map(([n, v]) => `${n}=${v}`) },
  { weight: 1, arbitrary: fc.constantFrom('FREQ', 'FREQ=DAILY=X', '=', 'BYDAY=MO=TU', '') },
);
const rule = fc.array(part, { minLength: 1, maxLength: 6 }).map((ps) => ps.join(';'));

describe('recurFromIcal', () => {
  it('decodes the rules clients write as ical.js does', () => {
    for (const text of [
      'FREQ=WEEKLY;BYDAY=MO,TU;UNTIL=20260601T000000Z',
      'FREQ=DAILY;COUNT=10',
      'FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR;UNTIL=20261231',
      'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15;WKST=MO',
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
      'freq=weekly;byday=mo',
      'FREQ=WEEKLY;BYDAY=MO,MO;X-FOO=bar',
      'FREQ=DAILY;INTERVAL=0',
      'FREQ=DAILY;COUNT=x',
    ]) assertSame(text);
  });

  it('equals ical.js over arbitrary rule texts (any case, X- parts, odd orders, repeats, bad values)', () => {
    fc.assert(fc.property(rule, (text) => assertSame(text)), { numRuns: 20000 });
  });
});
