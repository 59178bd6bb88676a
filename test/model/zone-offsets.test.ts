import assert from 'node:assert/strict';
import { offsetTransitions, probeOffsetMinutes, zoneOffsetMinutes, UnknownTimeZoneError } from '../../src/model/zone-offsets.js';

describe('zone offsets (cached per zone and year)', () => {
  it('agrees with ICU at every hour of a year in zones of both hemispheres and odd offsets', () => {
    for (const tz of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'America/Santiago', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Lord_Howe']) {
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_600_000) {
        assert.equal(zoneOffsetMinutes(tz, ms), probeOffsetMinutes(tz, ms), `${tz} at ${new Date(ms).toISOString()}`);
      }
    }
  });

  it('switches exactly at the transition instant', () => {
    const [spring] = offsetTransitions('America/New_York', Date.UTC(2026, 2, 1), Date.UTC(2026, 3, 1));
    assert.equal(spring?.atMs, Date.UTC(2026, 2, 8, 7, 0));
    assert.equal(zoneOffsetMinutes('America/New_York', spring!.atMs - 1), -300);
    assert.equal(zoneOffsetMinutes('America/New_York', spring!.atMs), -240);
    assert.equal(zoneOffsetMinutes('America/New_York', Date.UTC(1997, 9, 26, 5, 59)), -240, 'pre-2007 US rules');
    assert.equal(zoneOffsetMinutes('America/New_York', Date.UTC(1997, 9, 26, 6, 0)), -300);
  });

  it('names an unknown zone', () => {
    assert.throws(() => zoneOffsetMinutes('Mars/Olympus', 0), UnknownTimeZoneError);
  });
});
