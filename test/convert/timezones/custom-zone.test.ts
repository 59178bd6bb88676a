import assert from 'node:assert/strict';
import {
  EXACT_FROM_YEAR,
  VtimezoneParseError,
  customZoneOffsetMinutes,
  parseVtimezone,
} from '../../../src/convert/timezones/custom-zone.js';
import { LOTUS_EASTERN, OLD_BRAZIL_RULES, OUTLOOK_W_EUROPE, THUNDERBIRD_BERLIN } from './fixtures/vtimezones.js';

describe('convert/timezones/custom-zone', () => {
  describe('parseVtimezone', () => {
    it('reads the TZID of a bare VTIMEZONE', () => {
      assert.equal(parseVtimezone(OUTLOOK_W_EUROPE).tzid, 'W. Europe Standard Time');
    });

    it('names what is wrong with a broken one', () => {
      const noOffsets = 'BEGIN:VTIMEZONE\r\nTZID:X\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE';
      assert.throws(
        () => parseVtimezone(noOffsets),
        (e: unknown) => e instanceof VtimezoneParseError && e.tzid === 'X' && /TZOFFSETFROM/.test(e.message),
      );
      assert.throws(() => parseVtimezone('BEGIN:VCALENDAR\r\nEND:VCALENDAR'), /no VTIMEZONE/);
    });
  });

  describe('customZoneOffsetMinutes', () => {
    it("follows the VTIMEZONE's own transitions to the minute", () => {
      // 2025 EU summer time: 30 March 01:00Z to 26 October 01:00Z.
      assert.equal(customZoneOffsetMinutes(OUTLOOK_W_EUROPE, Date.UTC(2025, 2, 30, 0, 59)), 60);
      assert.equal(customZoneOffsetMinutes(OUTLOOK_W_EUROPE, Date.UTC(2025, 2, 30, 1, 0)), 120);
      assert.equal(customZoneOffsetMinutes(OUTLOOK_W_EUROPE, Date.UTC(2025, 9, 26, 0, 59)), 120);
      assert.equal(customZoneOffsetMinutes(OUTLOOK_W_EUROPE, Date.UTC(2025, 9, 26, 1, 0)), 60);
    });

    it('applies rules that no IANA zone has any more', () => {
      // Third Sunday of October 2026 is the 18th: -03:00 until 03:00Z, then -02:00.
      assert.equal(customZoneOffsetMinutes(OLD_BRAZIL_RULES, Date.UTC(2026, 9, 18, 2, 59)), -180);
      assert.equal(customZoneOffsetMinutes(OLD_BRAZIL_RULES, Date.UTC(2026, 9, 18, 3, 0)), -120);
      assert.equal(customZoneOffsetMinutes(OLD_BRAZIL_RULES, Date.UTC(2026, 6, 1)), -180);
    });

    it(`reads Outlook's 1601-based rules exactly from ${EXACT_FROM_YEAR} on (they are restarted to be cheap)`, () => {
      const wrong: string[] = [];
      for (let ms = Date.UTC(EXACT_FROM_YEAR, 0, 1); ms < Date.UTC(2036, 0, 1); ms += 3 * 86_400_000 + 3_600_000) {
        // Thunderbird's block has the same EU rules but starts in 1970, so it is read as written.
        if (customZoneOffsetMinutes(OUTLOOK_W_EUROPE, ms) !== customZoneOffsetMinutes(THUNDERBIRD_BERLIN, ms)) {
          wrong.push(new Date(ms).toISOString());
        }
      }
      assert.deepEqual(wrong, []);
    });

    it('drops a yearly rule that ended long ago but keeps the offsets after it', () => {
      const block = [
        'BEGIN:VTIMEZONE',
        'TZID:Two eras',
        'BEGIN:DAYLIGHT',
        'DTSTART:16010401T020000',
        'TZOFFSETFROM:+0300',
        'TZOFFSETTO:+0400',
        'RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=19500402T230000Z',
        'END:DAYLIGHT',
        'BEGIN:STANDARD',
        'DTSTART:16011001T030000',
        'TZOFFSETFROM:+0400',
        'TZOFFSETTO:+0300',
        'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU',
        'END:STANDARD',
        'END:VTIMEZONE',
      ].join('\r\n');
      assert.equal(customZoneOffsetMinutes(block, Date.UTC(2026, 6, 1)), 180);
      assert.equal(customZoneOffsetMinutes(block, Date.UTC(2026, 0, 1)), 180);
    });

    it('reads a VTIMEZONE inside a VCALENDAR', () => {
      const wrapped = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${LOTUS_EASTERN}END:VCALENDAR\r\n`;
      assert.equal(customZoneOffsetMinutes(wrapped, Date.UTC(2026, 0, 15)), -300);
      assert.equal(customZoneOffsetMinutes(wrapped, Date.UTC(2026, 6, 15)), -240);
    });
  });
});
