import type { RecurrenceRule } from '../../model/recurrence.js';
import { civilOfDay, daysFromCivil, daysInMonth, weekdayOfDay, type Weekday } from '../../model/time.js';
import { DAY_MS, type WallMs } from './wall.js';

/**
 * A fast, exact generator for the rule shapes calendars actually use (every Graph pattern: DAILY;
 * WEEKLY with BYDAY/WKST/INTERVAL; MONTHLY and YEARLY with BYMONTHDAY incl. negatives, BYDAY with
 * or without ordinals, BYSETPOS; COUNT). It walks calendar days by arithmetic where rrule builds
 * year masks per period, and it starts near the window instead of at DTSTART when there is no COUNT.
 * Its contract is rrule's own reading of the rule (rrule-engine.ts), which a property test checks
 * (test/convert/recurrence/walk.test.ts): any shape not handled here returns false and goes to rrule.
 */

export type WallVisitor = (wall: WallMs) => boolean;

const WEEKDAY_INDEX: Readonly<Record<Weekday, number>> = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 };
/** rrule iterates up to this year (its MAXYEAR) and stops there. */
const LAST_DAY = daysFromCivil(10_000, 1, 1);

interface Plan {
  readonly freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  readonly interval: number;
  readonly count: number | undefined;
  /** BYMONTH as a bit set (bit m for month m); for YEARLY, the months visited. 0 = every month. */
  readonly months: number;
  /** Plain BYDAY weekdays as a bit set (bit 0 = Monday); 0 = no such filter. */
  readonly weekdays: number;
  /** BYDAY with ordinals (MONTHLY/YEARLY only), per month; undefined = no such filter. */
  readonly nth: readonly { readonly wd: number; readonly n: number }[] | undefined;
  /** BYMONTHDAY; undefined = no such filter. */
  readonly monthDays: readonly number[] | undefined;
  readonly setPos: readonly number[] | undefined;
}

/** Absent, or a non-empty list of integers that all pass `ok`. */
function ints(xs: readonly number[] | undefined, ok: (n: number) => boolean): boolean {
  if (xs === undefined) return true;
  if (xs.length === 0) return false;
  for (const n of xs) if (!Number.isInteger(n) || !ok(n)) return false;
  return true;
}

// Module-level predicates: planOf runs for every expansion, and closures made per call cost allocations.
const isMonth = (m: number): boolean => m >= 1 && m <= 12;
const isMonthDay = (d: number): boolean => d !== 0;
const isSetPos = (p: number): boolean => p !== 0 && p >= -366 && p <= 366;

/** The rule as a plan, or undefined when its shape is one this walker leaves to rrule. */
function planOf(rule: RecurrenceRule, dtstart: WallMs): Plan | undefined {
  const { freq, byDay, byMonth, byMonthDay, bySetPos } = rule;
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY' && freq !== 'YEARLY') return undefined;
  if (rule.byYearDay || rule.byWeekNo || rule.byHour || rule.byMinute || rule.bySecond) return undefined;
  if (!Number.isInteger(rule.interval) || rule.interval < 1) return undefined;
  if (rule.count !== undefined && !(Number.isInteger(rule.count) && rule.count > 0)) return undefined;
  if (byDay?.length === 0 || !ints(byMonth, isMonth) || !ints(byMonthDay, isMonthDay)) return undefined;
  if (!ints(bySetPos, isSetPos)) return undefined;
  const periodic = freq === 'MONTHLY' || freq === 'YEARLY';
  if (bySetPos && !periodic) return undefined;
  if (byMonthDay && freq === 'WEEKLY') return undefined;
  // Plain weekdays as bits, ordinals per month; rrule reads an ordinal only for MONTHLY/YEARLY (a 0 or
  // absent one means every such weekday).
  let weekdays = 0;
  let nth: { wd: number; n: number }[] | undefined;
  for (const d of byDay ?? []) {
    if (d.nth !== undefined && !Number.isInteger(d.nth)) return undefined;
    if (periodic && d.nth) (nth ??= []).push({ wd: WEEKDAY_INDEX[d.day], n: d.nth });
    else weekdays |= 1 << WEEKDAY_INDEX[d.day];
  }
  const start = civilOfDay(Math.floor(dtstart / DAY_MS));
  // RFC 5545 §3.3.10 (and rrule): parts a rule leaves out are taken from DTSTART.
  const defaults = !byDay && !byMonthDay;
  if (freq === 'YEARLY' && !byMonth && !defaults) return undefined;
  let months = 0;
  for (const m of byMonth ?? []) months |= 1 << m;
  if (freq === 'YEARLY' && defaults && !byMonth) months = 1 << start.m;
  return {
    freq,
    interval: rule.interval,
    count: rule.count,
    months,
    weekdays: freq === 'WEEKLY' && defaults ? 1 << weekdayOfDay(Math.floor(dtstart / DAY_MS)) : weekdays,
    nth,
    monthDays: byMonthDay ?? (periodic && defaults ? [start.d] : undefined),
    setPos: bySetPos,
  };
}

/** Bit i set ⇔ day i+1 of month m of year y passes the plan's day filters. */
function monthMask(plan: Plan, y: number, m: number): number {
  const len = daysInMonth(y, m);
  const firstWd = weekdayOfDay(daysFromCivil(y, m, 1));
  let mask = len === 31 ? 0x7fffffff : (1 << len) - 1;
  if (plan.weekdays !== 0) {
    let bits = 0;
    for (let i = 0; i < len; i++) if (plan.weekdays & (1 << ((firstWd + i) % 7))) bits |= 1 << i;
    mask &= bits;
  }
  if (plan.nth) {
    let bits = 0;
    const lastWd = (firstWd + len - 1) % 7;
    for (const { wd, n } of plan.nth) {
      const i = n > 0 ? ((wd - firstWd + 7) % 7) + (n - 1) * 7 : len - 1 - ((lastWd - wd + 7) % 7) + (n + 1) * 7;
      if (i >= 0 && i < len) bits |= 1 << i;
    }
    mask &= bits;
  }
  if (plan.monthDays) {
    let bits = 0;
    for (const d of plan.monthDays) {
      const i = d > 0 ? d - 1 : len + d;
      if (i >= 0 && i < len) bits |= 1 << i;
    }
    mask &= bits;
  }
  return mask;
}

/** Day numbers of the set bits of a month mask, appended in order. */
function pushDays(mask: number, firstDay: number, out: number[]): void {
  for (let bits = mask, i = 0; bits !== 0; bits >>>= 1, i++) if (bits & 1) out.push(firstDay + i);
}

/**
 * BYSETPOS as rrule applies it (buildPoslist): positions in the period's whole set, earlier days
 * included; a negative position beyond the set's size takes its first element (Array#slice), and two
 * positions naming one day yield it twice (rrule compares Date objects by identity), COUNT counting both.
 */
function selectPositions(days: readonly number[], setPos: readonly number[]): number[] {
  if (days.length === 0) return [];
  const picked: number[] = [];
  for (const p of setPos) {
    const day = p > 0 ? days[p - 1] : days[Math.max(0, days.length + p)];
    if (day !== undefined) picked.push(day);
  }
  return picked.sort((a, b) => a - b);
}

/**
 * Calls `visit` with each wall time ≥ dtstart that `rule` generates in [fromWall, toWall], in order,
 * COUNT counted from dtstart (as rrule's `between(from, to, true)` does) until `visit` returns false.
 * Returns false, having visited nothing, when the rule's shape is not one it handles.
 */
export function walkWalls(rule: RecurrenceRule, dtstart: WallMs, fromWall: WallMs, toWall: WallMs, visit: WallVisitor): boolean {
  const plan = planOf(rule, dtstart);
  if (!plan) return false;
  const out = new Emitter(dtstart, fromWall, toWall, plan.count ?? Number.POSITIVE_INFINITY, visit);
  const d0 = Math.floor(dtstart / DAY_MS);
  const fromDay = Math.floor(Math.max(fromWall, dtstart) / DAY_MS);
  const lastDay = Math.min(LAST_DAY, Math.floor(toWall / DAY_MS) + 1);
  switch (plan.freq) {
    case 'DAILY':
      walkDaily(plan, d0, fromDay, lastDay, out);
      return true;
    case 'WEEKLY': {
      const wkst = WEEKDAY_INDEX[rule.wkst ?? 'MO'];
      const weekStart = d0 - ((weekdayOfDay(d0) - wkst + 7) % 7);
      const step = 7 * plan.interval;
      for (let ws = weekStart + periodsToSkip(plan, (fromDay - weekStart) / step) * step; ws < lastDay; ws += step) {
        // Every week starts on WKST, so day ws + i is weekday wkst + i.
        for (let i = 0; i < 7; i++) {
          const day = ws + i;
          if (day < d0 || !(plan.weekdays & (1 << ((wkst + i) % 7)))) continue;
          if (plan.months !== 0 && !(plan.months & (1 << civilOfDay(day).m))) continue;
          if (!out.day(day)) return true;
        }
      }
      return true;
    }
    case 'MONTHLY':
    case 'YEARLY': {
      const start = civilOfDay(d0);
      const from = civilOfDay(fromDay);
      const monthly = plan.freq === 'MONTHLY';
      const step = monthly ? plan.interval : 12 * plan.interval;
      const m0 = start.y * 12 + start.m - 1;
      const elapsed = monthly ? from.y * 12 + from.m - 1 - m0 : from.y - start.y;
      for (let mi = (monthly ? m0 : start.y * 12) + periodsToSkip(plan, elapsed / plan.interval) * step; ; mi += step) {
        const y = Math.floor(mi / 12);
        if (daysFromCivil(y, (mi % 12) + 1, 1) >= lastDay) return true;
        const days: number[] = [];
        for (let m = monthly ? (mi % 12) + 1 : 1; m <= (monthly ? (mi % 12) + 1 : 12); m++) {
          if (plan.months !== 0 && !(plan.months & (1 << m))) continue;
          pushDays(monthMask(plan, y, m), daysFromCivil(y, m, 1), days);
        }
        for (const day of plan.setPos ? selectPositions(days, plan.setPos) : days) if (!out.day(day)) return true;
      }
    }
  }
}

/** Without COUNT nothing before the window matters: start a period before it (with one, count from DTSTART). */
function periodsToSkip(plan: Plan, periods: number): number {
  return plan.count === undefined ? Math.max(0, Math.floor(periods) - 1) : 0;
}

/** Candidate days in order → the visited walls, COUNT and window applied. */
class Emitter {
  private readonly timeOfDay: number;

  constructor(
    private readonly dtstart: WallMs,
    private readonly fromWall: WallMs,
    private readonly toWall: WallMs,
    /** Occurrences COUNT still allows. */
    public remaining: number,
    private readonly visit: WallVisitor,
  ) {
    this.timeOfDay = dtstart - Math.floor(dtstart / DAY_MS) * DAY_MS;
  }

  /** One candidate day; false stops the walk. */
  day(day: number): boolean {
    const wall = day * DAY_MS + this.timeOfDay;
    if (wall < this.dtstart) return true;
    if (wall > this.toWall) return false;
    if (wall >= this.fromWall && !this.visit(wall)) return false;
    return --this.remaining > 0;
  }
}

/** DAILY: every INTERVAL-th day, filtered by BYDAY/BYMONTH/BYMONTHDAY when given. */
function walkDaily(plan: Plan, d0: number, fromDay: number, lastDay: number, out: Emitter): void {
  const filtered = plan.weekdays !== 0 || plan.months !== 0 || plan.monthDays !== undefined;
  // Unfiltered, every period holds exactly one occurrence: COUNT can be skipped over too.
  const k0 = plan.count === undefined || !filtered ? Math.max(0, Math.floor((fromDay - d0) / plan.interval) - 1) : 0;
  if (plan.count !== undefined) {
    out.remaining -= k0;
    if (out.remaining <= 0) return;
  }
  for (let day = d0 + k0 * plan.interval; day < lastDay; day += plan.interval) {
    if (filtered && !passesDayFilters(plan, day)) continue;
    if (!out.day(day)) return;
  }
}

function passesDayFilters(plan: Plan, day: number): boolean {
  if (plan.weekdays !== 0 && !(plan.weekdays & (1 << weekdayOfDay(day)))) return false;
  if (plan.months === 0 && plan.monthDays === undefined) return true;
  const { y, m, d } = civilOfDay(day);
  if (plan.months !== 0 && !(plan.months & (1 << m))) return false;
  if (!plan.monthDays) return true;
  const len = daysInMonth(y, m);
  return plan.monthDays.some((x) => (x > 0 ? x === d : len + x + 1 === d));
}
