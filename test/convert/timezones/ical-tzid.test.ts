import assert from 'node:assert/strict';
import { VtimezoneParseError } from '../../../src/convert/timezones/custom-zone.js';
import { UnresolvableTzidError, resolveIcalTzid } from '../../../src/convert/timezones/ical-tzid.js';
import {
  LOTUS_EASTERN,
  LOTUS_W_EUROPE,
  OLD_BRAZIL_RULES,
  OUTLOOK_CUSTOMIZED_EASTERN,
  OUTLOOK_CUSTOMIZED_INDIA,
  OUTLOOK_DISPLAY_NAME,
  OUTLOOK_W_EUROPE,
  RENAMED_PARIS_HINT,
  THUNDERBIRD_BERLIN,
} from './fixtures/vtimezones.js';

const tzidOf = (block: string): string => /^TZID:(.*)$/m.exec(block)![1]!.trim();

describe('convert/timezones/ical-tzid', () => {
  describe('resolveIcalTzid by name', () => {
    const table: [string, string][] = [
      ['Europe/Berlin', 'Europe/Berlin'],
      ['europe/berlin', 'Europe/Berlin'],
      ['"Europe/Vienna"', 'Europe/Vienna'],
      ['Asia/Calcutta', 'Asia/Kolkata'],
      ['US/Eastern', 'America/New_York'],
      ['UTC', 'UTC'],
      ['/mozilla.org/20050126_1/Europe/Berlin', 'Europe/Berlin'],
      ['/mozilla.org/20070129_1/America/New_York', 'America/New_York'],
      ['/freeassociation.sourceforge.net/Tzfile/Europe/London', 'Europe/London'],
      ['/freeassociation.sourceforge.net/Europe/London', 'Europe/London'],
      ['/citadel.org/20190914_1/Asia/Tokyo', 'Asia/Tokyo'],
      ['/softwarestudio.org/Olson_20011030_5/America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
      ['W. Europe Standard Time', 'Europe/Berlin'],
      ['tokyo standard time', 'Asia/Tokyo'],
      ['(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'Europe/Berlin'],
      ['(GMT+01.00) Amsterdam / Berlin / Bern / Rome / Stockholm / Vienna', 'Europe/Berlin'],
      ['(UTC-05:00) Eastern Time (US & Canada)', 'America/New_York'],
      ['(GMT-05:00) Eastern Time (US & Canada)', 'America/New_York'],
      // Windows moved Astana's display offset from +06:00 to +05:00 over the years; the place list decides.
      ['(UTC+05:00) Astana', 'Asia/Bishkek'],
    ];
    for (const [tzid, tz] of table) {
      it(`${tzid} → ${tz}`, () => assert.deepEqual(resolveIcalTzid(tzid), { kind: 'iana', tz }));
    }

    it('takes the name over the VTIMEZONE when the name is known (Outlook, old Thunderbird)', () => {
      assert.deepEqual(resolveIcalTzid(tzidOf(OUTLOOK_W_EUROPE), OUTLOOK_W_EUROPE), { kind: 'iana', tz: 'Europe/Berlin' });
      assert.deepEqual(resolveIcalTzid(tzidOf(OUTLOOK_DISPLAY_NAME), OUTLOOK_DISPLAY_NAME), {
        kind: 'iana',
        tz: 'Europe/Berlin',
      });
      assert.deepEqual(resolveIcalTzid(tzidOf(THUNDERBIRD_BERLIN), THUNDERBIRD_BERLIN), {
        kind: 'iana',
        tz: 'Europe/Berlin',
      });
    });

    it('throws UnresolvableTzidError for an unknown name without VTIMEZONE', () => {
      assert.throws(() => resolveIcalTzid('Customized Time Zone'), UnresolvableTzidError);
      assert.throws(() => resolveIcalTzid('Eastern'), UnresolvableTzidError);
    });
  });

  describe('resolveIcalTzid by rules', () => {
    it("matches Outlook's \"Customized Time Zone\" with US rules to America/New_York", () => {
      assert.deepEqual(resolveIcalTzid('Customized Time Zone', OUTLOOK_CUSTOMIZED_EASTERN), {
        kind: 'iana',
        tz: 'America/New_York',
      });
    });

    it('matches a fixed +05:30 custom zone to the CLDR default for that offset (Asia/Kolkata)', () => {
      assert.deepEqual(resolveIcalTzid('Customized Time Zone', OUTLOOK_CUSTOMIZED_INDIA), {
        kind: 'iana',
        tz: 'Asia/Kolkata',
      });
    });

    it('matches Lotus Notes short names, preferring the Windows zone the name starts', () => {
      assert.deepEqual(resolveIcalTzid('Eastern', LOTUS_EASTERN), { kind: 'iana', tz: 'America/New_York' });
      assert.deepEqual(resolveIcalTzid('W. Europe', LOTUS_W_EUROPE), { kind: 'iana', tz: 'Europe/Berlin' });
    });

    it('prefers the X-LIC-LOCATION zone among zones with the same rules', () => {
      assert.deepEqual(resolveIcalTzid('Office Zone', RENAMED_PARIS_HINT), { kind: 'iana', tz: 'Europe/Paris' });
    });

    it('keeps a VTIMEZONE no real zone follows today as custom (Brazil dropped DST in 2019)', () => {
      const tzid = tzidOf(OLD_BRAZIL_RULES);
      assert.deepEqual(resolveIcalTzid(tzid, OLD_BRAZIL_RULES), { kind: 'custom', tzid, vtimezone: OLD_BRAZIL_RULES });
    });

    it('rejects a VTIMEZONE that cannot be parsed or has no observances', () => {
      assert.throws(() => resolveIcalTzid('Broken', 'BEGIN:VTIMEZONE\r\nTZID:Broken\r\nEND:VTIMEZONE\r\n'), VtimezoneParseError);
      assert.throws(() => resolveIcalTzid('Broken', 'not iCalendar at all'), VtimezoneParseError);
    });
  });
});
