import assert from 'node:assert/strict';
import { expandRecurrence, validateRecurrence } from '../../../src/emulator/recurrence/index.js';

/**
 * Conformance table: expected occurrence dates are written out by hand from a printed calendar,
 * never computed by the engine. Doc references:
 * [OSRE] concepts/outlook-schedule-recurring-events.md (Graph docs)
 * [RP]   api-reference/v1.0/resources/recurrencepattern.md
 * [CDO]  CDO RecurrencePattern.DayOfMonth (clamping to the month's last day), graph-api.md §4.1
 * [RFC]  RFC 5545 §3.8.5.3 WKST example (Graph firstDayOfWeek plays WKST's role)
 * [OXOCAL] MS-OXOCAL 2.2.1.44.1.1: the interval counts from the period of the first occurrence
 */

const HOUR = 3_600_000;

interface Case {
  readonly name: string;
  readonly source: string;
  readonly pattern: Record<string, unknown>;
  readonly range: Record<string, unknown>;
  /** Needed for noEnd ranges. */
  readonly limit?: number;
  readonly expected: readonly string[];
}

const CASES: readonly Case[] = [
  // --- daily × every range type
  {
    name: 'daily every 3 days, endDate inclusive (lands exactly on endDate)',
    source: '[OSRE] "Repeat this event every three days" + endDate range July 1..July 31, 2017',
    pattern: { type: 'daily', interval: 3 },
    range: { type: 'endDate', startDate: '2017-07-01', endDate: '2017-07-31' },
    expected: ['2017-07-01', '2017-07-04', '2017-07-07', '2017-07-10', '2017-07-13', '2017-07-16',
      '2017-07-19', '2017-07-22', '2017-07-25', '2017-07-28', '2017-07-31'],
  },
  {
    name: 'daily, numbered 10',
    source: '[OSRE] "Repeat this event 10 times" from 2017-04-02',
    pattern: { type: 'daily', interval: 1 },
    range: { type: 'numbered', startDate: '2017-04-02', numberOfOccurrences: 10 },
    expected: ['2017-04-02', '2017-04-03', '2017-04-04', '2017-04-05', '2017-04-06', '2017-04-07',
      '2017-04-08', '2017-04-09', '2017-04-10', '2017-04-11'],
  },
  {
    name: 'daily, noEnd',
    source: '[OSRE] "Repeat this event from May 15, 2017, forever"',
    pattern: { type: 'daily', interval: 1 },
    range: { type: 'noEnd', startDate: '2017-05-15' },
    limit: 3,
    expected: ['2017-05-15', '2017-05-16', '2017-05-17'],
  },
  // --- weekly
  {
    name: 'weekly Mondays until Sunday 2017-12-31: last is Monday Dec 25',
    source: '[OSRE] "Because December 31, 2017, is on a Sunday, the last occurrence ... Monday, December 25"',
    pattern: { type: 'weekly', interval: 1, daysOfWeek: ['Monday'] },
    range: { type: 'endDate', startDate: '2017-09-04', endDate: '2017-12-31' },
    expected: ['2017-09-04', '2017-09-11', '2017-09-18', '2017-09-25', '2017-10-02', '2017-10-09',
      '2017-10-16', '2017-10-23', '2017-10-30', '2017-11-06', '2017-11-13', '2017-11-20', '2017-11-27',
      '2017-12-04', '2017-12-11', '2017-12-18', '2017-12-25'],
  },
  {
    name: 'weekly MO,WE,FR numbered 5 starting on a Wednesday (count includes only pattern days)',
    source: '[OSRE] numbered range: "a fixed number of times (based on the pattern)"',
    pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday', 'friday'] },
    range: { type: 'numbered', startDate: '2017-09-06', numberOfOccurrences: 5 },
    expected: ['2017-09-06', '2017-09-08', '2017-09-11', '2017-09-13', '2017-09-15'],
  },
  {
    name: 'weekly every other Monday and Tuesday, noEnd',
    source: '[OSRE] "Repeat this event every other Monday and Tuesday"',
    pattern: { type: 'weekly', interval: 2, daysOfWeek: ['Monday', 'Tuesday'] },
    range: { type: 'noEnd', startDate: '2017-09-04' },
    limit: 6,
    expected: ['2017-09-04', '2017-09-05', '2017-09-18', '2017-09-19', '2017-10-02', '2017-10-03'],
  },
  {
    name: 'weekly TU,SU interval 2, firstDayOfWeek monday (RFC WKST=MO)',
    source: '[RFC] + [RP] firstDayOfWeek',
    pattern: { type: 'weekly', interval: 2, daysOfWeek: ['tuesday', 'sunday'], firstDayOfWeek: 'monday' },
    range: { type: 'numbered', startDate: '1997-08-05', numberOfOccurrences: 4 },
    expected: ['1997-08-05', '1997-08-10', '1997-08-19', '1997-08-24'],
  },
  {
    name: 'weekly TU,SU interval 2, firstDayOfWeek sunday (RFC WKST=SU)',
    source: '[RFC] + [RP] firstDayOfWeek',
    pattern: { type: 'weekly', interval: 2, daysOfWeek: ['tuesday', 'sunday'], firstDayOfWeek: 'sunday' },
    range: { type: 'numbered', startDate: '1997-08-05', numberOfOccurrences: 4 },
    expected: ['1997-08-05', '1997-08-17', '1997-08-19', '1997-08-31'],
  },
  {
    name: 'weekly every other Monday from a Wednesday: first occurrence is the next Monday',
    source: '[OSRE] first occurrence "may not occur on this date if it does not fit the pattern" + [OXOCAL]',
    pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday'] },
    range: { type: 'numbered', startDate: '2017-08-30', numberOfOccurrences: 3 },
    expected: ['2017-09-04', '2017-09-18', '2017-10-02'],
  },
  // --- absoluteMonthly
  {
    name: 'absoluteMonthly 31 in a leap year: Feb 29, Apr 30, Jun 30',
    source: '[CDO] "The last day of every month can be represented by the value 31"',
    pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 },
    range: { type: 'endDate', startDate: '2024-01-31', endDate: '2024-06-30' },
    expected: ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31', '2024-06-30'],
  },
  {
    name: 'absoluteMonthly 31 in a common year: Feb 28',
    source: '[CDO]',
    pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 },
    range: { type: 'numbered', startDate: '2023-01-31', numberOfOccurrences: 3 },
    expected: ['2023-01-31', '2023-02-28', '2023-03-31'],
  },
  {
    name: 'absoluteMonthly 30 in February',
    source: '[CDO]',
    pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 30 },
    range: { type: 'numbered', startDate: '2023-01-30', numberOfOccurrences: 3 },
    expected: ['2023-01-30', '2023-02-28', '2023-03-30'],
  },
  {
    name: 'absoluteMonthly 29 in February, common and leap year',
    source: '[CDO] "Outlook and CDO generate recurrences on February 28 for years other than leap years"',
    pattern: { type: 'absoluteMonthly', interval: 12, dayOfMonth: 29 },
    range: { type: 'numbered', startDate: '2023-02-28', numberOfOccurrences: 2 },
    expected: ['2023-02-28', '2024-02-29'],
  },
  {
    name: 'absoluteMonthly quarterly on the 7th, noEnd',
    source: '[OSRE] "Repeat this event quarterly (every 3 months) on the 7th"',
    pattern: { type: 'absoluteMonthly', interval: 3, dayOfMonth: 7 },
    range: { type: 'noEnd', startDate: '2017-01-07' },
    limit: 4,
    expected: ['2017-01-07', '2017-04-07', '2017-07-07', '2017-10-07'],
  },
  {
    name: 'absoluteMonthly 15th, startDate after the 15th: first occurrence next month',
    source: '[OSRE] "the first occurrence ... might not occur on this date if it does not fit the pattern"',
    pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 15 },
    range: { type: 'numbered', startDate: '2017-03-20', numberOfOccurrences: 2 },
    expected: ['2017-04-15', '2017-05-15'],
  },
  // --- relativeMonthly
  {
    name: 'relativeMonthly first Thursday every other month from 2017-08-29: starts in September',
    source: '[OSRE] "the first occurrence of this series will be in September" + [OXOCAL]',
    pattern: { type: 'relativeMonthly', interval: 2, daysOfWeek: ['Thursday'], index: 'first' },
    range: { type: 'noEnd', startDate: '2017-08-29' },
    limit: 3,
    expected: ['2017-09-07', '2017-11-02', '2018-01-04'],
  },
  {
    name: 'relativeMonthly first Thursday every month from 2017-08-29',
    source: '[OSRE] off-pattern startDate',
    pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['Thursday'] },
    range: { type: 'numbered', startDate: '2017-08-29', numberOfOccurrences: 3 },
    expected: ['2017-09-07', '2017-10-05', '2017-11-02'],
  },
  {
    name: 'relativeMonthly second Wednesday, endDate',
    source: '[OSRE] "Repeat this event on the second Wednesday of every month"',
    pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['Wednesday'], index: 'second' },
    range: { type: 'endDate', startDate: '2017-09-13', endDate: '2017-11-30' },
    expected: ['2017-09-13', '2017-10-11', '2017-11-08'],
  },
  {
    name: 'relativeMonthly first Thursday or Friday (days form one set)',
    source: '[OSRE] "Repeat this event on the first Thursday or Friday of every month"',
    pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['Thursday', 'Friday'], index: 'first' },
    range: { type: 'numbered', startDate: '2017-09-01', numberOfOccurrences: 3 },
    expected: ['2017-09-01', '2017-10-05', '2017-11-02'],
  },
  {
    name: 'relativeMonthly second Thursday or Friday',
    source: '[RP] "the event falls on the first day that satisfies the pattern"',
    pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['thursday', 'friday'], index: 'second' },
    range: { type: 'numbered', startDate: '2017-09-01', numberOfOccurrences: 2 },
    expected: ['2017-09-07', '2017-10-06'],
  },
  {
    name: 'relativeMonthly last weekday (Mon-Fri set)',
    source: '[RP] index "last" over the daysOfWeek set (graph-api.md §4.1)',
    pattern: {
      type: 'relativeMonthly',
      interval: 1,
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      index: 'last',
    },
    range: { type: 'endDate', startDate: '2017-09-01', endDate: '2017-12-31' },
    expected: ['2017-09-29', '2017-10-31', '2017-11-30', '2017-12-29'],
  },
  {
    name: 'relativeMonthly last weekend day (Sat-Sun set)',
    source: '[RP] index "last" over the daysOfWeek set',
    pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['saturday', 'sunday'], index: 'last' },
    range: { type: 'numbered', startDate: '2017-09-01', numberOfOccurrences: 2 },
    expected: ['2017-09-30', '2017-10-29'],
  },
  // --- absoluteYearly
  {
    name: 'absoluteYearly April 15, numbered',
    source: '[OSRE] "Repeat this event on April 15 every year"',
    pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 15, month: 4 },
    range: { type: 'numbered', startDate: '2017-04-15', numberOfOccurrences: 3 },
    expected: ['2017-04-15', '2018-04-15', '2019-04-15'],
  },
  {
    name: 'absoluteYearly Feb 29 falls on Feb 28 in common years, noEnd',
    source: '[CDO] "Outlook and CDO generate recurrences on February 28 for years other than leap years"',
    pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 29, month: 2 },
    range: { type: 'noEnd', startDate: '2024-02-29' },
    limit: 5,
    expected: ['2024-02-29', '2025-02-28', '2026-02-28', '2027-02-28', '2028-02-29'],
  },
  {
    name: 'absoluteYearly 15 March every 3 years, endDate',
    source: '[RP] "Repeat event on the 15th of March every 3 years"',
    pattern: { type: 'absoluteYearly', interval: 3, dayOfMonth: 15, month: 3 },
    range: { type: 'endDate', startDate: '2017-03-15', endDate: '2023-03-15' },
    expected: ['2017-03-15', '2020-03-15', '2023-03-15'],
  },
  {
    name: 'absoluteYearly every 2 years, startDate after this year\'s date',
    source: '[OSRE] off-pattern startDate + [OXOCAL]',
    pattern: { type: 'absoluteYearly', interval: 2, dayOfMonth: 15, month: 4 },
    range: { type: 'numbered', startDate: '2017-05-01', numberOfOccurrences: 2 },
    expected: ['2018-04-15', '2020-04-15'],
  },
  // --- relativeYearly
  {
    name: 'relativeYearly last Wednesday of November, endDate',
    source: '[OSRE] "Repeat this event on the last Wednesday of November every year"',
    pattern: { type: 'relativeYearly', interval: 1, daysOfWeek: ['Wednesday'], index: 'last', month: 11 },
    range: { type: 'endDate', startDate: '2017-11-29', endDate: '2020-12-31' },
    expected: ['2017-11-29', '2018-11-28', '2019-11-27', '2020-11-25'],
  },
  {
    name: 'relativeYearly second Thursday or Friday of November every 3 years, numbered',
    source: '[RP] "Repeat event on the second Thursday or Friday of every November every 3 years"',
    pattern: { type: 'relativeYearly', interval: 3, daysOfWeek: ['Thursday', 'Friday'], index: 'second', month: 11 },
    range: { type: 'numbered', startDate: '2017-11-01', numberOfOccurrences: 2 },
    expected: ['2017-11-03', '2020-11-06'],
  },
  {
    name: 'relativeYearly first Monday of September, noEnd',
    source: '[OSRE] relative yearly',
    pattern: { type: 'relativeYearly', interval: 1, daysOfWeek: ['monday'], month: 9 },
    range: { type: 'noEnd', startDate: '2017-09-04' },
    limit: 2,
    expected: ['2017-09-04', '2018-09-03'],
  },
];

function expandDates(c: Case): { dates: string[]; indexes: number[] } {
  const recurrence = validateRecurrence({ pattern: c.pattern, range: c.range }, 'UTC');
  const occ = expandRecurrence({
    recurrence,
    startLocal: `${c.range.startDate as string}T09:00:00`,
    durationMs: HOUR,
    seriesTz: 'UTC',
    limit: c.limit,
  });
  return { dates: occ.map((o) => o.originalStartLocal.slice(0, 10)), indexes: occ.map((o) => o.index) };
}

describe('expandRecurrence: occurrence dates per pattern and range type', () => {
  for (const c of CASES) {
    it(`${c.name} — ${c.source}`, () => {
      const { dates, indexes } = expandDates(c);
      assert.deepEqual(dates, c.expected);
      assert.deepEqual(indexes, c.expected.map((_, i) => i));
    });
  }

  it('covers every pattern type with every range type', () => {
    const seen = new Set(CASES.map((c) => `${c.pattern.type as string}/${c.range.type as string}`));
    for (const p of ['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly']) {
      for (const r of ['endDate', 'noEnd', 'numbered']) assert.ok(seen.has(`${p}/${r}`), `${p}/${r} missing`);
    }
  });
});
