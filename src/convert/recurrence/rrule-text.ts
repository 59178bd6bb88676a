import { epochMsToLocal, localToEpochMs } from '../../model/instant.js';
import type { ByDay, Frequency, RecurrenceRule } from '../../model/recurrence.js';
import { type EventTime, WEEKDAYS, type Weekday } from '../../model/time.js';

/**
 * RRULE value text ⇄ RecurrenceRule (RFC 5545 §3.3.10). Parsing is strict and done here rather
 * than with rrule's `RRule.parseString`, which accepts `COUNT=abc` and turns `BYDAY=XX` into
 * `undefined`: a sync daemon must reject such rules with the offending part named, not guess.
 */

export class RruleParseError extends Error {
  constructor(
    readonly rrule: string,
    /** The offending `NAME=VALUE` part (or the whole value). */
    readonly part: string,
    reason: string,
  ) {
    super(`invalid RRULE "${rrule}": ${part}: ${reason}`);
    this.name = 'RruleParseError';
  }
}

export const FREQUENCIES: readonly Frequency[] = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type ListPart = 'bySecond' | 'byMinute' | 'byHour' | 'byMonthDay' | 'byYearDay' | 'byWeekNo' | 'byMonth' | 'bySetPos';
export interface ListPartSpec {
  readonly field: ListPart;
  readonly min: number;
  readonly max: number;
  readonly signed: boolean;
}

/** Integer list parts: name, model field, allowed range, whether negatives are allowed. */
export const LIST_PARTS: Readonly<Record<string, ListPartSpec>> = {
  BYSECOND: { field: 'bySecond', min: 0, max: 60, signed: false },
  BYMINUTE: { field: 'byMinute', min: 0, max: 59, signed: false },
  BYHOUR: { field: 'byHour', min: 0, max: 23, signed: false },
  BYMONTHDAY: { field: 'byMonthDay', min: 1, max: 31, signed: true },
  BYYEARDAY: { field: 'byYearDay', min: 1, max: 366, signed: true },
  BYWEEKNO: { field: 'byWeekNo', min: 1, max: 53, signed: true },
  BYMONTH: { field: 'byMonth', min: 1, max: 12, signed: false },
  BYSETPOS: { field: 'bySetPos', min: 1, max: 366, signed: true },
};

const INT_RE = /^[+-]?\d{1,3}$/;
const BYDAY_RE = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;
const UNTIL_RE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/;

/**
 * Parse an RRULE value ("FREQ=…;…", an optional leading "RRULE:" is accepted). `dtstartKind` is the
 * kind of the series' DTSTART: time-of-day parts are refused on all-day series (RFC 5545 §3.3.10).
 */
export function parseRrule(value: string, dtstartKind: EventTime['kind']): RecurrenceRule {
  const text = value.trim().replace(/^RRULE:/i, '');
  const rule: Partial<Mutable<RecurrenceRule>> = {};
  const seen = new Set<string>();
  for (const part of text.split(';')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) fail(value, part, 'expected NAME=VALUE');
    const name = part.slice(0, eq).toUpperCase();
    const val = part.slice(eq + 1).toUpperCase();
    if (seen.has(name)) fail(value, part, 'part given twice');
    seen.add(name);
    if (val === '') fail(value, part, 'empty value');
    const list = LIST_PARTS[name];
    if (list) {
      rule[list.field] = intList(val, list, value, part);
      continue;
    }
    switch (name) {
      case 'FREQ':
        if (!FREQUENCIES.includes(val as Frequency)) fail(value, part, 'unknown frequency');
        rule.freq = val as Frequency;
        break;
      case 'INTERVAL':
      case 'COUNT': {
        const n = /^\d{1,9}$/.test(val) ? Number(val) : 0;
        if (n < 1) fail(value, part, 'must be a positive integer');
        if (name === 'INTERVAL') rule.interval = n;
        else rule.count = n;
        break;
      }
      case 'UNTIL':
        rule.until = parseUntil(val) ?? fail(value, part, 'not a DATE or DATE-TIME');
        break;
      case 'BYDAY':
        rule.byDay = byDayList(val, value, part);
        break;
      case 'WKST':
        if (!WEEKDAYS.includes(val as Weekday)) fail(value, part, 'not a weekday');
        rule.wkst = val as Weekday;
        break;
      default:
        fail(value, part, 'unsupported rule part');
    }
  }
  if (!rule.freq) return fail(value, text, 'FREQ is required');
  if (rule.count !== undefined && rule.until !== undefined) fail(value, text, 'COUNT and UNTIL exclude each other');
  const problem = combinationProblem(rule as RecurrenceRule, dtstartKind);
  if (problem) fail(value, problem[0], problem[1]);
  // INTERVAL defaults to 1 (RFC 5545 §3.3.10), added last as a spread would; the rule is not copied.
  rule.interval ??= 1;
  return rule as RecurrenceRule;
}

/** RFC 5545 §3.3.10 restrictions on which parts go with which frequency: the first broken one as [part, reason]. */
export function combinationProblem(rule: RecurrenceRule, dtstartKind: EventTime['kind']): readonly [part: string, reason: string] | undefined {
  const nth = rule.byDay?.some((d) => d.nth !== undefined) ?? false;
  if (nth && rule.freq !== 'MONTHLY' && rule.freq !== 'YEARLY') return ['BYDAY', `ordinals need MONTHLY or YEARLY, not ${rule.freq}`];
  if (nth && rule.freq === 'YEARLY' && rule.byWeekNo) return ['BYDAY', 'ordinals cannot go with BYWEEKNO'];
  if (rule.byDay?.some((d) => d.nth !== undefined && (d.nth === 0 || Math.abs(d.nth) > 53))) return ['BYDAY', 'ordinal out of range'];
  if (rule.byWeekNo && rule.freq !== 'YEARLY') return ['BYWEEKNO', 'only with FREQ=YEARLY'];
  if (rule.byYearDay && ['DAILY', 'WEEKLY', 'MONTHLY'].includes(rule.freq)) return ['BYYEARDAY', `not with FREQ=${rule.freq}`];
  if (rule.byMonthDay && rule.freq === 'WEEKLY') return ['BYMONTHDAY', 'not with FREQ=WEEKLY'];
  if (rule.bySetPos) {
    const others = [rule.byDay, rule.byMonthDay, rule.byMonth, rule.byYearDay, rule.byWeekNo, rule.byHour, rule.byMinute, rule.bySecond];
    if (!others.some((o) => o !== undefined)) return ['BYSETPOS', 'needs another BYxxx part'];
  }
  if (dtstartKind === 'date' && (rule.byHour || rule.byMinute || rule.bySecond)) {
    return ['BYHOUR/BYMINUTE/BYSECOND', 'not allowed when DTSTART is a DATE'];
  }
  if (dtstartKind === 'date' && ['HOURLY', 'MINUTELY', 'SECONDLY'].includes(rule.freq)) {
    return [`FREQ=${rule.freq}`, 'sub-daily frequency with a DATE DTSTART'];
  }
  return undefined;
}

/** An integer BY list; loops rather than map callbacks, which would be closures made per part. */
/** Whether the integer `n` is allowed in a BY list of this spec (range by absolute value; 0 never where negatives are). */
export function inListRange(n: number, list: Pick<ListPartSpec, 'min' | 'max' | 'signed'>): boolean {
  const abs = Math.abs(n);
  return abs >= list.min && abs <= list.max && (n >= 0 || list.signed) && !(list.signed && n === 0);
}

function intList(val: string, list: Pick<ListPartSpec, 'min' | 'max' | 'signed'>, value: string, part: string): number[] {
  const out: number[] = [];
  for (const item of val.split(',')) {
    const n = INT_RE.test(item) ? Number(item) : NaN;
    if (!Number.isInteger(n) || !inListRange(n, list)) fail(value, part, `"${item}" is out of range`);
    out.push(n);
  }
  return out;
}

function byDayList(val: string, value: string, part: string): ByDay[] {
  const out: ByDay[] = [];
  for (const item of val.split(',')) out.push(parseByDay(item) ?? fail(value, part, `"${item}" is not a weekday`));
  return out;
}

/** A module-level thrower, not a closure per parse: tsx's keepNames wraps every named closure it makes. */
function fail(rrule: string, part: string, reason: string): never {
  throw new RruleParseError(rrule, part, reason);
}

export function parseByDay(item: string): ByDay | undefined {
  const m = BYDAY_RE.exec(item);
  if (!m) return undefined;
  const day = m[2] as Weekday;
  return m[1] === undefined ? { day } : { day, nth: Number(m[1]) };
}

/** A real day of the proleptic Gregorian calendar (what Date accepts for YYYY-MM-DD and gives back). */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

function parseUntil(val: string): EventTime | undefined {
  const m = UNTIL_RE.exec(val);
  return m ? untilValue(`${m[1]}-${m[2]}-${m[3]}`, m[4] === undefined ? undefined : `${m[4]}:${m[5]}:${m[6]}`, m[7] === 'Z') : undefined;
}

/**
 * UNTIL from its digits in place, date 'YYYY-MM-DD' and time 'HH:MM:SS' (none for a DATE), in UTC or
 * floating; undefined unless the date is a real day and the time a real time (a leap second allowed).
 */
export function untilValue(date: string, time: string | undefined, utc: boolean): EventTime | undefined {
  if (!isCalendarDate(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)))) return undefined;
  if (time === undefined) return { kind: 'date', date };
  if (Number(time.slice(0, 2)) > 23 || Number(time.slice(3, 5)) > 59 || Number(time.slice(6, 8)) > 60) return undefined;
  const local = `${date}T${time}`;
  return utc ? { kind: 'zoned', local, tz: 'UTC' } : { kind: 'floating', local };
}

/**
 * Canonical RRULE text: FREQ, INTERVAL (when not 1), COUNT, UNTIL, BYMONTH, BYWEEKNO, BYYEARDAY,
 * BYMONTHDAY, BYDAY, BYHOUR, BYMINUTE, BYSECOND, BYSETPOS, WKST. A zoned UNTIL is written in UTC.
 */
export function formatRrule(rule: RecurrenceRule): string {
  const parts: string[] = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  if (rule.until !== undefined) parts.push(`UNTIL=${formatUntil(rule.until)}`);
  pushList(parts, 'BYMONTH', rule.byMonth);
  pushList(parts, 'BYWEEKNO', rule.byWeekNo);
  pushList(parts, 'BYYEARDAY', rule.byYearDay);
  pushList(parts, 'BYMONTHDAY', rule.byMonthDay);
  if (rule.byDay) parts.push(`BYDAY=${rule.byDay.map((d) => `${d.nth ?? ''}${d.day}`).join(',')}`);
  pushList(parts, 'BYHOUR', rule.byHour);
  pushList(parts, 'BYMINUTE', rule.byMinute);
  pushList(parts, 'BYSECOND', rule.bySecond);
  pushList(parts, 'BYSETPOS', rule.bySetPos);
  if (rule.wkst !== undefined) parts.push(`WKST=${rule.wkst}`);
  return parts.join(';');
}

function pushList(parts: string[], name: string, values: readonly number[] | undefined): void {
  if (values) parts.push(`${name}=${values.join(',')}`);
}

const compact = (s: string): string => s.replace(/[-:]/g, '');

function formatUntil(until: EventTime): string {
  switch (until.kind) {
    case 'date':
      return compact(until.date);
    case 'floating':
      return compact(until.local);
    case 'zoned':
      return `${compact(epochMsToLocal(localToEpochMs(until.local, until.tz), 'UTC'))}Z`;
  }
}
