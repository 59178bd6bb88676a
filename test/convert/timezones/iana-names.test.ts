import assert from 'node:assert/strict';
import { canonicalIana, currentRulesVtimezone, icuZoneId } from '../../../src/convert/timezones/iana-names.js';

describe('convert/timezones/iana-names', () => {
  describe('canonicalIana', () => {
    const table: [string, string | undefined][] = [
      ['Asia/Calcutta', 'Asia/Kolkata'],
      ['Asia/Kolkata', 'Asia/Kolkata'],
      ['Europe/Kiev', 'Europe/Kyiv'],
      ['america/godthab', 'America/Nuuk'],
      ['US/Pacific', 'America/Los_Angeles'],
      ['Etc/UTC', 'UTC'],
      ['GMT', 'UTC'],
      ['Etc/GMT-14', 'Etc/GMT-14'],
      // Folded into Europe/Brussels by IANA in 2022, still its own zone for ICU and CLDR: keeps its name.
      ['Europe/Amsterdam', 'Europe/Amsterdam'],
      [' Europe/Berlin ', 'Europe/Berlin'],
      ['W. Europe Standard Time', undefined],
      ['+01:00', undefined],
      ['', undefined],
    ];
    for (const [name, expected] of table) {
      it(`${JSON.stringify(name)} → ${expected}`, () => assert.equal(canonicalIana(name), expected));
    }

    it('returns names Intl accepts, naming the same zone', () => {
      for (const name of ['Asia/Calcutta', 'Europe/Kiev', 'America/Buenos_Aires', 'Asia/Rangoon', 'Pacific/Enderbury']) {
        const canonical = canonicalIana(name)!;
        assert.equal(icuZoneId(canonical), icuZoneId(name), name);
      }
    });
  });

  describe('currentRulesVtimezone', () => {
    it("labels the library's block with the zone asked for, CRLF-terminated", () => {
      const text = currentRulesVtimezone('Europe/Amsterdam')!;
      assert.match(text, /^BEGIN:VTIMEZONE\r\nTZID:Europe\/Amsterdam\r\n/);
      assert.match(text, /\r\nX-LIC-LOCATION:Europe\/Amsterdam\r\n/);
      assert.match(text, /END:VTIMEZONE\r\n$/);
    });

    it('has nothing for names the library does not list', () => {
      assert.equal(currentRulesVtimezone('Mars/Olympus_Mons'), undefined);
    });
  });
});
