import type { GraphDayOfWeek, GraphRecurrencePattern, GraphWeekIndex } from '../../graph/types.js';
import { civilDate, type DayNumber, dayNumber, daysInMonth, type WeekdayNumber, weekdayOf } from './civil-date.js';

/**
 * A recurrence pattern seen as a sequence of periods (days, weeks, months or years, numbered
 * consecutively) and the pattern days inside each period. The expander steps through periods by
 * `interval`; this module only knows which days of one period match.
 *
 * Day rules (graph-api.md §4.1, recurrencepattern.md, outlook-schedule-recurring-events.md):
 * - weekly: each listed weekday of the week, weeks starting on firstDayOfWeek;
 * - absoluteMonthly/absoluteYearly: dayOfMonth, or the month's last day when the month is shorter
 *   (CDO RecurrencePattern.DayOfMonth: "The last day of every month can be represented by the
 *   value 31 ... Outlook and CDO generate recurrences on February 28 for years other than leap
 *   years"), never skipping the month;
 * - relativeMonthly/relativeYearly: the days of the month whose weekday is listed form one set and
 *   `index` picks the first…fourth or last member ("the event falls on the first day that
 *   satisfies the pattern"), so there is exactly one day per period.
 */
export interface PatternPeriods {
  /** The ordinal of the period containing `day`. */
  periodOf(day: DayNumber): number;
  /** The pattern days inside period `ordinal`, ascending. */
  daysIn(ordinal: number): DayNumber[];
}

const WEEKDAY_NUMBERS: Readonly<Record<GraphDayOfWeek, WeekdayNumber>> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

const INDEX_POSITIONS: Readonly<Record<Exclude<GraphWeekIndex, 'last'>, number>> = {
  first: 0,
  second: 1,
  third: 2,
  fourth: 3,
};

function weekdaySet(days: readonly GraphDayOfWeek[] | undefined): Set<WeekdayNumber> {
  return new Set((days ?? []).map((d) => WEEKDAY_NUMBERS[d]));
}

function clampedDay(year: number, month: number, dayOfMonth: number): DayNumber {
  return dayNumber(year, month, Math.min(dayOfMonth, daysInMonth(year, month)));
}

/** The index-th day of the month whose weekday is in `set` (every weekday occurs ≥ 4 times a month). */
function relativeDay(year: number, month: number, set: ReadonlySet<WeekdayNumber>, index: GraphWeekIndex): DayNumber {
  const first = dayNumber(year, month, 1);
  const matches: DayNumber[] = [];
  for (let d = first; d < first + daysInMonth(year, month); d++) {
    if (set.has(weekdayOf(d))) matches.push(d);
  }
  return index === 'last' ? matches[matches.length - 1]! : matches[INDEX_POSITIONS[index]]!;
}

const monthOrdinal = (day: DayNumber): number => {
  const { year, month } = civilDate(day);
  return year * 12 + (month - 1);
};
const yearOfMonthOrdinal = (ordinal: number): [number, number] => [Math.floor(ordinal / 12), (ordinal % 12) + 1];

function weeklyPeriods(pattern: GraphRecurrencePattern): PatternPeriods {
  const days = weekdaySet(pattern.daysOfWeek);
  // Day number (firstDow - 4) falls on weekday firstDow, as day 0 (1970-01-01) is a Thursday.
  const weekOrigin = WEEKDAY_NUMBERS[pattern.firstDayOfWeek ?? 'sunday'] - 4;
  return {
    periodOf: (day) => Math.floor((day - weekOrigin) / 7),
    daysIn: (ordinal) => {
      const start = ordinal * 7 + weekOrigin;
      return [0, 1, 2, 3, 4, 5, 6].map((i) => start + i).filter((d) => days.has(weekdayOf(d)));
    },
  };
}

/** The periods of a validated pattern (see validateRecurrence). */
export function patternPeriods(pattern: GraphRecurrencePattern): PatternPeriods {
  const dayOfMonth = pattern.dayOfMonth ?? 0;
  const month = pattern.month ?? 0;
  const index = pattern.index ?? 'first';
  switch (pattern.type) {
    case 'daily':
      return { periodOf: (day) => day, daysIn: (ordinal) => [ordinal] };
    case 'weekly':
      return weeklyPeriods(pattern);
    case 'absoluteMonthly':
      return {
        periodOf: monthOrdinal,
        daysIn: (ordinal) => [clampedDay(...yearOfMonthOrdinal(ordinal), dayOfMonth)],
      };
    case 'relativeMonthly': {
      const set = weekdaySet(pattern.daysOfWeek);
      return {
        periodOf: monthOrdinal,
        daysIn: (ordinal) => [relativeDay(...yearOfMonthOrdinal(ordinal), set, index)],
      };
    }
    case 'absoluteYearly':
      return {
        periodOf: (day) => civilDate(day).year,
        daysIn: (year) => [clampedDay(year, month, dayOfMonth)],
      };
    case 'relativeYearly': {
      const set = weekdaySet(pattern.daysOfWeek);
      return {
        periodOf: (day) => civilDate(day).year,
        daysIn: (year) => [relativeDay(year, month, set, index)],
      };
    }
  }
}
