import assert from 'node:assert/strict';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { formatRrule } from '../../../src/convert/ical/deps.js';
import { rruleOut } from '../../../src/convert/ical/write-rrule.js';
import { dateValue, floating, zoned, type RecurrenceRule, type Weekday } from '../../../src/model/index.js';

/** What ical.js makes of formatRrule's text: the RRULE value it writes back, UNTIL's year and COUNT. */
function viaIcalJs(rule: RecurrenceRule): { text: string; untilYear?: number; count?: number } {
  const prop = ICAL.Property.fromString(`RRULE:${formatRrule(rule)}`);
  const recur = prop.getFirstValue() as ICAL.Recur;
  return {
    text: ICAL.stringify.property(prop.toJSON() as Parameters<typeof ICAL.stringify.property>[0], ICAL.design.icalendar, true).slice('RRULE:'.length),
    ...(recur.until ? { untilYear: recur.until.year } : {}),
    ...(recur.count ? { count: recur.count } : {}),
  };
}

const list = (min: number, max: number) => fc.option(fc.array(fc.integer({ min: min - 2, max: max + 2 }), { maxLength: 4 }), { nil: undefined });
const day = fc.constantFrom<Weekday>('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU');

/** Rules in and out of what ical.js writes back as it reads them: repeats, empty lists, INTERVAL 0, ordinals out of range. */
const rule: fc.Arbitrary<RecurrenceRule> = fc.record(
  {
    freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'HOURLY'),
    interval: fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 4 }), fc.constant(1.5)),
    count: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    until: fc.option(
      fc.constantFrom(dateValue('2027-03-01'), floating('2027-03-01T09:00:00'), zoned('2026-12-31T23:30:00', 'Asia/Tokyo'), zoned('2027-03-01T09:00:00', 'UTC')),
      { nil: undefined },
    ),
    byDay: fc.option(fc.array(fc.record({ day, nth: fc.option(fc.integer({ min: -54, max: 54 }), { nil: undefined }) }, { requiredKeys: ['day'] }), { maxLength: 4 }), {
      nil: undefined,
    }),
    byMonthDay: list(-31, 31),
    byMonth: list(1, 12),
    bySetPos: list(-366, 366),
    byHour: list(0, 23),
    wkst: fc.option(day, { nil: undefined }),
  },
  { requiredKeys: ['freq', 'interval'] },
);

describe('rruleOut', () => {
  it('writes what ical.js writes back from formatRrule, with the same UNTIL year and COUNT (and fails where it fails)', () => {
    fc.assert(
      fc.property(rule, (r) => {
        let expected: ReturnType<typeof viaIcalJs> | 'throws';
        try {
          expected = viaIcalJs(r);
        } catch {
          expected = 'throws';
        }
        if (expected === 'throws') {
          assert.throws(() => rruleOut(r));
          return;
        }
        const out = rruleOut(r);
        assert.equal(out.text, expected.text);
        assert.equal(out.untilYear, expected.untilYear);
        assert.equal(out.count || undefined, expected.count);
      }),
      { numRuns: 2000 },
    );
  });
});
