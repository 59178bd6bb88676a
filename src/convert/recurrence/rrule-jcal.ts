import type { ByDay, Frequency, RecurrenceRule } from '../../model/recurrence.js';
import { WEEKDAYS, type EventTime, type Weekday } from '../../model/time.js';
import { FREQUENCIES, LIST_PARTS, combinationProblem, inListRange, parseByDay, untilValue, type ListPartSpec } from './rrule-text.js';

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
        // ical.js's day numbers run from 1 = SU, in WEEKDAYS' order (Recur.numericDayToIcalDay).
        const day = typeof value === 'number' ? WEEKDAYS[value - 1] : WEEKDAYS.includes(value as Weekday) ? (value as Weekday) : undefined;
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
  return Number.isInteger(n) && !Object.is(n, -0) && inListRange(n as number, spec);
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
  return s.length === 10 ? untilValue(s, undefined, false) : untilValue(s.slice(0, 10), s.slice(11, 19), s.length === 20);
}
