import assert from 'node:assert/strict';
import { offsetTransitions } from '../../src/model/zone-offsets.js';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('model/zone-offsets transitions', () => {
  it('finds US DST changes to the minute', () => {
    const found = offsetTransitions('America/New_York', Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1));
    assert.deepEqual(
      found.map((t) => [iso(t.atMs), t.fromMinutes, t.toMinutes]),
      [
        ['2024-03-10T07:00:00.000Z', -300, -240],
        ['2024-11-03T06:00:00.000Z', -240, -300],
      ],
    );
  });

  it("finds Lord Howe's half-hour shifts and Apia's skipped day", () => {
    const lordHowe = offsetTransitions('Australia/Lord_Howe', Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1));
    assert.deepEqual(
      lordHowe.map((t) => [t.fromMinutes, t.toMinutes]),
      [
        [660, 630],
        [630, 660],
      ],
    );
    const apia = offsetTransitions('Pacific/Apia', Date.UTC(2011, 11, 1), Date.UTC(2012, 0, 15));
    assert.deepEqual(
      apia.map((t) => [iso(t.atMs), t.fromMinutes, t.toMinutes]),
      [['2011-12-30T10:00:00.000Z', -600, 840]],
    );
  });

  it('finds none where the offset stays', () => {
    assert.deepEqual(offsetTransitions('Asia/Kolkata', Date.UTC(1990, 0, 1), Date.UTC(2030, 0, 1)), []);
    assert.deepEqual(offsetTransitions('UTC', Date.UTC(1990, 0, 1), Date.UTC(2030, 0, 1)), []);
  });
});
