import type { RecurrenceRule } from '../../model/recurrence.js';
import { DAY_MS, type WallMs } from './wall.js';

/**
 * rrule (like ical.js) always iterates from DTSTART, so a daily series started ten years ago
 * costs thousands of steps per window. A rule without COUNT repeats with its period (INTERVAL ×
 * FREQ), so moving DTSTART forward by whole periods yields the same occurrences from the new
 * DTSTART on — provided the defaults RFC 5545 takes from DTSTART (BYMONTHDAY, BYMONTH, BYDAY,
 * time of day) are first written out explicitly. The new DTSTART stays a whole period before
 * `fromWall`, so the partial first period never reaches the window. The original DTSTART (which
 * always counts) is the caller's business.
 */

const FIXED_PERIOD_MS: Readonly<Partial<Record<RecurrenceRule['freq'], number>>> = {
  SECONDLY: 1000,
  MINUTELY: 60_000,
  HOURLY: 3_600_000,
  DAILY: DAY_MS,
  WEEKLY: 7 * DAY_MS,
};

export interface Rebased {
  readonly rule: RecurrenceRule;
  readonly dtstart: WallMs;
}

export function skipAhead(rule: RecurrenceRule, dtstart: WallMs, fromWall: WallMs): Rebased {
  if (rule.count !== undefined) return { rule, dtstart };
  const fixed = FIXED_PERIOD_MS[rule.freq];
  if (fixed !== undefined) {
    const period = fixed * rule.interval;
    const k = Math.floor((fromWall - dtstart) / period) - 1;
    return k > 0 ? { rule, dtstart: dtstart + k * period } : { rule, dtstart };
  }
  const d = new Date(dtstart);
  const from = new Date(fromWall);
  const months = rule.freq === 'MONTHLY' ? 1 : 12;
  const elapsed = (from.getUTCFullYear() - d.getUTCFullYear()) * 12 + (from.getUTCMonth() - d.getUTCMonth());
  const k = Math.floor(elapsed / (months * rule.interval)) - 1;
  if (k <= 0) return { rule, dtstart };
  const shiftedMonth = d.getUTCMonth() + k * months * rule.interval;
  // Periods start on the 1st (MONTHLY) or Jan 1 (YEARLY, month offset is a multiple of 12).
  const newStart = Date.UTC(d.getUTCFullYear(), shiftedMonth, 1);
  return { rule: withExplicitDefaults(rule, dtstart), dtstart: newStart };
}

/** RFC 5545 §3.3.10: parts missing from a MONTHLY/YEARLY rule are taken from DTSTART. */
function withExplicitDefaults(rule: RecurrenceRule, dtstart: WallMs): RecurrenceRule {
  const d = new Date(dtstart);
  const out: { -readonly [K in keyof RecurrenceRule]: RecurrenceRule[K] } = { ...rule };
  out.bySecond ??= [d.getUTCSeconds()];
  out.byMinute ??= [d.getUTCMinutes()];
  out.byHour ??= [d.getUTCHours()];
  if (!rule.byWeekNo && !rule.byYearDay && !rule.byMonthDay && !rule.byDay) {
    if (rule.freq === 'YEARLY') out.byMonth ??= [d.getUTCMonth() + 1];
    out.byMonthDay = [d.getUTCDate()];
  }
  return out;
}

