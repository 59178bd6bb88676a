import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatRrule, parseRrule, RruleParseError } from '../../../src/convert/recurrence/index.js';

describe('convert/recurrence rrule-text', () => {
  it('parses every part into the model and formats it back in canonical order', () => {
    const rule = parseRrule('RRULE:wkst=SU;BYDAY=1SU,-1SU;FREQ=MONTHLY;INTERVAL=2;COUNT=10', 'zoned');
    assert.deepEqual(rule, {
      freq: 'MONTHLY',
      interval: 2,
      count: 10,
      byDay: [{ day: 'SU', nth: 1 }, { day: 'SU', nth: -1 }],
      wkst: 'SU',
    });
    assert.equal(formatRrule(rule), 'FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU;WKST=SU');
  });

  it('reads UNTIL as UTC date-time, floating date-time or date, and writes zoned UNTIL in UTC', () => {
    assert.deepEqual(parseRrule('FREQ=DAILY;UNTIL=19971224T000000Z', 'zoned').until, { kind: 'zoned', local: '1997-12-24T00:00:00', tz: 'UTC' });
    assert.deepEqual(parseRrule('FREQ=DAILY;UNTIL=19971224T090000', 'floating').until, { kind: 'floating', local: '1997-12-24T09:00:00' });
    assert.deepEqual(parseRrule('FREQ=DAILY;UNTIL=19971224', 'date').until, { kind: 'date', date: '1997-12-24' });
    const berlin = formatRrule({ freq: 'DAILY', interval: 1, until: { kind: 'zoned', local: '2025-07-01T09:00:00', tz: 'Europe/Berlin' } });
    assert.equal(berlin, 'FREQ=DAILY;UNTIL=20250701T070000Z');
    assert.equal(formatRrule({ freq: 'DAILY', interval: 1, until: { kind: 'date', date: '2025-07-01' } }), 'FREQ=DAILY;UNTIL=20250701');
  });

  it('round-trips the list parts', () => {
    const text = 'FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYWEEKNO=20,-1;BYYEARDAY=1,-366;BYMONTHDAY=2,-3;BYDAY=TU;BYHOUR=9;BYMINUTE=0,30;BYSECOND=0;BYSETPOS=1,-1';
    assert.equal(formatRrule(parseRrule(text, 'zoned')), text);
  });

  const bad: [string, string][] = [
    ['INTERVAL=2', 'FREQ is required'],
    ['FREQ=FORTNIGHTLY', 'FREQ=FORTNIGHTLY'],
    ['FREQ=DAILY;COUNT=abc', 'COUNT=abc'],
    ['FREQ=DAILY;COUNT=0', 'COUNT=0'],
    ['FREQ=MONTHLY;BYDAY=XX', 'BYDAY=XX'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'BYMONTHDAY=32'],
    ['FREQ=MONTHLY;BYMONTHDAY=0', 'BYMONTHDAY=0'],
    ['FREQ=YEARLY;BYMONTH=-1', 'BYMONTH=-1'],
    ['FREQ=DAILY;UNTIL=19971324', 'UNTIL=19971324'],
    ['FREQ=DAILY;COUNT=3;UNTIL=19971224', 'COUNT and UNTIL'],
    ['FREQ=DAILY;COUNT=3;COUNT=4', 'COUNT=4'],
    ['FREQ=DAILY;FOO=1', 'FOO=1'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'BYDAY'],
    ['FREQ=MONTHLY;BYWEEKNO=3', 'BYWEEKNO'],
    ['FREQ=WEEKLY;BYMONTHDAY=3', 'BYMONTHDAY'],
    ['FREQ=MONTHLY;BYSETPOS=1', 'BYSETPOS'],
    ['FREQ=DAILY;RSCALE=GREGORIAN', 'RSCALE'],
  ];
  for (const [text, part] of bad) {
    it(`rejects ${text} naming ${part}`, () => {
      assert.throws(
        () => parseRrule(text, 'zoned'),
        (e: unknown) => e instanceof RruleParseError && e.message.includes(part) && e.rrule === text,
      );
    });
  }

  it('refuses time-of-day parts and sub-daily rules on all-day series', () => {
    assert.throws(() => parseRrule('FREQ=DAILY;BYHOUR=9', 'date'), RruleParseError);
    assert.throws(() => parseRrule('FREQ=HOURLY', 'date'), RruleParseError);
    assert.equal(parseRrule('FREQ=DAILY;BYHOUR=9', 'zoned').byHour?.[0], 9);
  });

  it('UNTIL dates are accepted exactly when Date reads them back as written (fast-check)', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const date = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        const real = !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
        const read = (() => {
          try {
            return parseRrule(`FREQ=DAILY;UNTIL=${date.replace(/-/g, '')}`, 'date').until;
          } catch {
            return undefined;
          }
        })();
        assert.deepEqual(read, real ? { kind: 'date', date } : undefined, date);
      }),
      { numRuns: 3000 },
    );
  });
});

