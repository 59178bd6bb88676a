import ICAL from 'ical.js';
import type { RecurrenceRule } from '../../model/index.js';
import { formatRrule } from './deps.js';

interface RecurData {
  readonly until?: string;
  readonly count?: number;
}

interface RecurDesign {
  fromICAL(value: string): RecurData;
  toICAL(data: RecurData): string;
}

const RECUR = (ICAL.design.icalendar.value as Readonly<Record<string, unknown>>).recur as RecurDesign;

export interface RruleOut {
  /** The RRULE value. */
  readonly text: string;
  /** UNTIL's year, which the VTIMEZONEs must reach. */
  readonly untilYear?: number;
  readonly count?: number;
}

/** The ranges ical.js accepts for the numeric BY* parts (recur.js partDesign). */
const NUMERIC_PARTS: readonly (readonly [keyof RecurrenceRule, number, number])[] = [
  ['bySecond', 0, 60],
  ['byMinute', 0, 59],
  ['byHour', 0, 23],
  ['byMonthDay', -31, 31],
  ['byYearDay', -366, 366],
  ['byWeekNo', -53, 53],
  ['byMonth', 1, 12],
  ['bySetPos', -366, 366],
];

const distinct = (values: readonly unknown[]): boolean => new Set(values).size === values.length;
const FREQS = new Set(['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
const DAYS = new Set(['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/**
 * Whether ical.js would read formatRrule's text and write it back unchanged: INTERVAL of at least 1,
 * integral COUNT, an UNTIL in basic form, non-empty BY* lists of distinct in-range values, BYDAY
 * ordinals 1..53 (recur.js's optionDesign and partDesign). Anything else goes through ical.js, which
 * normalizes it (or rejects it): checking is cheaper than its parse and write-back on every series.
 */
function icalWritesAsIs(rule: RecurrenceRule): boolean {
  if (!FREQS.has(rule.freq) || (rule.wkst !== undefined && !DAYS.has(rule.wkst))) return false;
  if (!Number.isSafeInteger(rule.interval) || rule.interval < 1) return false;
  if (rule.count !== undefined && !Number.isSafeInteger(rule.count)) return false;
  const until = rule.until;
  if (until?.kind === 'date' && !DATE.test(until.date)) return false;
  // A zoned UNTIL is converted to UTC: a year off the four-digit range could change its width.
  if (until && until.kind !== 'date' && (!LOCAL.test(until.local) || until.local < '1000' || until.local >= '9998')) return false;
  for (const [key, min, max] of NUMERIC_PARTS) {
    const values = rule[key] as readonly number[] | undefined;
    if (values && (values.length === 0 || !distinct(values) || !values.every((v) => Number.isSafeInteger(v) && v >= min && v <= max))) return false;
  }
  const byDay = rule.byDay;
  if (byDay && (byDay.length === 0 || !distinct(byDay.map((d) => `${d.nth ?? ''}${d.day}`)))) return false;
  return !byDay || byDay.every((d) => DAYS.has(d.day) && (d.nth === undefined || (Number.isSafeInteger(d.nth) && d.nth !== 0 && Math.abs(d.nth) <= 53)));
}

/** RRULE exactly as ical.js writes it back from formatRrule's text, so a new object says what a patched one would. */
export function rruleOut(rule: RecurrenceRule): RruleOut {
  const text = formatRrule(rule);
  if (icalWritesAsIs(rule)) {
    const at = text.indexOf(';UNTIL=');
    return {
      text,
      ...(at >= 0 ? { untilYear: Number(text.slice(at + 7, at + 11)) } : {}),
      ...(rule.count !== undefined ? { count: rule.count } : {}),
    };
  }
  const data = RECUR.fromICAL(text);
  return {
    text: RECUR.toICAL(data),
    ...(data.until !== undefined ? { untilYear: Number(data.until.slice(0, 4)) } : {}),
    ...(data.count !== undefined ? { count: data.count } : {}),
  };
}
