import assert from 'node:assert/strict';
import { icuZoneId } from '../../../src/convert/timezones/iana-names.js';
import { WINDOWS_ZONES } from '../../../src/convert/timezones/windows-zones-data.js';
import {
  ianaToWindows,
  resolveGraphZone,
  windowsToIana,
  windowsZoneRecord,
} from '../../../src/convert/timezones/windows-zones.js';

describe('convert/timezones/windows-zones', () => {
  describe('windowsToIana', () => {
    const table: [string, string | undefined, string][] = [
      ['Pacific Standard Time', undefined, 'America/Los_Angeles'],
      ['pacific standard time', undefined, 'America/Los_Angeles'],
      ['  Eastern Standard Time ', undefined, 'America/New_York'],
      ['W. Europe Standard Time', undefined, 'Europe/Berlin'],
      ['W. Europe Standard Time', 'NL', 'Europe/Amsterdam'],
      ['W. Europe Standard Time', 'ch', 'Europe/Zurich'],
      // CLDR writes legacy ids; we hand out the current IANA spelling.
      ['India Standard Time', undefined, 'Asia/Kolkata'],
      ['FLE Standard Time', undefined, 'Europe/Kyiv'],
      ['Greenland Standard Time', undefined, 'America/Nuuk'],
      ['Nepal Standard Time', undefined, 'Asia/Kathmandu'],
      ['Myanmar Standard Time', undefined, 'Asia/Yangon'],
      ['Argentina Standard Time', undefined, 'America/Argentina/Buenos_Aires'],
      ['SE Asia Standard Time', 'VN', 'Asia/Ho_Chi_Minh'],
      ['Mountain Standard Time', 'MX', 'America/Ciudad_Juarez'],
      ['Mountain Standard Time', undefined, 'America/Denver'],
      ['UTC', undefined, 'UTC'],
      ['UTC-11', undefined, 'Etc/GMT+11'],
      ['UTC+13', undefined, 'Etc/GMT-13'],
      ['Chatham Islands Standard Time', undefined, 'Pacific/Chatham'],
      ['Central Asia Standard Time', undefined, 'Asia/Bishkek'],
      // A territory the Windows zone does not list falls back to the default.
      ['Pacific Standard Time', 'DE', 'America/Los_Angeles'],
    ];
    for (const [win, territory, iana] of table) {
      it(`${JSON.stringify(win)}${territory ? ` / ${territory}` : ''} → ${iana}`, () => {
        assert.equal(windowsToIana(win, territory), iana);
      });
    }

    it('returns undefined for names that are not Windows zones', () => {
      assert.equal(windowsToIana('Europe/Berlin'), undefined);
      assert.equal(windowsToIana('Pacific Time'), undefined);
      assert.equal(windowsToIana(''), undefined);
    });

    it('maps every CLDR 001 default to a zone Intl knows, and to the same zone CLDR names', () => {
      assert.ok(WINDOWS_ZONES.length > 130, 'vendored CLDR data looks truncated');
      for (const r of WINDOWS_ZONES) {
        const cldr = r.territories['001']![0]!;
        const iana = windowsToIana(r.windows);
        assert.ok(iana !== undefined, `${r.windows} (${cldr}) did not resolve`);
        assert.doesNotThrow(() => new Intl.DateTimeFormat('en', { timeZone: iana }), `${iana} unknown to Intl`);
        assert.equal(icuZoneId(iana), icuZoneId(cldr), `${r.windows}: ${iana} is not the zone ${cldr}`);
      }
    });

    it('knows every zone of every territory CLDR lists', () => {
      const unknown = WINDOWS_ZONES.flatMap((r) => Object.values(r.territories).flat()).filter(
        (z) => icuZoneId(z) === undefined,
      );
      assert.deepEqual(unknown, []);
    });
  });

  it("carries the display names Graph's supportedTimeZones returns (graph-samples/22)", () => {
    const fromGraph: [string, string][] = [
      ['Dateline Standard Time', '(UTC-12:00) International Date Line West'],
      ['Samoa Standard Time', '(UTC+13:00) Samoa'],
      ['UTC-11', '(UTC-11:00) Coordinated Universal Time-11'],
      ['Aleutian Standard Time', '(UTC-10:00) Aleutian Islands'],
    ];
    for (const [alias, displayName] of fromGraph) assert.equal(windowsZoneRecord(alias)?.display, displayName);
  });

  describe('ianaToWindows', () => {
    const table: [string, string][] = [
      ['America/Los_Angeles', 'Pacific Standard Time'],
      ['US/Pacific', 'Pacific Standard Time'],
      ['America/Vancouver', 'Pacific Standard Time'],
      ['Europe/Kyiv', 'FLE Standard Time'],
      ['Europe/Kiev', 'FLE Standard Time'],
      ['Asia/Kolkata', 'India Standard Time'],
      ['Asia/Calcutta', 'India Standard Time'],
      ['America/Ciudad_Juarez', 'Mountain Standard Time'],
      ['America/Chihuahua', 'Central Standard Time (Mexico)'],
      ['America/Nuuk', 'Greenland Standard Time'],
      ['Pacific/Kanton', 'UTC+13'],
      ['Etc/GMT+5', 'SA Pacific Standard Time'],
      ['UTC', 'UTC'],
      ['Etc/UTC', 'UTC'],
      ['GMT', 'UTC'],
      ['Europe/London', 'GMT Standard Time'],
      ['Europe/Amsterdam', 'W. Europe Standard Time'],
      ['europe/berlin', 'W. Europe Standard Time'],
      ['Australia/Sydney', 'AUS Eastern Standard Time'],
      ['America/Sao_Paulo', 'E. South America Standard Time'],
      ['Asia/Almaty', 'West Asia Standard Time'],
    ];
    for (const [iana, win] of table) {
      it(`${iana} → ${win}`, () => assert.equal(ianaToWindows(iana), win));
    }

    it('returns undefined for unknown names and zones CLDR does not map', () => {
      assert.equal(ianaToWindows('Mars/Olympus_Mons'), undefined);
      assert.equal(ianaToWindows('Pacific Standard Time'), undefined);
      assert.equal(ianaToWindows('+01:00'), undefined);
    });
  });

  describe('round trips', () => {
    it('Windows → IANA → Windows gives the same Windows zone for every CLDR entry', () => {
      for (const r of WINDOWS_ZONES) {
        assert.equal(ianaToWindows(windowsToIana(r.windows)!), r.windows, r.windows);
      }
    });

    it('IANA → Windows → IANA stays the same zone for every territory default', () => {
      for (const r of WINDOWS_ZONES) {
        for (const [territory, zones] of Object.entries(r.territories)) {
          const zone = zones[0]!;
          const back = windowsToIana(ianaToWindows(zone)!, territory);
          assert.equal(icuZoneId(back!), icuZoneId(zone), `${zone} (${territory}) came back as ${back}`);
        }
      }
    });
  });

  describe('resolveGraphZone', () => {
    const table: [string, ReturnType<typeof resolveGraphZone>][] = [
      ['Pacific Standard Time', { kind: 'iana', tz: 'America/Los_Angeles' }],
      ['eastern standard time', { kind: 'iana', tz: 'America/New_York' }],
      ['Europe/Kiev', { kind: 'iana', tz: 'Europe/Kyiv' }],
      ['Asia/Tokyo', { kind: 'iana', tz: 'Asia/Tokyo' }],
      // Legacy aliases from Graph's IANA supportedTimeZones list (graph-samples/23).
      ['US/Samoa', { kind: 'iana', tz: 'Pacific/Pago_Pago' }],
      ['US/Aleutian', { kind: 'iana', tz: 'America/Adak' }],
      ['Etc/GMT+12', { kind: 'iana', tz: 'Etc/GMT+12' }],
      ['UTC-11', { kind: 'iana', tz: 'Etc/GMT+11' }],
      ['UTC', { kind: 'iana', tz: 'UTC' }],
      ['Etc/UTC', { kind: 'iana', tz: 'UTC' }],
      ['GMT', { kind: 'iana', tz: 'UTC' }],
      ['tzone://Microsoft/Utc', { kind: 'iana', tz: 'UTC' }],
      ['tzone://Microsoft/Custom', { kind: 'custom', name: 'tzone://Microsoft/Custom' }],
      ['Customized Time Zone', { kind: 'custom', name: 'Customized Time Zone' }],
      ['Some Unknown Zone', { kind: 'custom', name: 'Some Unknown Zone' }],
    ];
    for (const [name, expected] of table) {
      it(`${name} → ${JSON.stringify(expected)}`, () => assert.deepEqual(resolveGraphZone(name), expected));
    }
  });
});
