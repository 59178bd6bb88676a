import assert from 'node:assert/strict';
import { windowsZoneByDisplayName } from '../../../src/convert/timezones/windows-display.js';
import { WINDOWS_ZONES } from '../../../src/convert/timezones/windows-zones-data.js';

describe('convert/timezones/windows-display', () => {
  it('finds every Windows zone by its own display name', () => {
    for (const r of WINDOWS_ZONES) assert.equal(windowsZoneByDisplayName(r.display)?.windows, r.windows, r.display);
  });

  it('matches older spellings of the same places', () => {
    const table: [string, string][] = [
      ['(GMT+01.00) Amsterdam / Berlin / Bern / Rome / Stockholm / Vienna', 'W. Europe Standard Time'],
      ['(GMT-08:00) Pacific Time (US & Canada)', 'Pacific Standard Time'],
      ['(utc+05:30)  chennai,kolkata, mumbai, new delhi', 'India Standard Time'],
    ];
    for (const [name, windows] of table) assert.equal(windowsZoneByDisplayName(name)?.windows, windows, name);
  });

  it('ignores names without an offset prefix or with unknown places', () => {
    assert.equal(windowsZoneByDisplayName('Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna'), undefined);
    assert.equal(windowsZoneByDisplayName('(UTC+01:00) Atlantis'), undefined);
    assert.equal(windowsZoneByDisplayName('(UTC+01:00)'), undefined);
  });
});
