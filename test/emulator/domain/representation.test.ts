import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'mocha';
import { Harness, appOnly, bodyOf, errorCode, timed, valueOf, weeklySeries } from './harness.js';

/** Response shapes compared with Microsoft's verbatim doc samples, copied into ./fixtures with their sources. */
const SAMPLES = new URL('./fixtures', import.meta.url).pathname;
const sample = (name: string): Record<string, unknown> => JSON.parse(readFileSync(`${SAMPLES}/${name}`, 'utf8'));

const WALL_7 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/;
const SERVER_TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$/;

describe('emulator domain: event representation', () => {
  it('a created event carries every property of sample 01 with Graph formats (user-post-events.md)', () => {
    const h = new Harness();
    const res = h.call('POST', '/me/events', {
      headers: { prefer: 'outlook.timezone="Pacific Standard Time"' },
      body: timed("Let's go brunch", '2017-04-15T11:00:00', '2017-04-15T12:00:00', 'Pacific Standard Time', {
        body: { contentType: 'HTML', content: 'Does noon work for you?' },
        location: { displayName: "Harry's Bar" },
        attendees: [{ emailAddress: { address: 'samanthab@contoso.onmicrosoft.com', name: 'Samantha Booth' }, type: 'Required' }],
        transactionId: '7E163156-7762-4BEB-A1C6-729EA81755A7',
      }),
    });
    assert.equal(res.status, 201);
    const e = bodyOf(res);
    const expected = sample('01-event-singleInstance-create-response.json');
    for (const key of Object.keys(expected)) assert.ok(key in e, `missing ${key}`);
    assert.equal(e['@odata.etag'], `W/"${String(e.changeKey)}"`);
    assert.match(String(e['@odata.context']), /\$metadata#users\('[0-9a-f-]+'\)\/events\/\$entity$/);
    assert.match(String(e.createdDateTime), SERVER_TS);
    assert.match(String(e.lastModifiedDateTime), SERVER_TS);
    assert.equal(e.createdDateTime, '2026-03-02T09:00:00Z');
    assert.equal(e.type, 'singleInstance');
    assert.equal(e.seriesMasterId, null);
    assert.equal(e.recurrence, null);
    assert.equal(e.onlineMeeting, null);
    assert.equal(e.originalStartTimeZone, 'Pacific Standard Time');
    assert.equal(e.transactionId, '7E163156-7762-4BEB-A1C6-729EA81755A7');
    assert.deepEqual(e.responseStatus, { response: 'organizer', time: '0001-01-01T00:00:00Z' });
    assert.deepEqual(e.start, { dateTime: '2017-04-15T11:00:00.0000000', timeZone: 'Pacific Standard Time' });
    assert.match(String((e.end as Record<string, string>).dateTime), WALL_7);
    assert.equal(res.headers?.['preference-applied'], 'outlook.timezone="Pacific Standard Time"');
    // Enums normalised from the request's casing.
    assert.equal((e.attendees as Array<Record<string, unknown>>)[0]!.type, 'required');
    assert.deepEqual(e.location, expected.location);
    assert.deepEqual(e.locations, expected.locations);
    const body = e.body as { contentType: string; content: string };
    assert.equal(body.contentType, 'html');
    assert.match(body.content, /^<html>[\s\S]*<body>\r\nDoes noon work for you\?\r\n<\/body>\r\n<\/html>\r\n$/);
    assert.equal(e.bodyPreview, 'Does noon work for you?');
    assert.match(String(e.iCalUId), /^040000008200E00074C5B7101A82E008[0-9A-F]+$/);
  });

  it('start/end come back in UTC without a Prefer header (graph-api.md §8, sample 03)', () => {
    const h = new Harness();
    const id = h.create(timed('x', '2026-07-01T09:00:00', '2026-07-01T10:00:00', 'Europe/Berlin')).id as string;
    const e = bodyOf(h.call('GET', `/me/events/${id}`));
    assert.deepEqual(e.start, { dateTime: '2026-07-01T07:00:00.0000000', timeZone: 'UTC' });
    assert.equal(e.originalStartTimeZone, 'Europe/Berlin');
  });

  it('Prefer outlook.timezone converts with Windows and IANA names and echoes Preference-Applied (sample 06)', () => {
    const h = new Harness();
    const id = h.create(timed('x', '2017-04-21T17:00:00', '2017-04-21T19:00:00', 'UTC')).id as string;
    const win = h.call('GET', `/me/events/${id}`, { headers: { prefer: 'outlook.timezone="Pacific Standard Time"' } });
    assert.deepEqual(bodyOf(win).start, { dateTime: '2017-04-21T10:00:00.0000000', timeZone: 'Pacific Standard Time' });
    assert.equal(win.headers?.['preference-applied'], 'outlook.timezone="Pacific Standard Time"');
    const iana = h.call('GET', `/me/events/${id}`, { headers: { prefer: 'outlook.timezone="Asia/Tokyo"' } });
    assert.deepEqual(bodyOf(iana).end, { dateTime: '2017-04-22T04:00:00.0000000', timeZone: 'Asia/Tokyo' });
    assert.equal(iana.headers?.['preference-applied'], 'outlook.timezone="Asia/Tokyo"');
    const bad = h.call('GET', `/me/events/${id}`, { headers: { prefer: 'outlook.timezone="Mars/Olympus"' } });
    assert.equal(bad.status, 400);
    assert.equal(errorCode(bad), 'TimeZoneNotSupportedException');
  });

  it('all-day events stay midnight-to-midnight in any reader zone (microsoft-graph-docs#1802)', () => {
    const h = new Harness();
    const id = h.create(timed('Holiday', '2026-05-01T00:00:00', '2026-05-02T00:00:00', 'W. Europe Standard Time', { isAllDay: true })).id as string;
    for (const zone of ['Pacific Standard Time', 'Asia/Tokyo']) {
      const e = bodyOf(h.call('GET', `/me/events/${id}`, { headers: { prefer: `outlook.timezone="${zone}"` } }));
      assert.deepEqual(e.start, { dateTime: '2026-05-01T00:00:00.0000000', timeZone: zone });
      assert.deepEqual(e.end, { dateTime: '2026-05-02T00:00:00.0000000', timeZone: zone });
    }
    const plain = bodyOf(h.call('GET', `/me/events/${id}`));
    assert.deepEqual(plain.start, { dateTime: '2026-05-01T00:00:00.0000000', timeZone: 'UTC' });
  });

  it('bodies come back as HTML unless Prefer outlook.body-content-type="text" (event-get.md)', () => {
    const h = new Harness();
    const id = String(h.create(timed('x', '2026-03-03T09:00:00', '2026-03-03T10:00:00', 'UTC', {
      body: { contentType: 'text', content: 'line 1 & more\nline 2' },
    })).id);
    const html = bodyOf(h.call('GET', `/me/events/${id}`)).body as { contentType: string; content: string };
    assert.equal(html.contentType, 'html');
    assert.match(html.content, /<body>\r\n<div>line 1 &amp; more<br>\r\nline 2<\/div>/);
    const res = h.call('GET', `/me/events/${id}`, { headers: { prefer: 'outlook.body-content-type="text"' } });
    assert.deepEqual(bodyOf(res).body, { contentType: 'text', content: 'line 1 & more\nline 2' });
    assert.equal(res.headers?.['preference-applied'], 'outlook.body-content-type="text"');
    assert.equal(bodyOf(res).bodyPreview, 'line 1 & more\nline 2');
  });

  it('isAllDay needs midnight bounds in one zone (MGDC resources/event.md isAllDay)', () => {
    const h = new Harness();
    const notMidnight = h.call('POST', '/me/events', { body: timed('x', '2026-05-01T09:00:00', '2026-05-02T00:00:00', 'UTC', { isAllDay: true }) });
    assert.equal(notMidnight.status, 400);
    const twoZones = h.call('POST', '/me/events', {
      body: { subject: 'x', isAllDay: true, start: { dateTime: '2026-05-01T00:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-05-02T00:00:00', timeZone: 'Asia/Tokyo' } },
    });
    assert.equal(twoZones.status, 400);
    assert.equal(errorCode(twoZones), 'ErrorPropertyValidationFailure');
  });

  it('a series master echoes its recurrence with every default filled in (sample 02)', () => {
    const h = new Harness();
    const e = h.create(
      timed("Let's go for lunch", '2017-09-04T12:00:00', '2017-09-04T14:00:00', 'Pacific Standard Time', {
        recurrence: {
          pattern: { type: 'weekly', interval: 1, daysOfWeek: ['Monday'] },
          range: { type: 'endDate', startDate: '2017-09-04', endDate: '2017-12-31' },
        },
      }),
    );
    assert.equal(e.type, 'seriesMaster');
    assert.deepEqual(e.recurrence, sample('02-event-seriesMaster-weekly-endDate-create-response.json').recurrence);
  });

  it('$select keeps the etag and id and only the named properties (sample 04/06 shapes)', () => {
    const h = new Harness();
    const id = h.create(timed('x', '2026-03-03T09:00:00', '2026-03-03T10:00:00')).id as string;
    const e = bodyOf(h.call('GET', `/me/events/${id}`, { query: '$select=subject,start' }));
    assert.deepEqual(Object.keys(e).sort(), ['@odata.context', '@odata.etag', 'id', 'start', 'subject']);
    assert.match(String(e['@odata.context']), /events\(subject,start\)\/\$entity$/);
    const bad = h.call('GET', `/me/events/${id}`, { query: '$select=nonsense' });
    assert.equal(bad.status, 400);
  });

  it('calendars list like sample 21; /me/calendar is the default, not removable', () => {
    const h = new Harness();
    const list = h.call('GET', '/me/calendars');
    assert.equal(list.status, 200);
    const [cal] = valueOf(list);
    const expected = (sample('21-calendars-list-response.json').value as Array<Record<string, unknown>>)[0]!;
    for (const key of Object.keys(expected)) assert.ok(key in cal!, `missing ${key}`);
    assert.equal(cal!.name, 'Calendar');
    assert.equal(cal!.isRemovable, false);
    assert.deepEqual(cal!.owner, { name: 'Adele Vance', address: 'adele.vance@contoso.com' });
    assert.equal(bodyOf(h.call('GET', '/me/calendar')).id, cal!.id);
    const created = h.call('POST', '/me/calendars', { body: { name: 'Work' } });
    assert.equal(created.status, 201);
    assert.equal(bodyOf(created).isRemovable, true);
    assert.equal(valueOf(h.call('GET', '/me/calendars')).length, 2);
    assert.equal(h.call('POST', '/me/calendars', { body: { name: 'work' } }).status, 409);
  });
});

describe('emulator domain: mailboxes and errors', () => {
  it('errors use the envelope of sample 17 with request-id, date and client-request-id', () => {
    const h = new Harness();
    const res = h.call('GET', '/me/events/AAMkAGnope=', { headers: { 'client-request-id': 'abc-123' } });
    assert.equal(res.status, 404);
    const err = (res.body as { error: Record<string, unknown> }).error;
    assert.equal(err.code, 'ErrorItemNotFound');
    assert.equal(typeof err.message, 'string');
    const inner = err.innerError as Record<string, string>;
    assert.deepEqual(Object.keys(inner).sort(), ['client-request-id', 'date', 'request-id']);
    assert.equal(inner['client-request-id'], 'abc-123');
    assert.equal(inner.date, '2026-03-02T09:00:00');
  });

  it('app-only tokens cannot use /me but create mailboxes on first use of /users/{upn} (graph-api.md §1, msgraph-sdk-php#1163)', () => {
    const h = new Harness();
    const me = h.call('GET', '/me/calendars', { principal: appOnly });
    assert.equal(me.status, 400);
    assert.equal(errorCode(me), 'BadRequest');
    const byUpn = h.call('GET', '/users/Room.1@Contoso.com/calendar', { principal: appOnly });
    assert.equal(byUpn.status, 200);
    assert.equal(bodyOf(byUpn).name, 'Calendar');
    const userId = /users\('([^']+)'\)/.exec(String(bodyOf(byUpn)['@odata.context']))![1]!;
    const byId = h.call('GET', `/users/${userId}/calendar`, { principal: appOnly });
    assert.equal(bodyOf(byId).id, bodyOf(byUpn).id);
    assert.equal(bodyOf(h.call('GET', '/users/room.1@contoso.com/calendar', { principal: appOnly })).id, bodyOf(byUpn).id);
    assert.equal(h.call('GET', '/users/00000000-0000-0000-0000-000000000000/calendar', { principal: appOnly }).status, 404);
  });

  it('unknown segments answer 400 BadRequest ("Resource not found for the segment", docs#4052)', () => {
    const h = new Harness();
    const res = h.call('GET', '/me/calendarz');
    assert.equal(res.status, 400);
    assert.equal(errorCode(res), 'BadRequest');
  });

  it('a series is created through every path family (event-update.md path list)', () => {
    const h = new Harness();
    const calId = bodyOf(h.call('POST', '/me/calendars', { body: { name: 'Team' } })).id as string;
    const viaCal = h.create(weeklySeries('cal'), `/me/calendars/${calId}/events`);
    assert.equal(h.call('GET', `/me/calendars/${calId}/events/${String(viaCal.id)}`).status, 200);
    assert.equal(h.call('GET', `/me/events/${String(viaCal.id)}`).status, 200);
    assert.equal(h.call('GET', `/me/calendar/events/${String(viaCal.id)}`).status, 404);
    assert.equal(h.call('GET', `/users/adele.vance@contoso.com/events('${String(viaCal.id)}')`).status, 200);
  });
});
