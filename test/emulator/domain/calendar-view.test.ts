import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'mocha';
import { Harness, bodyOf, errorCode, timed, valueOf, weeklySeries, type Json } from './harness.js';

const MARCH = 'startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-04-15T00:00:00Z';

describe('emulator domain: calendarView', () => {
  it('returns singles, occurrences and exceptions, never the master (user-list-calendarview.md)', () => {
    const h = new Harness();
    const master = h.create(weeklySeries('weekly', 3));
    h.create(timed('single', '2026-03-03T09:00:00', '2026-03-03T10:00:00'));
    const value = valueOf(h.call('GET', '/me/calendarView', { query: MARCH, headers: { prefer: 'odata.maxpagesize=50' } }));
    assert.deepEqual(value.map((e) => e.type), ['occurrence', 'singleInstance', 'occurrence', 'occurrence']);
    const occ = value[0]!;
    assert.equal(occ.seriesMasterId, master.id);
    assert.equal(occ.recurrence, null);
    assert.equal(occ.originalStart, '2026-03-02T12:00:00Z');
    assert.equal(occ.subject, 'weekly');
    assert.notEqual(occ.iCalUId, master.iCalUId);
    assert.notEqual(value[2]!.iCalUId, occ.iCalUId);
  });

  it('requires the window: missing → 400 ErrorInvalidParameter with the message of sample 16', () => {
    const h = new Harness();
    for (const path of ['/me/calendarView', '/me/calendar/calendarView', '/me/calendarView/delta']) {
      const res = h.call('GET', path, { query: 'startDateTime=2026-03-01T00:00:00Z' });
      assert.equal(res.status, 400, path);
      assert.equal(errorCode(res), 'ErrorInvalidParameter');
      assert.match((res.body as { error: { message: string } }).error.message, /requires a time window/);
    }
  });

  it("a raw '+' in an offset decodes to a space → 400; %2B works, names are case-insensitive (msgraph-sdk-javascript#529)", () => {
    const h = new Harness();
    h.create(timed('x', '2026-03-03T09:00:00', '2026-03-03T10:00:00'));
    const raw = h.call('GET', '/me/calendarView', { query: 'startDateTime=2026-03-03T10:00:00+05:30&endDateTime=2026-03-04T00:00:00Z' });
    assert.equal(raw.status, 400);
    assert.equal(errorCode(raw), 'ErrorInvalidParameter');
    const encoded = h.call('GET', '/me/calendarView', { query: 'startdatetime=2026-03-03T10:00:00%2B05:30&ENDDATETIME=2026-03-04T00:00:00Z' });
    assert.equal(encoded.status, 200);
    // 10:00+05:30 is 04:30Z: the 09:00-10:00Z event overlaps.
    assert.equal(valueOf(encoded).length, 1);
    const noOffset = h.call('GET', '/me/calendarView', { query: 'startDateTime=2026-03-03T10:00:00&endDateTime=2026-03-04T00:00:00' });
    assert.equal(valueOf(noOffset).length, 0, 'no offset means UTC, so 10:00Z is after the event');
  });

  it('pages with Prefer odata.maxpagesize and default 10; links repeat the window with $skip (graph-api.md §5, §14.10)', () => {
    const h = new Harness();
    h.create({ ...weeklySeries('w', 12) });
    const first = h.call('GET', '/me/calendarView', { query: 'startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-07-01T00:00:00Z' });
    assert.equal(valueOf(first).length, 10);
    const next = String(bodyOf(first)['@odata.nextLink']);
    assert.match(next, /startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-07-01T00:00:00Z&\$skip=10$/);
    assert.equal(valueOf(h.follow(next)).length, 2);
    assert.equal(bodyOf(h.follow(next))['@odata.nextLink'], undefined);
    const small = h.call('GET', '/me/calendarView', {
      query: 'startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-07-01T00:00:00Z',
      headers: { prefer: 'odata.maxpagesize=5' },
    });
    assert.equal(valueOf(small).length, 5);
  });

  it('Prefer odata.track-changes on a plain calendarView yields no delta token (graph-api.md §6.4)', () => {
    const h = new Harness();
    h.create(timed('x', '2026-03-03T09:00:00', '2026-03-03T10:00:00'));
    const res = h.call('GET', '/me/calendar/calendarView', { query: MARCH, headers: { prefer: 'odata.track-changes' } });
    assert.equal(res.status, 200);
    assert.equal(bodyOf(res)['@odata.deltaLink'], undefined);
    assert.equal(bodyOf(res)['@odata.nextLink'], undefined);
    assert.equal(res.headers?.['preference-applied'], undefined);
  });

  it('$orderby=start/dateTime desc reverses; $expand of an extended property works on view items; $filter is refused (graph-api.md §5, §9.5)', () => {
    const h = new Harness();
    const prop = 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name Href';
    h.create(timed('a', '2026-03-03T09:00:00', '2026-03-03T10:00:00', 'UTC', { singleValueExtendedProperties: [{ id: prop, value: 'x' }] }));
    h.create(timed('b', '2026-03-04T09:00:00', '2026-03-04T10:00:00'));
    const desc = valueOf(h.call('GET', '/me/calendarView', { query: `${MARCH}&$orderby=start/dateTime%20desc` }));
    assert.deepEqual(desc.map((e) => e.subject), ['b', 'a']);
    const expand = `$expand=${encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${prop}')`)}`;
    const expanded = valueOf(h.call('GET', '/me/calendarView', { query: `${MARCH}&${expand}` }));
    assert.deepEqual(expanded.map((e) => e.singleValueExtendedProperties), [[{ id: prop, value: 'x' }], []]);
    assert.equal(h.call('GET', '/me/calendarView', { query: `${MARCH}&$filter=${encodeURIComponent("subject eq 'a'")}` }).status, 400);
  });

  it('reads one calendar: /me/calendarView is the default calendar, /calendars/{id}/calendarView another (user-list-calendarview.md)', () => {
    const h = new Harness();
    const calId = String(bodyOf(h.call('POST', '/me/calendars', { body: { name: 'Team' } })).id);
    h.create(timed('team', '2026-03-03T09:00:00', '2026-03-03T10:00:00'), `/me/calendars/${calId}/events`);
    h.create(timed('mine', '2026-03-03T09:00:00', '2026-03-03T10:00:00'));
    assert.deepEqual(valueOf(h.call('GET', '/me/calendarView', { query: MARCH })).map((e) => e.subject), ['mine']);
    assert.deepEqual(valueOf(h.call('GET', `/me/calendars/${calId}/calendarView`, { query: MARCH })).map((e) => e.subject), ['team']);
  });
});

describe('emulator domain: series instances, exceptions, cancellations', () => {
  function seriesWithInstances(h: Harness): { master: Json; instances: Json[] } {
    const master = h.create(weeklySeries('weekly', 4));
    const res = h.call('GET', `/me/events/${String(master.id)}/instances`, { query: MARCH });
    assert.equal(res.status, 200);
    return { master, instances: valueOf(res) };
  }

  it('/instances lists occurrences with stable ids that GET by id resolves (event-list-instances.md, sample 04)', () => {
    const h = new Harness();
    const { master, instances } = seriesWithInstances(h);
    assert.equal(instances.length, 4);
    assert.ok(instances.every((i) => i.type === 'occurrence' && i.seriesMasterId === master.id));
    const again = valueOf(h.call('GET', `/me/events/${String(master.id)}/instances`, { query: MARCH }));
    assert.deepEqual(again.map((i) => i.id), instances.map((i) => i.id));
    const one = bodyOf(h.call('GET', `/me/events/${String(instances[1]!.id)}`));
    assert.equal(one.type, 'occurrence');
    assert.equal(one.originalStart, '2026-03-09T12:00:00Z');
    assert.equal(h.call('GET', `/me/events/${String(master.id)}/instances`).status, 400);
  });

  it('/instances with the $select of sample 04 returns exactly its keys per item', () => {
    const h = new Harness();
    const master = h.create(weeklySeries('weekly', 4));
    const fixture = new URL('./fixtures/04-event-instances-occurrences-and-exception.json', import.meta.url);
    const expected = (JSON.parse(readFileSync(fixture, 'utf8')) as { value: Json[] }).value[1]!;
    const res = h.call('GET', `/me/events/${String(master.id)}/instances`, {
      query: `${MARCH}&$select=subject,bodyPreview,seriesMasterId,type,recurrence,start,end`,
    });
    for (const item of valueOf(res)) assert.deepEqual(Object.keys(item).sort(), Object.keys(expected).sort());
    assert.equal(valueOf(res)[0]!['@odata.etag'], `W/"${String(bodyOf(h.call('GET', `/me/events/${String(master.id)}`)).changeKey)}"`);
  });

  it('PATCH of an occurrence makes an exception that keeps seriesMasterId and originalStart (event-update.md)', () => {
    const h = new Harness();
    const { master, instances } = seriesWithInstances(h);
    const target = instances[1]!;
    const res = h.call('PATCH', `/me/events/${String(target.id)}`, {
      body: { subject: 'moved', start: { dateTime: '2026-03-10T15:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-03-10T16:00:00', timeZone: 'UTC' } },
    });
    assert.equal(res.status, 200);
    const ex = bodyOf(res);
    assert.equal(ex.type, 'exception');
    assert.equal(ex.id, target.id);
    assert.equal(ex.seriesMasterId, master.id);
    assert.equal(ex.originalStart, '2026-03-09T12:00:00Z');
    assert.deepEqual(ex.start, { dateTime: '2026-03-10T15:00:00.0000000', timeZone: 'UTC' });
    const view = valueOf(h.call('GET', `/me/events/${String(master.id)}/instances`, { query: MARCH }));
    assert.deepEqual(view.map((i) => [i.type, i.subject]), [
      ['occurrence', 'weekly'],
      ['exception', 'moved'],
      ['occurrence', 'weekly'],
      ['occurrence', 'weekly'],
    ]);
    // The master itself is untouched apart from its version.
    assert.equal(bodyOf(h.call('GET', `/me/events/${String(master.id)}`)).subject, 'weekly');
  });

  it('moving an occurrence onto a neighbour’s day → 400 ErrorOccurrenceCrossingBoundary (event-update.md, graph-api.md §7)', () => {
    const h = new Harness();
    const { instances } = seriesWithInstances(h);
    const toNext = h.call('PATCH', `/me/events/${String(instances[1]!.id)}`, {
      body: { start: { dateTime: '2026-03-16T08:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-03-16T09:00:00', timeZone: 'UTC' } },
    });
    assert.equal(toNext.status, 400);
    assert.equal(errorCode(toNext), 'ErrorOccurrenceCrossingBoundary');
    const toPrevious = h.call('PATCH', `/me/events/${String(instances[1]!.id)}`, {
      body: { start: { dateTime: '2026-03-02T18:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-03-02T19:00:00', timeZone: 'UTC' } },
    });
    assert.equal(errorCode(toPrevious), 'ErrorOccurrenceCrossingBoundary');
  });

  it('DELETE of an occurrence cancels just that one; it is gone from instances and by id (graph-api.md §7)', () => {
    const h = new Harness();
    const { master, instances } = seriesWithInstances(h);
    assert.equal(h.call('DELETE', `/me/events/${String(instances[2]!.id)}`).status, 204);
    const view = valueOf(h.call('GET', `/me/events/${String(master.id)}/instances`, { query: MARCH }));
    assert.deepEqual(view.map((i) => i.originalStart), ['2026-03-02T12:00:00Z', '2026-03-09T12:00:00Z', '2026-03-23T12:00:00Z']);
    assert.equal(h.call('GET', `/me/events/${String(instances[2]!.id)}`).status, 404);
    assert.equal(h.call('GET', `/me/events/${String(master.id)}`).status, 200);
  });

  it('deleting the master deletes the series; its occurrence ids go 404 (graph-api.md §7)', () => {
    const h = new Harness();
    const { master, instances } = seriesWithInstances(h);
    assert.equal(h.call('DELETE', `/me/events/${String(master.id)}`).status, 204);
    assert.equal(h.call('GET', `/me/events/${String(instances[0]!.id)}`).status, 404);
    assert.equal(valueOf(h.call('GET', '/me/calendarView', { query: MARCH })).length, 0);
  });

  it('changing the master’s recurrence discards exceptions and cancellations (documented choice, graph-api.md §7)', () => {
    const h = new Harness();
    const { master, instances } = seriesWithInstances(h);
    h.call('PATCH', `/me/events/${String(instances[0]!.id)}`, { body: { subject: 'special' } });
    h.call('DELETE', `/me/events/${String(instances[3]!.id)}`);
    const subjectOnly = h.call('PATCH', `/me/events/${String(master.id)}`, { body: { body: { contentType: 'text', content: 'agenda' } } });
    assert.equal(subjectOnly.status, 200);
    assert.equal(valueOf(h.call('GET', `/me/events/${String(master.id)}/instances`, { query: MARCH })).length, 3, 'non-pattern edits keep them');
    const resent = h.call('PATCH', `/me/events/${String(master.id)}`, {
      body: { start: { dateTime: '2026-03-02T12:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-03-02T13:00:00', timeZone: 'UTC' }, recurrence: master.recurrence },
    });
    assert.equal(resent.status, 200);
    const kept = valueOf(h.call('GET', `/me/events/${String(master.id)}/instances`, { query: MARCH }));
    assert.deepEqual(kept.map((i) => i.type), ['exception', 'occurrence', 'occurrence'], 'resending equal values changes nothing');
    h.call('PATCH', `/me/events/${String(master.id)}`, {
      body: { recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] }, range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 5 } } },
    });
    const view = valueOf(h.call('GET', `/me/events/${String(master.id)}/instances`, { query: MARCH }));
    assert.equal(view.length, 5);
    assert.ok(view.every((i) => i.type === 'occurrence' && i.subject === 'weekly'));
  });

  it('PATCH recurrence:null turns the series into a single event (event-update.md example)', () => {
    const h = new Harness();
    const { master } = seriesWithInstances(h);
    const res = h.call('PATCH', `/me/events/${String(master.id)}`, { body: { recurrence: null } });
    assert.equal(bodyOf(res).type, 'singleInstance');
    assert.equal(bodyOf(res).recurrence, null);
    assert.deepEqual(valueOf(h.call('GET', '/me/calendarView', { query: MARCH })).map((e) => [e.type, e.id]), [['singleInstance', master.id]]);
  });

  it('an occurrence carries the series etag: If-Match with the occurrence etag works, a stale one is 412 (sample 04, graph-api.md §9.4)', () => {
    const h = new Harness();
    const { instances } = seriesWithInstances(h);
    const [first, second] = instances;
    const ok = h.call('PATCH', `/me/events/${String(first!.id)}`, { body: { subject: 's1' }, headers: { 'if-match': String(first!['@odata.etag']) } });
    assert.equal(ok.status, 200);
    assert.notEqual(bodyOf(ok)['@odata.etag'], first!['@odata.etag']);
    const stale = h.call('PATCH', `/me/events/${String(second!.id)}`, { body: { subject: 's2' }, headers: { 'if-match': String(second!['@odata.etag']) } });
    assert.equal(stale.status, 412);
  });

  it('an occurrence inherits master changes it did not override (graph-api.md §4.3 rule 5)', () => {
    const h = new Harness();
    const { master, instances } = seriesWithInstances(h);
    h.call('PATCH', `/me/events/${String(instances[0]!.id)}`, { body: { location: { displayName: 'Room 1' } } });
    h.call('PATCH', `/me/events/${String(master.id)}`, { body: { subject: 'renamed' } });
    const view = valueOf(h.call('GET', `/me/events/${String(master.id)}/instances`, { query: MARCH }));
    assert.deepEqual(view.map((i) => i.subject), ['renamed', 'renamed', 'renamed', 'renamed']);
    assert.equal((view[0]!.location as Json).displayName, 'Room 1');
    assert.equal((view[1]!.location as Json).displayName, '');
  });
});

describe('emulator domain: series across time zones', () => {
  it('occurrences keep their wall time across DST; UTC shifts (graph-api.md §4.3 rule 1)', () => {
    const h = new Harness();
    const master = h.create(
      timed('standup', '2026-03-23T09:00:00', '2026-03-23T09:15:00', 'W. Europe Standard Time', {
        recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] }, range: { type: 'numbered', startDate: '2026-03-23', numberOfOccurrences: 2 } },
      }),
    );
    assert.equal((master.recurrence as { range: Json }).range.recurrenceTimeZone, 'W. Europe Standard Time');
    const utc = valueOf(h.call('GET', `/me/events/${String(master.id)}/instances`, { query: MARCH }));
    assert.deepEqual(utc.map((i) => (i.start as Json).dateTime), ['2026-03-23T08:00:00.0000000', '2026-03-30T07:00:00.0000000']);
    const berlin = valueOf(
      h.call('GET', `/me/events/${String(master.id)}/instances`, { query: MARCH, headers: { prefer: 'outlook.timezone="Europe/Berlin"' } }),
    );
    assert.deepEqual(berlin.map((i) => (i.start as Json).dateTime), ['2026-03-23T09:00:00.0000000', '2026-03-30T09:00:00.0000000']);
    assert.deepEqual(utc.map((i) => i.originalStart), ['2026-03-23T08:00:00Z', '2026-03-30T07:00:00Z']);
  });

  it('the Prefer zone does not move the window (user-list-calendarview.md)', () => {
    const h = new Harness();
    h.create(timed('late', '2026-03-03T23:30:00', '2026-03-03T23:45:00'));
    const query = 'startDateTime=2026-03-03T00:00:00Z&endDateTime=2026-03-04T00:00:00Z';
    assert.equal(valueOf(h.call('GET', '/me/calendarView', { query })).length, 1);
    assert.equal(valueOf(h.call('GET', '/me/calendarView', { query, headers: { prefer: 'outlook.timezone="Asia/Tokyo"' } })).length, 1);
  });

  it('all-day series occurrences stay midnight-to-midnight (graph-api.md §8)', () => {
    const h = new Harness();
    const master = h.create(
      timed('trash day', '2026-03-04T00:00:00', '2026-03-05T00:00:00', 'Pacific Standard Time', {
        isAllDay: true,
        recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['wednesday'] }, range: { type: 'endDate', startDate: '2026-03-04', endDate: '2026-03-18' } },
      }),
    );
    const items = valueOf(h.call('GET', `/me/events/${String(master.id)}/instances`, { query: MARCH }));
    assert.deepEqual(items.map((i) => [(i.start as Json).dateTime, (i.end as Json).dateTime]), [
      ['2026-03-04T00:00:00.0000000', '2026-03-05T00:00:00.0000000'],
      ['2026-03-11T00:00:00.0000000', '2026-03-12T00:00:00.0000000'],
      ['2026-03-18T00:00:00.0000000', '2026-03-19T00:00:00.0000000'],
    ]);
    assert.ok(items.every((i) => i.isAllDay === true));
  });
});
