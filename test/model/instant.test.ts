import assert from 'node:assert/strict';
import {
  convertLocal,
  dateValue,
  epochMsToLocal,
  eventTimeToEpochMs,
  floating,
  isKnownZone,
  localToEpochMs,
  UnknownTimeZoneError,
  zoned,
  zoneOffsetMinutes,
} from '../../src/model/index.js';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('model/instant', () => {
  it('converts wall time to instants and back across DST', () => {
    assert.equal(iso(localToEpochMs('2024-01-15T09:00:00', 'Europe/Berlin')), '2024-01-15T08:00:00.000Z');
    assert.equal(iso(localToEpochMs('2024-07-15T09:00:00', 'Europe/Berlin')), '2024-07-15T07:00:00.000Z');
    assert.equal(epochMsToLocal(Date.parse('2024-07-15T07:00:00Z'), 'Europe/Berlin'), '2024-07-15T09:00:00');
  });

  it('reads a wall time in the spring-forward gap with the offset before the gap (RFC 5545 §3.3.5)', () => {
    // 02:30 does not exist in Berlin on 2024-03-31; it means 03:30 CEST = 01:30Z.
    assert.equal(iso(localToEpochMs('2024-03-31T02:30:00', 'Europe/Berlin')), '2024-03-31T01:30:00.000Z');
  });

  it('reads the repeated hour at fall-back as its first occurrence', () => {
    assert.equal(iso(localToEpochMs('2024-10-27T02:30:00', 'Europe/Berlin')), '2024-10-27T00:30:00.000Z');
  });

  it('gives offsets east of UTC, including half hours', () => {
    assert.equal(zoneOffsetMinutes('Asia/Kolkata', Date.parse('2024-01-01T00:00:00Z')), 330);
    assert.equal(zoneOffsetMinutes('America/Los_Angeles', Date.parse('2024-07-01T00:00:00Z')), -420);
    assert.equal(zoneOffsetMinutes('UTC', 0), 0);
  });

  it('converts between zones and reads floating times and dates in a given zone', () => {
    assert.equal(convertLocal('2017-04-15T11:00:00', 'America/Los_Angeles', 'UTC'), '2017-04-15T18:00:00');
    assert.equal(eventTimeToEpochMs(zoned('2024-01-01T00:00:00', 'Asia/Tokyo')), Date.parse('2023-12-31T15:00:00Z'));
    assert.equal(eventTimeToEpochMs(floating('2024-01-01T09:00:00'), 'Europe/Berlin'), Date.parse('2024-01-01T08:00:00Z'));
    assert.equal(eventTimeToEpochMs(dateValue('2024-01-01')), Date.parse('2024-01-01T00:00:00Z'));
  });

  it('knows IANA zones and refuses unknown ones by name', () => {
    assert.equal(isKnownZone('Europe/Kyiv'), true);
    assert.equal(isKnownZone('Pacific Standard Time'), false);
    assert.throws(() => zoneOffsetMinutes('Nowhere/Zone', 0), (e: unknown) => e instanceof UnknownTimeZoneError && e.zone === 'Nowhere/Zone');
    assert.throws(() => localToEpochMs('2024-01-01 09:00', 'UTC'), RangeError);
  });
});
