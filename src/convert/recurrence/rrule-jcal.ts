import type { ByDay, Frequency, RecurrenceRule } from '../../model/recurrence.js';
import type { EventTime, Weekday } from '../../model/time.js';
import { FREQUENCIES, LIST_PARTS, combinationProblem, isCalendarDate, parseByDay, type ListPartSpec } from './rrule-text.js';

/**
 * A RecurrenceRule read straight from a decoded RECUR value (jCal, RFC 7265 §3.6.10: lower-case
 * part names; numbers, strings or lists of them; UNTIL as YYYY-MM-DD[THH:MM:SS[Z]]; WKST also as
 * ical.js's day number, 1 = SU), instead of writing the value as text for parseRrule to split again.
 * Only for the plain form, and only when parseRrule would accept the written text: the result is
 * then parseRrule's, key order included. Anything else gives undefined, and the caller goes through
 * the text, so parseRrule decides and names the offending part (proven equal by
 * test/convert/recurrence/rrule-jcal.test.ts).
 */

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** LIST_PARTS by jCal name. */
const LIST_PARTS_BY_KEY: ReadonlyMap<string, ListPartSpec> = new Map(Object.entries(LIST_PARTS).map(([name, spec]) => [name.toLowerCase(), spec]));
/** ical.js's day numbers (Recur.numericDayToIcalDay for 1-7). */
const DAY_NUMBERS: readonly Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
/** The largest COUNT or INTERVAL parseRrule takes (nine digits). */
const MAX_POSITIVE = 999_999_999;

export function ruleFromJcalRecur(recur: Readonly<Record<string, unknown>>, dtstartKind: EventTime['kind']): RecurrenceRule | undefined {
  const rule: Partial<Mutable<RecurrenceRule>> = {};
  for (const key of Object.keys(recur)) {
    const value = recur[key];
    switch (key) {
      case 'freq':
        if (!FREQUENCIES.includes(value as Frequency)) return undefined;
        rule.freq = value as Frequency;
        break;
      case 'interval':
      case 'count':
        if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_POSITIVE) return undefined;
        if (key === 'interval') rule.interval = value as number;
        else rule.count = value as number;
        break;
      case 'until': {
        const until = typeof value === 'string' ? untilOf(value) : undefined;
        if (!until) return undefined;
        rule.until = until;
        break;
      }
      case 'wkst': {
        const day = typeof value === 'number' ? DAY_NUMBERS[value - 1] : DAY_NUMBERS.includes(value as Weekday) ? (value as Weekday) : undefined;
        if (day === undefined) return undefined;
        rule.wkst = day;
        break;
      }
      case 'byday': {
        const days = byDays(value);
        if (!days) return undefined;
        rule.byDay = days;
        break;
      }
      default: {
        const spec = LIST_PARTS_BY_KEY.get(key);
        const list = spec ? integers(value, spec) : undefined;
        if (!list) return undefined;
        rule[spec!.field] = list;
      }
    }
  }
  if (!rule.freq || (rule.count !== undefined && rule.until !== undefined)) return undefined;
  if (combinationProblem(rule as RecurrenceRule, dtstartKind)) return undefined;
  rule.interval ??= 1;
  return rule as RecurrenceRule;
}

/** A BY list of integers as parseRrule reads its text (one value or a non-empty list; no -0, which the text writes as 0). */
function integers(value: unknown, spec: ListPartSpec): number[] | undefined {
  if (!Array.isArray(value)) return isListInteger(value, spec) ? [value] : undefined;
  if (value.length === 0) return undefined;
  for (const n of value) if (!isListInteger(n, spec)) return undefined;
  return value.slice() as number[];
}

function isListInteger(n: unknown, spec: ListPartSpec): n is number {
  if (!Number.isInteger(n) || Object.is(n, -0)) return false;
  const v = n as number;
  const abs = Math.abs(v);
  return abs >= spec.min && abs <= spec.max && (v >= 0 || spec.signed) && !(spec.signed && v === 0);
}

function byDays(value: unknown): ByDay[] | undefined {
  const items: readonly unknown[] = Array.isArray(value) ? value : [value];
  if (items.length === 0) return undefined;
  const out: ByDay[] = [];
  for (const item of items) {
    const day = typeof item === 'string' ? parseByDay(item) : undefined;
    if (!day) return undefined;
    out.push(day);
  }
  return out;
}

const isDigit = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** Digits where `pattern` has 'd', the pattern's own character elsewhere. */
function fits(s: string, pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) if (pattern[i] === 'd' ? !isDigit(s, i) : s[i] !== pattern[i]) return false;
  return true;
}

/** UNTIL in jCal form as parseRrule reads ical.js's writing of it; undefined unless that is valid. */
function untilOf(s: string): EventTime | undefined {
  const date = s.length === 10 || s.length === 19 || (s.length === 20 && s[19] === 'Z');
  if (!date || !fits(s, s.length === 10 ? 'dddd-dd-dd' : 'dddd-dd-ddTdd:dd:dd')) return undefined;
  if (!isCalendarDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)))) return undefined;
  if (s.length === 10) return { kind: 'date', date: s };
  if (Number(s.slice(11, 13)) > 23 || Number(s.slice(14, 16)) > 59 || Number(s.slice(17, 19)) > 60) return undefined;
  const local = s.slice(0, 19);
  return s.length === 20 ? { kind: 'zoned', local, tz: 'UTC' } : { kind: 'floating', local };
}
