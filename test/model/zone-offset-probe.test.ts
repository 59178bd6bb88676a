import assert from 'node:assert/strict';
import { UnknownTimeZoneError, zoneOffsetMinutes } from '../../src/model/instant.js';
import { probeOffsetMinutes as fastOffsetMinutes, offsetFormatter } from '../../src/model/zone-offsets.js';

describe('model/zone-offsets probe', () => {
  it("equals model/instant's zoneOffsetMinutes, local mean time included", () => {
    const zones = ['America/New_York', 'Europe/Amsterdam', 'Asia/Kolkata', 'Pacific/Chatham', 'America/St_Johns', 'UTC'];
    const instants = [Date.UTC(1880, 5, 1), Date.UTC(1930, 0, 1), Date.UTC(1997, 9, 28, 14), Date.UTC(2026, 6, 1)];
    for (const tz of zones) {
      for (const ms of instants) {
        assert.equal(fastOffsetMinutes(tz, ms), zoneOffsetMinutes(tz, ms), `${tz} at ${new Date(ms).toISOString()}`);
      }
    }
  });

  it('knows the values it reports', () => {
    assert.equal(fastOffsetMinutes('Asia/Kathmandu', Date.UTC(2026, 0, 1)), 345);
    assert.equal(fastOffsetMinutes('America/St_Johns', Date.UTC(2026, 0, 1)), -210);
    assert.equal(fastOffsetMinutes('Europe/London', Date.UTC(2026, 0, 1)), 0);
  });

  it('rejects names Node does not know', () => {
    assert.equal(offsetFormatter('Mars/Olympus_Mons'), undefined);
    assert.equal(offsetFormatter('+01:00'), undefined);
    assert.throws(() => fastOffsetMinutes('W. Europe Standard Time', 0), UnknownTimeZoneError);
  });
});
