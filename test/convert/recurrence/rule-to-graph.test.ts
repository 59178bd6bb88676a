import assert from 'node:assert/strict';
import { expandRule, parseRrule, ruleToGraph } from '../../../src/convert/recurrence/index.js';
import type { GraphRecurrencePattern } from '../../../src/graph/types.js';
import type { EventTime } from '../../../src/model/time.js';
import { graphLocals, localOf } from './oracle.js';

const TZ = 'America/Santiago';
const WIN = 'Pacific SA Standard Time';
const at = (local: string): EventTime => ({ kind: 'zoned', local, tz: TZ });
const TO = Date.UTC(2029, 0, 1);

/** ruleToGraph must be exact: the emulator's expansion of its output equals the RRULE's own. */
function exactPattern(rrule: string, startLocal: string): GraphRecurrencePattern {
  const rule = parseRrule(rrule, 'zoned');
  const out = ruleToGraph(rule, at(startLocal), TZ, WIN);
  assert.equal(out.kind, 'exact', out.kind === 'unrepresentable' ? out.reason : '');
  if (out.kind !== 'exact') throw new Error('unreachable');
  const mine = expandRule({ start: at(startLocal), rule, fromMs: 0, toMs: TO }).map(localOf);
  assert.deepEqual(graphLocals(out.recurrence, startLocal, TZ, TO), mine);
  return out.recurrence.pattern;
}

function reasonFor(rrule: string, startLocal: string): string {
  const out = ruleToGraph(parseRrule(rrule, 'zoned'), at(startLocal), TZ, WIN);
  assert.equal(out.kind, 'unrepresentable');
  return out.kind === 'unrepresentable' ? out.reason : '';
}

describe('convert/recurrence ruleToGraph', () => {
  it('reads BYDAY=-1FR and BYDAY=FR;BYSETPOS=-1 as the same last-Friday pattern', () => {
    const a = exactPattern('FREQ=MONTHLY;BYDAY=-1FR', '2025-01-31T10:00:00');
    const b = exactPattern('FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1', '2025-01-31T10:00:00');
    assert.deepEqual(a, { type: 'relativeMonthly', interval: 1, daysOfWeek: ['friday'], index: 'last' });
    assert.deepEqual(b, a);
  });

  it('reads FREQ=YEARLY;BYMONTH=3;BYDAY=2WE as relativeYearly', () => {
    assert.deepEqual(exactPattern('FREQ=YEARLY;BYMONTH=3;BYDAY=2WE', '2025-03-12T10:00:00'), {
      type: 'relativeYearly', interval: 1, daysOfWeek: ['wednesday'], index: 'second', month: 3,
    });
  });

  it('takes missing parts from DTSTART: WEEKLY without BYDAY, MONTHLY without BYMONTHDAY, YEARLY bare', () => {
    assert.deepEqual(exactPattern('FREQ=WEEKLY;INTERVAL=3', '2025-04-02T10:00:00'), { type: 'weekly', interval: 3, daysOfWeek: ['wednesday'], firstDayOfWeek: 'monday' });
    assert.deepEqual(exactPattern('FREQ=MONTHLY;COUNT=7', '2025-04-17T10:00:00'), { type: 'absoluteMonthly', interval: 1, dayOfMonth: 17 });
    assert.deepEqual(exactPattern('FREQ=YEARLY', '2025-04-17T10:00:00'), { type: 'absoluteYearly', interval: 1, dayOfMonth: 17, month: 4 });
  });

  it('recognises the clamp forms graphToRule writes', () => {
    assert.equal(exactPattern('FREQ=MONTHLY;BYMONTHDAY=-1', '2025-01-31T10:00:00').dayOfMonth, 31);
    assert.equal(exactPattern('FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1', '2025-01-30T10:00:00').dayOfMonth, 30);
    assert.equal(exactPattern('FREQ=MONTHLY;BYMONTHDAY=29,28;BYSETPOS=-1', '2025-01-29T10:00:00').dayOfMonth, 29);
    assert.deepEqual(exactPattern('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1', '2024-02-29T10:00:00'), { type: 'absoluteYearly', interval: 1, dayOfMonth: 29, month: 2 });
    assert.equal(exactPattern('FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=-1', '2025-04-30T10:00:00').dayOfMonth, 30);
  });

  it('reads "every weekday" spelled DAILY;BYDAY or MONTHLY;BYDAY as weekly', () => {
    const week = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
    assert.deepEqual(exactPattern('FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', '2025-04-01T10:00:00').daysOfWeek, week);
    assert.deepEqual(exactPattern('FREQ=MONTHLY;BYDAY=FR,MO,TU,WE,TH', '2025-04-01T10:00:00').daysOfWeek, week);
  });

  it('accepts BYHOUR/BYMINUTE/BYSECOND that only repeat the start time', () => {
    assert.equal(exactPattern('FREQ=DAILY;BYHOUR=10;BYMINUTE=30;BYSECOND=0', '2025-04-01T10:30:00').type, 'daily');
    assert.match(reasonFor('FREQ=DAILY;BYHOUR=10,16', '2025-04-01T10:00:00'), /one time per day/);
  });

  it('keeps plain BYMONTHDAY=31 (RFC: skips short months) out of Graph, unless every visited month is long enough', () => {
    assert.match(reasonFor('FREQ=MONTHLY;BYMONTHDAY=31', '2025-01-31T10:00:00'), /skips months/);
    assert.match(reasonFor('FREQ=MONTHLY;BYMONTHDAY=30', '2025-01-30T10:00:00'), /skips months/);
    assert.match(reasonFor('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', '2024-02-29T10:00:00'), /skips/);
    assert.equal(exactPattern('FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=31', '2025-01-31T10:00:00').dayOfMonth, 31); // January and July only
    assert.match(reasonFor('FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=31', '2025-01-31T10:00:00'), /skips months/); // September, November
  });

  it('refuses a DTSTART that is not an occurrence (RFC 5545 counts it, Graph would drop it)', () => {
    assert.match(reasonFor('FREQ=WEEKLY;BYDAY=MO', '2025-04-02T10:00:00'), /DTSTART is not an occurrence/);
    assert.match(reasonFor('FREQ=MONTHLY;BYDAY=1FR;COUNT=3', '2025-04-02T10:00:00'), /DTSTART is not an occurrence/);
  });

  const unrepresentable: [string, string, RegExp][] = [
    ['FREQ=HOURLY;INTERVAL=4', '2025-04-01T10:00:00', /FREQ=HOURLY/],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15', '2025-04-01T10:00:00', /skips months|BYMONTHDAY/],
    ['FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO', '2025-05-12T10:00:00', /BYWEEKNO/],
    ['FREQ=YEARLY;BYYEARDAY=100', '2025-04-10T10:00:00', /BYYEARDAY/],
    ['FREQ=MONTHLY;BYDAY=1MO,3MO', '2025-04-07T10:00:00', /not "first..fourth or last/],
    ['FREQ=MONTHLY;BYDAY=5FR', '2025-05-30T10:00:00', /not "first..fourth or last/],
    ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2', '2025-04-29T10:00:00', /not "first..fourth or last/],
    ['FREQ=MONTHLY;INTERVAL=2;BYDAY=TU', '2025-04-01T10:00:00', /not "first..fourth or last/],
    ['FREQ=YEARLY;BYMONTH=6,7', '2025-06-10T10:00:00', /several BYMONTH/],
    ['FREQ=YEARLY;BYDAY=20MO', '2025-05-19T10:00:00', /without BYMONTH/],
    ['FREQ=WEEKLY;BYMONTH=1;BYDAY=MO', '2025-01-06T10:00:00', /BYMONTH/],
    ['FREQ=DAILY;BYMONTH=1', '2025-01-06T10:00:00', /BYMONTH/],
  ];
  for (const [rrule, start, why] of unrepresentable) {
    it(`calls ${rrule} unrepresentable`, () => assert.match(reasonFor(rrule, start), why));
  }

  it('turns UNTIL into the last local date it still includes', () => {
    const range = (rrule: string, start: string): string | undefined => {
      const out = ruleToGraph(parseRrule(rrule, 'zoned'), at(start), TZ, WIN);
      return out.kind === 'exact' ? out.recurrence.range.endDate : undefined;
    };
    // Santiago is UTC-3 in January: 2025-01-10T13:00Z is 10:00 local.
    assert.equal(range('FREQ=DAILY;UNTIL=20250110T130000Z', '2025-01-01T10:00:00'), '2025-01-10');
    assert.equal(range('FREQ=DAILY;UNTIL=20250110T125959Z', '2025-01-01T10:00:00'), '2025-01-09');
    // 2025-01-11T02:00Z is still Jan 10 (23:00) local.
    assert.equal(range('FREQ=DAILY;UNTIL=20250111T020000Z', '2025-01-01T10:00:00'), '2025-01-10');
    assert.equal(range('FREQ=DAILY;UNTIL=20250110', '2025-01-01T10:00:00'), '2025-01-10');
    const numbered = ruleToGraph(parseRrule('FREQ=DAILY;COUNT=4', 'zoned'), at('2025-01-01T10:00:00'), TZ, WIN);
    assert.deepEqual(numbered.kind === 'exact' && numbered.recurrence.range, { type: 'numbered', startDate: '2025-01-01', numberOfOccurrences: 4, recurrenceTimeZone: WIN });
  });
});
