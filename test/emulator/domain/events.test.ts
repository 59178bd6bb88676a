import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { Harness, bodyOf, errorCode, timed, valueOf, weeklySeries } from './harness.js';

const PROP = 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name CalDavHref';

describe('emulator domain: event writes', () => {
  it('a repeated POST with the same transactionId returns the existing event (resources/event.md transactionId)', () => {
    const h = new Harness();
    const body = timed('once', '2026-03-03T09:00:00', '2026-03-03T10:00:00', 'UTC', { transactionId: 'tx-1' });
    const first = h.call('POST', '/me/events', { body });
    const again = h.call('POST', '/me/events', { body });
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.equal(bodyOf(again).id, bodyOf(first).id);
    assert.equal(valueOf(h.call('GET', '/me/events')).length, 1);
    // Another mailbox does not share transaction ids.
    const other = h.call('POST', '/users/bob@contoso.com/events', {
      body,
      principal: { kind: 'app', tenant: 't1', clientId: 'c1' },
    });
    assert.notEqual(bodyOf(other).id, bodyOf(first).id);
  });

  it('PATCH changes only the given fields and bumps changeKey and lastModifiedDateTime (event-update.md)', () => {
    const h = new Harness();
    const created = h.create(timed('before', '2026-03-03T09:00:00', '2026-03-03T10:00:00', 'UTC', { categories: ['Red'], importance: 'high' }));
    h.tick(60_000);
    const res = h.call('PATCH', `/me/events/${String(created.id)}`, { body: { subject: 'after', showAs: 'Free' } });
    assert.equal(res.status, 200);
    const e = bodyOf(res);
    assert.equal(e.subject, 'after');
    assert.equal(e.showAs, 'free');
    assert.deepEqual(e.categories, ['Red']);
    assert.equal(e.importance, 'high');
    assert.deepEqual(e.start, created.start);
    assert.notEqual(e.changeKey, created.changeKey);
    assert.equal(e['@odata.etag'], `W/"${String(e.changeKey)}"`);
    assert.equal(e.lastModifiedDateTime, '2026-03-02T09:01:00Z');
    assert.equal(e.createdDateTime, created.createdDateTime);
  });

  it('If-Match with a stale etag → 412 ErrorIrresolvableConflict; the current one succeeds (graph-api.md §9.4)', () => {
    const h = new Harness();
    const created = h.create(timed('x', '2026-03-03T09:00:00', '2026-03-03T10:00:00'));
    const staleEtag = String(created['@odata.etag']);
    const fresh = bodyOf(h.call('PATCH', `/me/events/${String(created.id)}`, { body: { subject: 'y' } }));
    const stale = h.call('PATCH', `/me/events/${String(created.id)}`, { body: { subject: 'z' }, headers: { 'if-match': staleEtag } });
    assert.equal(stale.status, 412);
    assert.equal(errorCode(stale), 'ErrorIrresolvableConflict');
    assert.equal(bodyOf(h.call('GET', `/me/events/${String(created.id)}`)).subject, 'y');
    const ok = h.call('PATCH', `/me/events/${String(created.id)}`, { body: { subject: 'z' }, headers: { 'if-match': String(fresh['@odata.etag']) } });
    assert.equal(ok.status, 200);
    const staleDelete = h.call('DELETE', `/me/events/${String(created.id)}`, { headers: { 'if-match': staleEtag } });
    assert.equal(staleDelete.status, 412);
  });

  it('DELETE → 204, then GET/DELETE → 404 ErrorItemNotFound (graph-api.md §9.3)', () => {
    const h = new Harness();
    const id = String(h.create(timed('x', '2026-03-03T09:00:00', '2026-03-03T10:00:00')).id);
    const del = h.call('DELETE', `/me/events/${id}`);
    assert.equal(del.status, 204);
    assert.equal(del.body, undefined);
    assert.equal(errorCode(h.call('GET', `/me/events/${id}`)), 'ErrorItemNotFound');
    assert.equal(h.call('DELETE', `/me/events/${id}`).status, 404);
    assert.equal(h.call('PATCH', '/me/events/AAMkAGunknown=', { body: { subject: 'x' } }).status, 404);
  });

  it('bad bodies are refused: unknown property, bad enum, bad zone, end before start (graph-api.md §11, docs#4758)', () => {
    const h = new Harness();
    const base = timed('x', '2026-03-03T09:00:00', '2026-03-03T10:00:00');
    assert.equal(errorCode(h.call('POST', '/me/events', { body: { ...base, colour: 'red' } })), 'RequestBodyRead');
    assert.equal(h.call('POST', '/me/events', { body: { ...base, showAs: 'sleeping' } }).status, 400);
    const zone = h.call('POST', '/me/events', { body: timed('x', '2026-03-03T09:00:00', '2026-03-03T10:00:00', 'Greenwich Mean Time') });
    assert.equal(errorCode(zone), 'TimeZoneNotSupportedException');
    const backwards = h.call('POST', '/me/events', { body: timed('x', '2026-03-03T10:00:00', '2026-03-03T09:00:00') });
    assert.equal(backwards.status, 400);
    const badRecurrence = h.call('POST', '/me/events', {
      body: { ...base, recurrence: { pattern: { type: 'daily', interval: 1, index: 'fifth' }, range: { type: 'noEnd', startDate: '2026-03-03' } } },
    });
    assert.equal(errorCode(badRecurrence), 'ErrorInvalidRequest');
    assert.equal(valueOf(h.call('GET', '/me/events')).length, 0);
  });
});

describe('emulator domain: event reads', () => {
  it('GET /events lists singles and masters, never occurrences (user-list-events.md)', () => {
    const h = new Harness();
    h.create(weeklySeries('series'));
    h.create(timed('single', '2026-03-03T09:00:00', '2026-03-03T10:00:00'));
    const types = valueOf(h.call('GET', '/me/events')).map((e) => e.type).sort();
    assert.deepEqual(types, ['seriesMaster', 'singleInstance']);
  });

  it('/events pages with $top and an @odata.nextLink using $skip (graph-api.md §5)', () => {
    const h = new Harness();
    for (let i = 0; i < 5; i++) h.create(timed(`e${i}`, `2026-03-0${i + 3}T09:00:00`, `2026-03-0${i + 3}T10:00:00`));
    const first = h.call('GET', '/me/events', { query: '$top=2' });
    assert.equal(valueOf(first).length, 2);
    const next = String(bodyOf(first)['@odata.nextLink']);
    assert.match(next, /\$skip=2$/);
    const seen = valueOf(first).map((e) => e.subject);
    let link: string | undefined = next;
    while (link) {
      const page = h.follow(link);
      seen.push(...valueOf(page).map((e) => e.subject));
      link = bodyOf(page)['@odata.nextLink'] as string | undefined;
    }
    assert.deepEqual(seen, ['e0', 'e1', 'e2', 'e3', 'e4']);
  });

  it('extended properties: written on POST, omitted from POST/PATCH responses, returned by $expand (sample 24)', () => {
    const h = new Harness();
    const created = h.create(timed('x', '2026-03-03T09:00:00', '2026-03-03T10:00:00', 'UTC', {
      singleValueExtendedProperties: [{ id: PROP, value: '/cal/a.ics' }],
    }));
    assert.equal('singleValueExtendedProperties' in created, false);
    const plain = bodyOf(h.call('GET', `/me/events/${String(created.id)}`));
    assert.equal('singleValueExtendedProperties' in plain, false);
    const expandQuery = `$expand=singleValueExtendedProperties(%24filter%3Did%20eq%20'${encodeURIComponent(PROP)}')`;
    const expanded = bodyOf(h.call('GET', `/me/events/${String(created.id)}`, { query: expandQuery }));
    assert.deepEqual(expanded.singleValueExtendedProperties, [{ id: PROP, value: '/cal/a.ics' }]);
    // GUID case does not matter, the name does.
    const upperGuid = PROP.replace('66f5a359', '66F5A359');
    const q2 = `$expand=singleValueExtendedProperties($filter=id eq '${encodeURIComponent(upperGuid)}')`;
    assert.equal((bodyOf(h.call('GET', `/me/events/${String(created.id)}`, { query: q2 })).singleValueExtendedProperties as unknown[]).length, 1);
    const q3 = `$expand=singleValueExtendedProperties($filter=id eq '${encodeURIComponent(PROP.toLowerCase())}')`;
    assert.deepEqual(bodyOf(h.call('GET', `/me/events/${String(created.id)}`, { query: q3 })).singleValueExtendedProperties, []);
    const patched = h.call('PATCH', `/me/events/${String(created.id)}`, { body: { singleValueExtendedProperties: [{ id: PROP, value: '/cal/b.ics' }] } });
    assert.equal('singleValueExtendedProperties' in bodyOf(patched), false);
    assert.deepEqual(bodyOf(h.call('GET', `/me/events/${String(created.id)}`, { query: expandQuery })).singleValueExtendedProperties, [{ id: PROP, value: '/cal/b.ics' }]);
  });

  it('$filter on an extended property: name case-sensitive, value case-insensitive (extended-properties-overview.md)', () => {
    const h = new Harness();
    const a = h.create(timed('a', '2026-03-03T09:00:00', '2026-03-03T10:00:00', 'UTC', { singleValueExtendedProperties: [{ id: PROP, value: '/Cal/A.ics' }] }));
    h.create(timed('b', '2026-03-04T09:00:00', '2026-03-04T10:00:00', 'UTC', { singleValueExtendedProperties: [{ id: PROP, value: '/cal/b.ics' }] }));
    h.create(timed('none', '2026-03-05T09:00:00', '2026-03-05T10:00:00'));
    const filter = (id: string, value: string): string =>
      `$filter=${encodeURIComponent(`singleValueExtendedProperties/Any(ep: ep/id eq '${id}' and ep/value eq '${value}')`)}`;
    const hit = valueOf(h.call('GET', '/me/events', { query: filter(PROP, '/cal/a.ics') }));
    assert.deepEqual(hit.map((e) => e.id), [a.id]);
    assert.equal(valueOf(h.call('GET', '/me/events', { query: filter(PROP.replace('CalDavHref', 'caldavhref'), '/cal/a.ics') })).length, 0);
    assert.equal(valueOf(h.call('GET', '/me/events', { query: filter(PROP, '/cal/zzz.ics') })).length, 0);
    const unsupported = h.call('GET', '/me/events', { query: `$filter=${encodeURIComponent("subject eq 'a'")}` });
    assert.equal(unsupported.status, 400);
  });
});
