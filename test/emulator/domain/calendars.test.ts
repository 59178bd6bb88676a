import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { Harness, bodyOf, errorCode, timed, valueOf } from './harness.js';

/** Calendar update and delete (MGDC:api-reference/v1.0/api/calendar-update.md, calendar-delete.md). */
describe('emulator domain: calendars', () => {
  it('PATCH renames and recolours, moving the changeKey; a taken name is 409', () => {
    const h = new Harness();
    const cal = bodyOf(h.call('POST', '/me/calendars', { body: { name: 'Team' } }));
    h.call('POST', '/me/calendars', { body: { name: 'Other' } });
    const res = h.call('PATCH', `/me/calendars/${String(cal.id)}`, { body: { name: 'Squad', color: 'LightBlue' } });
    assert.equal(res.status, 200);
    assert.equal(bodyOf(res).name, 'Squad');
    assert.equal(bodyOf(res).color, 'lightBlue');
    assert.notEqual(bodyOf(res).changeKey, cal.changeKey);
    assert.equal(h.call('PATCH', `/me/calendars/${String(cal.id)}`, { body: { name: 'other' } }).status, 409);
    assert.equal(h.call('PATCH', `/me/calendars/${String(cal.id)}`, { body: { color: 'plaid' } }).status, 400);
  });

  it('DELETE removes a calendar and its events; the default calendar cannot be deleted', () => {
    const h = new Harness();
    const cal = bodyOf(h.call('POST', '/me/calendars', { body: { name: 'Team' } }));
    const ev = h.create(timed('x', '2026-03-03T09:00:00', '2026-03-03T10:00:00'), `/me/calendars/${String(cal.id)}/events`);
    assert.equal(h.call('DELETE', `/me/calendars/${String(cal.id)}`).status, 204);
    assert.equal(h.call('GET', `/me/events/${String(ev.id)}`).status, 404);
    assert.equal(h.call('GET', `/me/calendars/${String(cal.id)}`).status, 404);
    assert.equal(valueOf(h.call('GET', '/me/calendars')).length, 1);
    const def = h.call('DELETE', '/me/calendar');
    assert.equal(def.status, 400);
    assert.equal(errorCode(def), 'ErrorDeleteDistinguishedFolder');
  });
});
