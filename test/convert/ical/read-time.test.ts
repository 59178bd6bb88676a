import assert from 'node:assert/strict';
import fc from 'fast-check';
import type ICAL from 'ical.js';
import type { EventTime } from '../../../src/model/index.js';
import type { VeventContext } from '../../../src/convert/ical/context.js';
import type { JcalProperty } from '../../../src/convert/ical/lex.js';
import { readTimeValue, type TimeReader } from '../../../src/convert/ical/read-time.js';
import { VeventProps } from '../../../src/convert/ical/vevent-props.js';

class Failed extends Error {}

const ctx: VeventContext = {
  vevent: ['vevent', [], []],
  component: () => undefined as unknown as ICAL.Component,
  props: [],
  index: new VeventProps([]),
  uid: 'u',
  lineOf: () => undefined,
  fail: (detail) => {
    throw new Failed(detail);
  },
  warn: () => undefined,
};
const times: TimeReader = { zone: (tz) => ({ kind: 'iana', tz }) };

/** The reading readTimeValue replaced: DATE-TIME values matched by a regex. */
function byRegex(raw: string, prop: JcalProperty): EventTime | string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return { kind: 'date', date: raw };
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(Z?)$/.exec(raw);
  if (!m) return `invalid date-time "${raw}"`;
  if (m[2] === 'Z') return { kind: 'zoned', local: m[1]!, tz: 'UTC' };
  return prop[1]['tzid'] ? { kind: 'zoned', local: m[1]!, tz: String(prop[1]['tzid']) } : { kind: 'floating', local: m[1]! };
}

function read(raw: string, prop: JcalProperty): EventTime | string {
  try {
    return readTimeValue(raw, prop, ctx, times);
  } catch (e) {
    if (e instanceof Failed) return e.message;
    throw e;
  }
}

describe('convert/ical/read-time readTimeValue', () => {
  it('reads DATE-TIME values as the regex did, valid or not (fast-check)', () => {
    const digit = fc.constantFrom('0', '1', '2', '5', '9', 'a', '٣', ' ');
    const sep = fc.constantFrom('-', ':', 'T', 'Z', 'z', '', '\n');
    const piece = fc.oneof(digit, sep, fc.string({ maxLength: 2 }));
    const nearly = fc.tuple(fc.date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }), fc.constantFrom('', 'Z', 'z', 'ZZ', '\n', ' '), fc.nat(24), piece)
      .map(([d, tail, at, p]) => {
        const s = `${d.toISOString().slice(0, 19)}${tail}`;
        return at < 20 && at % 3 === 0 ? s.slice(0, at) + p + s.slice(at + 1) : s;
      });
    const raw = fc.oneof(nearly, fc.array(piece, { maxLength: 22 }).map((a) => a.join('')));
    const prop = fc.constantFrom<JcalProperty>(['dtstart', {}, 'date-time', ''], ['dtstart', { tzid: 'Europe/Paris' }, 'date-time', '']);
    fc.assert(
      fc.property(raw, prop, (r, p) => {
        assert.deepEqual(read(r, p), byRegex(r, p));
      }),
      { numRuns: 20_000 },
    );
  });
});
