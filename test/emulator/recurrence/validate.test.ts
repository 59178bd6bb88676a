import assert from 'node:assert/strict';
import { RecurrenceValidationError, validateRecurrence } from '../../../src/emulator/recurrence/index.js';

/**
 * Sources: [RP] api-reference/v1.0/resources/recurrencepattern.md; [OSRE]
 * concepts/outlook-schedule-recurring-events.md ("Even if a field is ignored, it is still
 * validated"); [S02] graph-samples/02 = user-post-events.md request/response 3.
 */

function rejects(input: unknown, field: string): void {
  assert.throws(
    () => validateRecurrence(input, 'UTC'),
    (e: unknown) => e instanceof RecurrenceValidationError && e.field === field && e.code === 'ErrorInvalidRequest',
  );
}

const weeklyPattern = { type: 'weekly', interval: 1, daysOfWeek: ['monday'] };
const noEndRange = { type: 'noEnd', startDate: '2017-09-04' };

describe('validateRecurrence: echo form', () => {
  it('echoes the doc request as the doc response shows it [S02]', () => {
    const request = {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['Monday'] },
      range: { type: 'endDate', startDate: '2017-09-04', endDate: '2017-12-31' },
    };
    assert.deepEqual(validateRecurrence(request, 'Pacific Standard Time'), {
      pattern: {
        type: 'weekly',
        interval: 1,
        month: 0,
        dayOfMonth: 0,
        daysOfWeek: ['monday'],
        firstDayOfWeek: 'sunday',
        index: 'first',
      },
      range: {
        type: 'endDate',
        startDate: '2017-09-04',
        endDate: '2017-12-31',
        recurrenceTimeZone: 'Pacific Standard Time',
        numberOfOccurrences: 0,
      },
    });
  });

  it('accepts enum values in any casing and echoes lower camel case', () => {
    const r = validateRecurrence(
      {
        pattern: { type: 'RelativeMonthly', interval: 1, daysOfWeek: ['THURSDAY', 'Friday'], index: 'Second' },
        // recurrencerange.md lists the range types as `EndDate`, `NoEnd`, `Numbered`.
        range: { type: 'Numbered', startDate: '2017-09-01', numberOfOccurrences: 4 },
      },
      'UTC',
    );
    assert.equal(r.pattern.type, 'relativeMonthly');
    assert.deepEqual(r.pattern.daysOfWeek, ['thursday', 'friday']);
    assert.equal(r.pattern.index, 'second');
    assert.equal(r.range.type, 'numbered');
    assert.equal(r.range.numberOfOccurrences, 4);
    assert.equal(r.range.endDate, '0001-01-01');
  });

  it('keeps a given recurrenceTimeZone and fills an absent or null one from the event', () => {
    const given = validateRecurrence({ pattern: weeklyPattern, range: { ...noEndRange, recurrenceTimeZone: 'Tokyo Standard Time' } }, 'UTC');
    assert.equal(given.range.recurrenceTimeZone, 'Tokyo Standard Time');
    const nulled = validateRecurrence({ pattern: weeklyPattern, range: { ...noEndRange, recurrenceTimeZone: null } }, 'Europe/Berlin');
    assert.equal(nulled.range.recurrenceTimeZone, 'Europe/Berlin');
  });

  it('validates then drops fields the type ignores, keeping firstDayOfWeek', () => {
    const r = validateRecurrence(
      {
        pattern: { type: 'daily', interval: 2, dayOfMonth: 5, month: 3, daysOfWeek: ['monday'], index: 'last', firstDayOfWeek: 'Monday' },
        range: { type: 'noEnd', startDate: '2017-09-04', endDate: '2017-12-31', numberOfOccurrences: 3 },
      },
      'UTC',
    );
    assert.deepEqual(r, {
      pattern: { type: 'daily', interval: 2, month: 0, dayOfMonth: 0, daysOfWeek: [], firstDayOfWeek: 'monday', index: 'first' },
      range: { type: 'noEnd', startDate: '2017-09-04', endDate: '0001-01-01', recurrenceTimeZone: 'UTC', numberOfOccurrences: 0 },
    });
  });

  it('accepts its own echo form again (round trip)', () => {
    const echo = validateRecurrence({ pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 15, month: 4 }, range: noEndRange }, 'UTC');
    assert.deepEqual(validateRecurrence(echo, 'Other Zone'), echo);
  });
});

describe('validateRecurrence: errors name the field', () => {
  it('a bad index on a daily pattern, where index is ignored [OSRE]', () => {
    rejects({ pattern: { type: 'daily', interval: 1, index: 'fifth' }, range: noEndRange }, 'recurrence.pattern.index');
  });
  it('a bad day name in an ignored daysOfWeek [OSRE]', () => {
    rejects(
      { pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 3, daysOfWeek: ['Funday'] }, range: noEndRange },
      'recurrence.pattern.daysOfWeek[0]',
    );
  });
  it('a bad firstDayOfWeek on a monthly pattern [OSRE]', () => {
    rejects({ pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 3, firstDayOfWeek: 'mon' }, range: noEndRange }, 'recurrence.pattern.firstDayOfWeek');
  });
  it('month 13 on a daily pattern [RP] "a number from 1 to 12"', () => {
    rejects({ pattern: { type: 'daily', interval: 1, month: 13 }, range: noEndRange }, 'recurrence.pattern.month');
  });
  it('an unknown pattern type', () => {
    rejects({ pattern: { type: 'hourly', interval: 1 }, range: noEndRange }, 'recurrence.pattern.type');
  });
  it('interval missing, zero or fractional [RP] "Required"', () => {
    rejects({ pattern: { type: 'daily' }, range: noEndRange }, 'recurrence.pattern.interval');
    rejects({ pattern: { type: 'daily', interval: 0 }, range: noEndRange }, 'recurrence.pattern.interval');
    rejects({ pattern: { type: 'daily', interval: 1.5 }, range: noEndRange }, 'recurrence.pattern.interval');
  });
  it('required fields per pattern type [RP] values-of-type table', () => {
    rejects({ pattern: { type: 'weekly', interval: 1 }, range: noEndRange }, 'recurrence.pattern.daysOfWeek');
    rejects({ pattern: { type: 'weekly', interval: 1, daysOfWeek: [] }, range: noEndRange }, 'recurrence.pattern.daysOfWeek');
    rejects({ pattern: { type: 'absoluteMonthly', interval: 1 }, range: noEndRange }, 'recurrence.pattern.dayOfMonth');
    rejects({ pattern: { type: 'relativeMonthly', interval: 1 }, range: noEndRange }, 'recurrence.pattern.daysOfWeek');
    rejects({ pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 1 }, range: noEndRange }, 'recurrence.pattern.month');
    rejects({ pattern: { type: 'relativeYearly', interval: 1, daysOfWeek: ['monday'] }, range: noEndRange }, 'recurrence.pattern.month');
  });
  it('dayOfMonth 32', () => {
    rejects({ pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 32 }, range: noEndRange }, 'recurrence.pattern.dayOfMonth');
  });
  it('required fields per range type [OSRE] range tables', () => {
    rejects({ pattern: weeklyPattern, range: { type: 'endDate', startDate: '2017-09-04' } }, 'recurrence.range.endDate');
    rejects({ pattern: weeklyPattern, range: { type: 'numbered', startDate: '2017-09-04' } }, 'recurrence.range.numberOfOccurrences');
    rejects({ pattern: weeklyPattern, range: { type: 'numbered', startDate: '2017-09-04', numberOfOccurrences: 0 } }, 'recurrence.range.numberOfOccurrences');
    rejects({ pattern: weeklyPattern, range: { type: 'noEnd' } }, 'recurrence.range.startDate');
  });
  it('dates that are not calendar dates, even in an ignored endDate', () => {
    rejects({ pattern: weeklyPattern, range: { type: 'noEnd', startDate: '2017-02-30' } }, 'recurrence.range.startDate');
    rejects({ pattern: weeklyPattern, range: { ...noEndRange, endDate: '2017-13-01' } }, 'recurrence.range.endDate');
    rejects({ pattern: weeklyPattern, range: { type: 'noEnd', startDate: '2017-09-04T00:00:00' } }, 'recurrence.range.startDate');
  });
  it('properties the types do not have', () => {
    rejects({ pattern: { ...weeklyPattern, byMonthDay: 3 }, range: noEndRange }, 'recurrence.pattern.byMonthDay');
    rejects({ pattern: weeklyPattern, range: noEndRange, rrule: 'FREQ=DAILY' }, 'recurrence.rrule');
  });
  it('missing or non-object pattern and range', () => {
    rejects({ range: noEndRange }, 'recurrence.pattern');
    rejects({ pattern: weeklyPattern, range: 'noEnd' }, 'recurrence.range');
    rejects('weekly', 'recurrence');
  });
});
