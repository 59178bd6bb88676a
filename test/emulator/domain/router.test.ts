import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { GraphError } from '../../../src/emulator/domain/errors.js';
import { parsePath } from '../../../src/emulator/domain/router.js';

/** Path families of MGDC:api-reference/v1.0/api/event-update.md and the calendarView/delta pages. */
describe('emulator domain: router', () => {
  it('maps every event path family to the same event route', () => {
    assert.deepEqual(parsePath('/me/events/AAMk=').route, { kind: 'event', scope: { kind: 'mailbox' }, eventId: 'AAMk=' });
    assert.deepEqual(parsePath('/me/calendar/events/AAMk=').route, { kind: 'event', scope: { kind: 'default' }, eventId: 'AAMk=' });
    assert.deepEqual(parsePath('/me/calendars/C1=/events/AAMk=').route, { kind: 'event', scope: { kind: 'calendar', id: 'C1=' }, eventId: 'AAMk=' });
    assert.deepEqual(parsePath('/me/calendarGroups/G1/calendars/C1=/events/AAMk=').route, {
      kind: 'event',
      scope: { kind: 'calendar', id: 'C1=' },
      eventId: 'AAMk=',
    });
    assert.deepEqual(parsePath("/users/a@b.com/events('AAMk=')").mailbox, { kind: 'user', idOrUpn: 'a@b.com' });
    assert.deepEqual(parsePath("/users('a@b.com')/events('AAMk=')/instances").route, {
      kind: 'instances',
      scope: { kind: 'mailbox' },
      eventId: 'AAMk=',
    });
  });

  it('segment names are case-insensitive, ids are not', () => {
    assert.deepEqual(parsePath('/ME/CalendarView/Delta').route, { kind: 'delta', scope: { kind: 'mailbox' } });
    assert.deepEqual(parsePath('/me/calendarview/microsoft.graph.delta()').route, { kind: 'delta', scope: { kind: 'mailbox' } });
    assert.deepEqual(parsePath('/me/Events/AbC=').route, { kind: 'event', scope: { kind: 'mailbox' }, eventId: 'AbC=' });
  });

  it('refuses unknown segments and events/delta on v1.0 with 400', () => {
    for (const path of ['/me/calendarz', '/me/events/x/attachments', '/groups/g1/events', '/me/events/delta', '/me/calendarView/x']) {
      assert.throws(() => parsePath(path), (e: unknown) => e instanceof GraphError && e.status === 400, path);
    }
  });
});
