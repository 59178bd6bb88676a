import assert from 'node:assert/strict';
import { dateValue, floating, occurrenceKey, zoned } from '../../src/model/index.js';

describe('model/keys occurrenceKey', () => {
  it('keys a zoned time by its UTC instant, so every zone spelling of one instant meets', () => {
    assert.equal(occurrenceKey(zoned('2019-04-15T13:30:00', 'America/Los_Angeles')), '2019-04-15T20:30:00Z');
    assert.equal(occurrenceKey(zoned('2019-04-15T20:30:00', 'UTC')), '2019-04-15T20:30:00Z');
  });

  it('keys dates and floating times by their local value', () => {
    assert.equal(occurrenceKey(dateValue('2024-03-10')), '2024-03-10');
    assert.equal(occurrenceKey(floating('2024-03-10T09:00:00')), '2024-03-10T09:00:00');
  });
});
