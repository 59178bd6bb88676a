import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { GraphError } from '../../../src/emulator/domain/errors.js';
import { parseEventInput } from '../../../src/emulator/domain/event-input.js';

/** Request bodies as MGDC:api-reference/v1.0/api/event-update.md lists the writable properties. */
describe('emulator domain: event input', () => {
  const fails = (body: unknown, code: string): void =>
    assert.throws(() => parseEventInput(body), (e: unknown) => e instanceof GraphError && e.status === 400 && e.code === code);

  it('normalises enum casing to Graph’s lower camel form (sample 02: "Monday" → "monday")', () => {
    const { content } = parseEventInput({ showAs: 'WORKINGELSEWHERE', importance: 'High', onlineMeetingProvider: 'TeamsForBusiness' });
    assert.equal(content.showAs, 'workingElsewhere');
    assert.equal(content.importance, 'high');
    assert.equal(content.onlineMeetingProvider, 'teamsForBusiness');
  });

  it('location alone fills locations; with both sent each keeps what was sent', () => {
    const alone = parseEventInput({ location: { displayName: 'Room 1' } }).content;
    assert.deepEqual(alone.locations, [{ displayName: 'Room 1', locationType: 'default', uniqueIdType: 'unknown' }]);
    const both = parseEventInput({ locations: [{ displayName: 'A' }, { displayName: 'B' }], location: { displayName: 'A; B' } }).content;
    assert.equal(both.location?.displayName, 'A; B');
    assert.deepEqual(both.locations?.map((l) => l.displayName), ['A', 'B']);
    const onlyMany = parseEventInput({ locations: [{ displayName: 'A' }, { displayName: 'B' }] }).content;
    assert.equal(onlyMany.location?.displayName, 'A');
  });

  it('ignores read-only properties a client echoes back, refuses unknown ones (including inherited names)', () => {
    const { content } = parseEventInput({ id: 'x', '@odata.etag': 'W/"1"', changeKey: 'k', type: 'occurrence', subject: 's' });
    assert.deepEqual(content, { subject: 's' });
    fails({ colour: 'red' }, 'RequestBodyRead');
    fails({ toString: 'x' }, 'RequestBodyRead');
    fails({ isAllDay: 'yes' }, 'RequestBodyRead');
    fails({ sensitivity: 'secret' }, 'ErrorInvalidRequest');
    fails('not an object', 'BadRequest');
  });

  it('reads dateTimeTimeZone with Windows or IANA zones; unknown zones → TimeZoneNotSupportedException', () => {
    const { content } = parseEventInput({ start: { dateTime: '2026-03-03T09:00:00.0000000', timeZone: 'Eastern Standard Time' } });
    assert.deepEqual(content.start, { local: '2026-03-03T09:00:00', tz: 'America/New_York', zoneName: 'Eastern Standard Time' });
    fails({ start: { dateTime: '2026-03-03T09:00:00', timeZone: 'Nowhere/Special' } }, 'TimeZoneNotSupportedException');
    fails({ start: { dateTime: '03/03/2026 9am', timeZone: 'UTC' } }, 'ErrorInvalidRequest');
  });
});
