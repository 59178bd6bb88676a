import assert from 'node:assert/strict';
import fc from 'fast-check';
import { expandRule, parseRrule } from '../../../src/convert/recurrence/index.js';
import { makeRrule } from '../../../src/convert/recurrence/rrule-engine.js';
import { skipAhead } from '../../../src/convert/recurrence/skip-ahead.js';
import { localAsUtcMs } from '../../../src/model/instant.js';
import { occurrenceKey } from '../../../src/model/keys.js';
import type { EventTime } from '../../../src/model/time.js';
import { localOf } from './oracle.js';

const berlin = (local: string): EventTime => ({ kind: 'zoned', local, tz: 'Europe/Berlin' });

describe('convert/recurrence expandRule', () => {
  it('counts a DTSTART that does not match the rule as the first instance, also toward COUNT (RFC 5545 §3.8.5.3)', () => {
    const got = expandRule({ start: berlin('2025-04-02T09:00:00'), rule: parseRrule('FREQ=WEEKLY;BYDAY=MO;COUNT=3', 'zoned'), fromMs: 0, toMs: Date.UTC(2030, 0, 1) });
    assert.deepEqual(got.map(localOf), ['2025-04-02T09:00:00', '2025-04-07T09:00:00', '2025-04-14T09:00:00']);
  });

  it('keeps the wall time across DST in both hemispheres', () => {
    const sydney: EventTime = { kind: 'zoned', local: '2025-04-04T09:00:00', tz: 'Australia/Sydney' };
    const got = expandRule({ start: sydney, rule: parseRrule('FREQ=DAILY;COUNT=4', 'zoned'), fromMs: 0, toMs: Date.UTC(2030, 0, 1) });
    // Sydney leaves DST (UTC+11 → UTC+10) on 2025-04-06 at 03:00.
    assert.deepEqual(got.map(occurrenceKey), ['2025-04-03T22:00:00Z', '2025-04-04T22:00:00Z', '2025-04-05T23:00:00Z', '2025-04-06T23:00:00Z']);
  });

  it('applies an instant UNTIL exactly, even when the series zone is not UTC', () => {
    // 2025-03-31T07:00Z is 09:00 in Berlin (CEST): the 09:00 occurrence that day is included, 09:00:01 would not be.
    const rule = parseRrule('FREQ=DAILY;UNTIL=20250331T070000Z', 'zoned');
    const got = expandRule({ start: berlin('2025-03-29T09:00:00'), rule, fromMs: 0, toMs: Date.UTC(2030, 0, 1) });
    assert.deepEqual(got.map(localOf), ['2025-03-29T09:00:00', '2025-03-30T09:00:00', '2025-03-31T09:00:00']);
    const before = parseRrule('FREQ=DAILY;UNTIL=20250331T065959Z', 'zoned');
    assert.equal(expandRule({ start: berlin('2025-03-29T09:00:00'), rule: before, fromMs: 0, toMs: Date.UTC(2030, 0, 1) }).length, 2);
  });

  it('returns starts in [fromMs, toMs) only, with RDATEs added and EXDATEs (by instant) removed', () => {
    const start = berlin('2025-01-06T09:00:00');
    const rule = parseRrule('FREQ=WEEKLY', 'zoned');
    const got = expandRule({
      start,
      rule,
      rdates: [berlin('2025-01-15T18:00:00'), { kind: 'zoned', local: '2025-01-06T08:00:00', tz: 'UTC' }],
      exdates: [occurrenceKey({ kind: 'zoned', local: '2025-01-20T08:00:00', tz: 'UTC' })],
      fromMs: Date.UTC(2025, 0, 13, 8),
      toMs: Date.UTC(2025, 0, 27, 8),
    });
    assert.deepEqual(got.map(localOf), ['2025-01-13T09:00:00', '2025-01-15T18:00:00']);
  });

  it('expands floating and all-day series in the given zone', () => {
    const floating = expandRule({ start: { kind: 'floating', local: '2025-01-01T23:00:00' }, rule: parseRrule('FREQ=DAILY', 'floating'), fromMs: Date.UTC(2025, 0, 2), toMs: Date.UTC(2025, 0, 4), floatingTz: 'Asia/Tokyo' });
    // 23:00 in Tokyo is 14:00Z: Jan 1 and Jan 4 fall outside [Jan 2, Jan 4) UTC.
    assert.deepEqual(floating.map(localOf), ['2025-01-02T23:00:00', '2025-01-03T23:00:00']);
    const days = expandRule({ start: { kind: 'date', date: '2024-02-29' }, rule: parseRrule('FREQ=YEARLY;UNTIL=20330101', 'date'), fromMs: 0, toMs: Date.UTC(2040, 0, 1) });
    assert.deepEqual(days, [{ kind: 'date', date: '2024-02-29' }, { kind: 'date', date: '2028-02-29' }, { kind: 'date', date: '2032-02-29' }]);
  });

  it('answers rules no calendar can satisfy at once, with DTSTART as the only instance', () => {
    for (const text of ['FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30', 'FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=31,-31']) {
      const got = expandRule({ start: berlin('2025-01-01T09:00:00'), rule: parseRrule(text, 'zoned'), fromMs: 0, toMs: Date.UTC(2030, 0, 1) });
      assert.deepEqual(got.map(localOf), ['2025-01-01T09:00:00'], text);
    }
  });

  it('returns the earliest `limit` occurrences', () => {
    const got = expandRule({ start: berlin('2025-01-01T09:00:00'), rule: parseRrule('FREQ=DAILY', 'zoned'), fromMs: 0, toMs: Date.UTC(2030, 0, 1), limit: 3 });
    assert.deepEqual(got.map(localOf), ['2025-01-01T09:00:00', '2025-01-02T09:00:00', '2025-01-03T09:00:00']);
    const open = expandRule({ start: berlin('2025-01-01T09:00:00'), rule: parseRrule('FREQ=WEEKLY', 'zoned'), fromMs: -Infinity, toMs: Infinity, limit: 2 });
    assert.deepEqual(open.map(localOf), ['2025-01-01T09:00:00', '2025-01-08T09:00:00']);
  });

  it('does not walk a ten-year-old daily series from its start', () => {
    const rule = parseRrule('FREQ=DAILY', 'zoned');
    const rebased = skipAhead(rule, localAsUtcMs('2016-01-04T09:00:00'), localAsUtcMs('2026-03-01T00:00:00'));
    assert.ok(rebased.dtstart >= localAsUtcMs('2026-02-27T00:00:00'), 'DTSTART moved to just before the window');
    const got = expandRule({ start: berlin('2016-01-04T09:00:00'), rule, fromMs: Date.UTC(2026, 2, 1), toMs: Date.UTC(2026, 2, 8) });
    assert.deepEqual(got.map(localOf), ['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-03-${d}T09:00:00`));
  });

  it('skipping ahead never changes the occurrences (property, against rrule from DTSTART)', () => {
    const rules = ['FREQ=DAILY;INTERVAL=3', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;WKST=SU', 'FREQ=MONTHLY;BYDAY=TU,TH;BYSETPOS=-1', 'FREQ=MONTHLY;INTERVAL=5', 'FREQ=MONTHLY;BYMONTHDAY=31',
      'FREQ=YEARLY;INTERVAL=2', 'FREQ=YEARLY;BYWEEKNO=1,20;BYDAY=MO', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1', 'FREQ=HOURLY;INTERVAL=7;BYDAY=SA', 'FREQ=YEARLY;BYYEARDAY=-1;BYHOUR=8,20'];
    fc.assert(
      fc.property(
        fc.constantFrom(...rules),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2010, 0, 1) }),
        fc.integer({ min: 0, max: 15 * 365 }),
        (text, startMs, offsetDays) => {
          const rule = parseRrule(text, 'zoned');
          const dtstart = Math.floor(startMs / 60_000) * 60_000;
          const from = dtstart + offsetDays * 86_400_000;
          const to = from + 400 * 86_400_000;
          const rebased = skipAhead(rule, dtstart, from);
          const fast = makeRrule(rebased.rule, rebased.dtstart).between(new Date(from), new Date(to), true).map((d) => d.getTime());
          const slow = makeRrule(rule, dtstart).between(new Date(from), new Date(to), true).map((d) => d.getTime());
          assert.deepEqual(fast, slow);
        },
      ),
      { numRuns: 150 },
    );
  });
});
