import assert from 'node:assert/strict';
import { icsLastModified } from '../../../src/sync/sides/caldav-modified.js';

describe('icsLastModified', () => {
  it('reads the newest LAST-MODIFIED of the object’s VEVENTs, folded or not', () => {
    const ics = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:a', 'LAST-MODIFIED:20261126T101500Z', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:a', 'RECURRENCE-ID:20261201T090000Z', 'LAST-MODIFIED:2026112', ' 7T080000Z', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    assert.equal(icsLastModified(ics), Date.UTC(2026, 10, 27, 8, 0, 0));
  });

  it('is undefined when no client stamped the object, or the value is not UTC', () => {
    assert.equal(icsLastModified('BEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\n'), undefined);
    assert.equal(icsLastModified('BEGIN:VEVENT\nLAST-MODIFIED:20261126T101500\nEND:VEVENT\n'), undefined);
  });
});
