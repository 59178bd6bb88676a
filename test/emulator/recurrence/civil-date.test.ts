import assert from 'node:assert/strict';
import {
  civilDate,
  dayNumber,
  daysInMonth,
  formatDate,
  InvalidDateError,
  parseDate,
  weekdayOf,
} from '../../../src/emulator/recurrence/index.js';

const DAY = 86_400_000;

describe('civil dates', () => {
  it('agrees with Date.UTC on day numbers across centuries, leap days included', () => {
    for (const [y, m, d] of [
      [1970, 1, 1],
      [1600, 2, 29],
      [1900, 3, 1],
      [2000, 2, 29],
      [2024, 12, 31],
      [9999, 12, 31],
    ] as const) {
      const n = dayNumber(y, m, d);
      const utc = new Date(0);
      utc.setUTCFullYear(y, m - 1, d);
      assert.equal(n, utc.getTime() / DAY, `${y}-${m}-${d}`);
      assert.deepEqual(civilDate(n), { year: y, month: m, day: d });
    }
  });

  it('handles Graph\'s "no end" date 0001-01-01 (a Monday)', () => {
    assert.equal(formatDate(parseDate('0001-01-01')), '0001-01-01');
    assert.equal(weekdayOf(parseDate('0001-01-01')), 1);
  });

  it('knows weekdays and month lengths', () => {
    assert.equal(weekdayOf(parseDate('2017-09-04')), 1); // Labor Day 2017, a Monday
    assert.equal(weekdayOf(parseDate('2017-12-31')), 0); // a Sunday, per the Graph doc example
    assert.deepEqual([daysInMonth(2023, 2), daysInMonth(2024, 2), daysInMonth(1900, 2), daysInMonth(2000, 2)], [28, 29, 28, 29]);
    assert.equal(daysInMonth(2024, 4), 30);
  });

  it('rejects strings that are not real dates', () => {
    for (const bad of ['2023-02-29', '2024-00-10', '2024-1-10', '0000-01-01', 'x']) {
      assert.throws(() => parseDate(bad), InvalidDateError, bad);
    }
  });
});
