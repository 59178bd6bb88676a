import assert from 'node:assert/strict';
import { fallbackCarrier, NoOccurrencesError, parseRrule } from '../../../src/convert/recurrence/index.js';
import { occurrenceKey } from '../../../src/model/keys.js';
import type { EventTime } from '../../../src/model/time.js';
import { carrierLocals, localOf } from './oracle.js';

const TZ = 'Europe/Berlin';
const WIN = 'W. Europe Standard Time';
const at = (local: string): EventTime => ({ kind: 'zoned', local, tz: TZ });
const HORIZON = Date.UTC(2025, 5, 1);

describe('convert/recurrence fallbackCarrier', () => {
  it('carries BYMONTHDAY=1,15 as a daily series with the other days cancelled', () => {
    const c = fallbackCarrier({ start: at('2025-01-01T09:00:00'), end: at('2025-01-01T09:45:00'), rule: parseRrule('FREQ=MONTHLY;BYMONTHDAY=1,15;COUNT=4', 'zoned'), horizonMs: HORIZON, seriesTz: TZ, windowsZone: WIN, label: 'uid-42' });
    assert.deepEqual(c.recurrence, { pattern: { type: 'daily', interval: 1 }, range: { type: 'endDate', startDate: '2025-01-01', endDate: '2025-02-15', recurrenceTimeZone: WIN } });
    assert.deepEqual(c.masterStart, at('2025-01-01T09:00:00'));
    assert.deepEqual(c.masterEnd, at('2025-01-01T09:45:00'));
    assert.equal(c.cancelledStarts.length, 46 - 4);
    assert.deepEqual(c.moved, []);
    assert.deepEqual(c.extraSingles, []);
    assert.match(c.warning, /^uid-42: RRULE FREQ=MONTHLY;COUNT=4;BYMONTHDAY=1,15 has no Graph pattern.*42 cancelled/);
    assert.deepEqual(carrierLocals(c, TZ, HORIZON), ['2025-01-01T09:00:00', '2025-01-15T09:00:00', '2025-02-01T09:00:00', '2025-02-15T09:00:00']);
  });

  it('moves an RDATE at another time of day within its day and keeps the duration', () => {
    const c = fallbackCarrier({
      start: at('2025-03-03T09:00:00'),
      end: at('2025-03-03T10:30:00'),
      rule: parseRrule('FREQ=WEEKLY;COUNT=2', 'zoned'),
      rdates: [at('2025-03-05T16:00:00')],
      horizonMs: HORIZON,
      seriesTz: TZ,
      windowsZone: WIN,
      reason: 'RDATE',
    });
    assert.deepEqual(c.moved, [{ originalStart: at('2025-03-05T09:00:00'), start: at('2025-03-05T16:00:00'), end: at('2025-03-05T17:30:00') }]);
    assert.match(c.warning, /\(RDATE\)/);
    assert.deepEqual(carrierLocals(c, TZ, HORIZON), ['2025-03-03T09:00:00', '2025-03-05T16:00:00', '2025-03-10T09:00:00']);
  });

  it('returns the second and later occurrences of a day as extra single events (HOURLY)', () => {
    const c = fallbackCarrier({ start: at('2025-03-29T22:00:00'), end: at('2025-03-29T22:30:00'), rule: parseRrule('FREQ=HOURLY;INTERVAL=2;COUNT=4', 'zoned'), horizonMs: HORIZON, seriesTz: TZ, windowsZone: WIN });
    // 22:00, 00:00, 02:00 (in the 2025-03-30 DST gap: kept as the rule's wall time, read as 03:00 CEST), 04:00.
    assert.deepEqual(c.extraSingles.map((s) => localOf(s.start)), ['2025-03-30T02:00:00', '2025-03-30T04:00:00']);
    assert.deepEqual(c.extraSingles[0]!.end, at('2025-03-30T02:30:00'));
    assert.deepEqual(c.moved, [{ originalStart: at('2025-03-30T22:00:00'), start: at('2025-03-30T00:00:00'), end: at('2025-03-30T00:30:00') }]);
    assert.equal(c.recurrence.range.endDate, '2025-03-30');
    assert.deepEqual(carrierLocals(c, TZ, HORIZON), ['2025-03-29T22:00:00', '2025-03-30T00:00:00', '2025-03-30T02:00:00', '2025-03-30T04:00:00']);
  });

  it('starts the carrier at the first occurrence left after EXDATEs, in the series zone', () => {
    const c = fallbackCarrier({
      start: { kind: 'zoned', local: '2025-01-06T08:00:00', tz: 'UTC' },
      end: { kind: 'zoned', local: '2025-01-06T09:00:00', tz: 'UTC' },
      rule: parseRrule('FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1,-1;COUNT=4', 'zoned'),
      exdates: [occurrenceKey({ kind: 'zoned', local: '2025-01-06T08:00:00', tz: 'UTC' })],
      horizonMs: HORIZON,
      seriesTz: TZ,
      windowsZone: WIN,
    });
    assert.deepEqual(c.masterStart, at('2025-01-27T09:00:00'));
    assert.deepEqual(carrierLocals(c, TZ, HORIZON), ['2025-01-27T09:00:00', '2025-02-03T09:00:00', '2025-02-24T09:00:00']);
  });

  it('carries all-day series as dates', () => {
    const c = fallbackCarrier({ start: { kind: 'date', date: '2025-01-30' }, end: { kind: 'date', date: '2025-01-31' }, rule: parseRrule('FREQ=MONTHLY;BYMONTHDAY=-1,-2;COUNT=4', 'date'), horizonMs: HORIZON, seriesTz: TZ, windowsZone: WIN });
    assert.deepEqual(c.masterStart, { kind: 'date', date: '2025-01-30' });
    assert.deepEqual(c.masterEnd, { kind: 'date', date: '2025-01-31' });
    assert.deepEqual(carrierLocals(c, TZ, HORIZON), ['2025-01-30', '2025-01-31', '2025-02-27', '2025-02-28']);
  });

  it('stops at the horizon for endless rules', () => {
    const c = fallbackCarrier({ start: at('2025-01-01T09:00:00'), end: at('2025-01-01T10:00:00'), rule: parseRrule('FREQ=MONTHLY;BYMONTHDAY=1,15', 'zoned'), horizonMs: Date.UTC(2025, 1, 15, 8), seriesTz: TZ, windowsZone: WIN });
    assert.equal(c.recurrence.range.endDate, '2025-02-01');
  });

  it('refuses a series with nothing to carry', () => {
    assert.throws(
      () => fallbackCarrier({ start: at('2025-01-01T09:00:00'), end: at('2025-01-01T10:00:00'), rule: parseRrule('FREQ=DAILY;COUNT=1', 'zoned'), exdates: [occurrenceKey(at('2025-01-01T09:00:00'))], horizonMs: HORIZON, seriesTz: TZ, windowsZone: WIN, label: 'uid-7' }),
      (e: unknown) => e instanceof NoOccurrencesError && e.label === 'uid-7',
    );
  });
});
