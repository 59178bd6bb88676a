import ICAL from 'ical.js';
import { DESIGN } from './lex-names.js';

/**
 * RECUR values (RFC 5545 §3.3.10) decoded into the jCal data ical.js's recur type gives
 * (Recur._stringToData(text, true)), for the plain shape clients write: upper-case names, each
 * once, values in the canonical form. Anything else — lower case, X- parts, repeated names,
 * leading zeros or "+" signs, duplicate list values, values ical.js would reject — goes to ical.js
 * itself, so the result (and any error) is ical.js's. Proven equal by test/convert/ical/lex-recur.test.ts.
 */

type RecurData = Record<string, unknown>;

const RecurApi = ICAL.Recur as unknown as {
  _stringToData(text: string, fmtIcal: boolean): RecurData;
  icalDayToNumericDay(day: string): number;
};

const FREQS = new Set(['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
const DAY = /^(?:SU|MO|TU|WE|TH|FR|SA)$/;
/** ical.js's VALID_BYDAY_PART. */
const BYDAY_PART = /^([+-])?(5[0-3]|[1-4][0-9]|[1-9])?(SU|MO|TU|WE|TH|FR|SA)$/;
/** Positive counts without leading zeros; parseInt reads them as Number does. */
const POSITIVE = /^[1-9][0-9]{0,8}$/;
/** Integers without sign "+" or leading zeros: parseInt and the range check read them as Number does. */
const INTEGER = /^(?:0|-?[1-9][0-9]{0,2})$/;

/** ical.js's numeric BY parts: jCal key, range (partDesign), and a bit marking the part as seen. */
const NUMERIC_PARTS: ReadonlyMap<string, readonly [key: string, min: number, max: number, bit: number]> = new Map([
  ['BYSECOND', ['bysecond', 0, 60, 1 << 6]],
  ['BYMINUTE', ['byminute', 0, 59, 1 << 7]],
  ['BYHOUR', ['byhour', 0, 23, 1 << 8]],
  ['BYMONTHDAY', ['bymonthday', -31, 31, 1 << 9]],
  ['BYYEARDAY', ['byyearday', -366, 366, 1 << 10]],
  ['BYWEEKNO', ['byweekno', -53, 53, 1 << 11]],
  ['BYMONTH', ['bymonth', 1, 12, 1 << 12]],
  ['BYSETPOS', ['bysetpos', -366, 366, 1 << 13]],
]);

/** A numeric BY list as ical.js keeps it; undefined when not plain (duplicates: ical.js drops them). */
function numericList(value: string, min: number, max: number): unknown {
  const out: number[] = [];
  for (const item of value.split(',')) {
    if (!INTEGER.test(item)) return undefined;
    const n = Number(item);
    if (n < min || n > max || out.includes(n)) return undefined;
    out.push(n);
  }
  return out.length === 1 ? out[0] : out;
}

/** A BYDAY list as ical.js keeps it; undefined when not plain. */
function dayList(value: string): unknown {
  const out: string[] = [];
  for (const item of value.split(',')) {
    if (!BYDAY_PART.test(item) || out.includes(item)) return undefined;
    out.push(item);
  }
  return out.length === 1 ? out[0] : out;
}

/**
 * One NAME=value part into `dict`; returns the bits of the parts seen so far with this one added,
 * or -1 when the part is not plain (a name seen before included: ical.js lets the last one win).
 */
function plainPart(name: string, value: string, dict: RecurData, seen: number): number {
  switch (name) {
    case 'FREQ':
      if (seen & 1 || !FREQS.has(value)) return -1;
      dict.freq = value;
      return seen | 1;
    case 'COUNT':
      if (seen & 2 || !POSITIVE.test(value)) return -1;
      dict.count = Number(value);
      return seen | 2;
    case 'INTERVAL':
      if (seen & 4 || !POSITIVE.test(value)) return -1;
      dict.interval = Number(value);
      return seen | 4;
    case 'UNTIL':
      if (seen & 8) return -1;
      // ical.js picks the decoder by length alone.
      dict.until = DESIGN.value[value.length > 10 ? 'date-time' : 'date']!.fromICAL!(value, undefined);
      return seen | 8;
    case 'WKST':
      if (seen & 16 || !DAY.test(value)) return -1;
      dict.wkst = RecurApi.icalDayToNumericDay(value);
      return seen | 16;
    case 'BYDAY': {
      const list = seen & 32 ? undefined : dayList(value);
      if (list === undefined) return -1;
      dict.byday = list;
      return seen | 32;
    }
    default: {
      const part = NUMERIC_PARTS.get(name);
      const list = !part || seen & part[3] ? undefined : numericList(value, part[1], part[2]);
      if (list === undefined) return -1;
      dict[part![0]] = list;
      return seen | part![3];
    }
  }
}

/** The jCal data of a RECUR value, equal to ical.js's decoding (see above). */
export function recurFromIcal(text: string): RecurData {
  const dict = Object.create(null) as RecurData;
  let seen = 0;
  let from = 0;
  for (;;) {
    const semicolon = text.indexOf(';', from);
    const end = semicolon === -1 ? text.length : semicolon;
    const eq = text.indexOf('=', from);
    const nextEq = eq === -1 ? -1 : text.indexOf('=', eq + 1);
    // A part must be NAME=value with one "=" (ical.js keeps only what lies between the first two).
    if (eq === -1 || eq > end || (nextEq !== -1 && nextEq < end)) return RecurApi._stringToData(text, true);
    seen = plainPart(text.slice(from, eq), text.slice(eq + 1, end), dict, seen);
    if (seen === -1) return RecurApi._stringToData(text, true);
    if (semicolon === -1) return dict;
    from = semicolon + 1;
  }
}
