import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  WindowsZonesParseError,
  parseWindowsZones,
  renderModule,
  sourceCommit,
} from '../../../scripts/gen-windows-zones.js';

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('convert/timezones/windows-zones-data (generated from data/cldr)', () => {
  it('is exactly what scripts/gen-windows-zones.ts makes of the vendored XML', () => {
    const records = parseWindowsZones(read('data/cldr/windowsZones.xml'));
    const expected = renderModule(records, sourceCommit(read('data/cldr/SOURCE.md')));
    assert.equal(read('src/convert/timezones/windows-zones-data.ts'), expected);
  });

  it('keeps display names, several zones per territory, and the ZZ Etc zones', () => {
    const records = parseWindowsZones(read('data/cldr/windowsZones.xml'));
    const pacific = records.find((r) => r.windows === 'Pacific Standard Time');
    assert.equal(pacific?.display, '(UTC-08:00) Pacific Time (US & Canada)');
    const eastern = records.find((r) => r.windows === 'Eastern Standard Time');
    assert.deepEqual(eastern?.territories['CA'], ['America/Toronto', 'America/Iqaluit']);
    // CLDR writes a trailing space inside this type attribute; it must not become an empty zone name.
    const mexico = records.find((r) => r.windows === 'Central Standard Time (Mexico)');
    assert.equal(mexico?.territories['MX']?.at(-1), 'America/Chihuahua');
    const astana = records.find((r) => r.windows === 'Central Asia Standard Time');
    assert.equal(astana?.display, '(UTC+06:00) Astana');
    assert.deepEqual(records.find((r) => r.windows === 'UTC')?.territories['ZZ'], ['Etc/UTC', 'Etc/GMT']);
  });

  it('rejects a mapZone without a display comment and a Windows zone without a 001 default', () => {
    assert.throws(
      () => parseWindowsZones('<mapZone other="X Time" territory="001" type="Etc/UTC"/>'),
      (e: unknown) => e instanceof WindowsZonesParseError && e.line === 1,
    );
    assert.throws(
      () => parseWindowsZones('<!-- (UTC) X -->\n<mapZone other="X Time" territory="DE" type="Europe/Berlin"/>'),
      WindowsZonesParseError,
    );
  });
});
