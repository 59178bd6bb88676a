import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'mocha';
import type { EmulatorResponse } from '../../../src/emulator/contract.js';
import { Harness, bodyOf, errorCode, timed, valueOf, weeklySeries, type Json } from './harness.js';

/**
 * calendarView delta (MGDC:concepts/delta-query-events.md, api-reference/v1.0/api/event-delta.md;
 * samples 07-10 and 15).
 */

const WINDOW = 'startdatetime=2026-03-01T00:00:00Z&enddatetime=2026-04-01T00:00:00Z';
const PAGE_2 = { prefer: 'odata.maxpagesize=2' };

interface Round {
  readonly items: Json[];
  readonly deltaLink: string;
  readonly pages: EmulatorResponse[];
}

/** Follow nextLinks to the deltaLink, re-sending the Prefer header on every page as the doc does. */
function readRound(h: Harness, first: EmulatorResponse, headers: Record<string, string> = PAGE_2): Round {
  const pages = [first];
  let res = first;
  while (bodyOf(res)['@odata.nextLink']) {
    res = h.follow(String(bodyOf(res)['@odata.nextLink']), headers);
    assert.equal(res.status, 200);
    pages.push(res);
  }
  const deltaLink = String(bodyOf(res)['@odata.deltaLink']);
  return { items: pages.flatMap(valueOf), deltaLink, pages };
}

function event(day: number, subject: string): Json {
  const d = String(day).padStart(2, '0');
  return timed(subject, `2026-03-${d}T09:00:00`, `2026-03-${d}T10:00:00`);
}

const removedIds = (r: Round): unknown[] => r.items.filter((i) => i['@removed']).map((i) => i.id);
const changedSubjects = (r: Round): unknown[] => r.items.filter((i) => !i['@removed']).map((i) => i.subject);

describe('emulator domain: calendarView delta', () => {
  it('round 1 pages with maxpagesize through skip tokens to a deltaLink (samples 07-09)', () => {
    const h = new Harness();
    for (let d = 2; d <= 6; d++) h.create(event(d, `e${d}`));
    h.create(timed('outside', '2026-05-01T09:00:00', '2026-05-01T10:00:00'));
    const first = h.call('GET', '/me/calendarView/delta', { query: WINDOW, headers: PAGE_2 });
    assert.equal(first.status, 200);
    assert.equal(first.headers?.['preference-applied'], 'odata.track-changes');
    assert.match(String(bodyOf(first)['@odata.context']), /\$metadata#Collection\(event\)$/);
    assert.match(String(bodyOf(first)['@odata.nextLink']), /\/v1\.0\/me\/calendarView\/delta\?\$skiptoken=[A-Za-z0-9_-]+$/);
    const round = readRound(h, first);
    assert.deepEqual(round.pages.map((p) => valueOf(p).length), [2, 2, 1]);
    assert.deepEqual(changedSubjects(round), ['e2', 'e3', 'e4', 'e5', 'e6']);
    assert.ok(round.items.every((i) => i['@odata.type'] === '#microsoft.graph.event'));
    const sample07 = JSON.parse(readFileSync(new URL('./fixtures/07-delta-v1-calendarview-page1-nextLink.json', import.meta.url), 'utf8'));
    for (const key of Object.keys(sample07.value[0])) assert.ok(key in round.items[0]!, `delta item lacks ${key}`);
    assert.ok(round.items.every((i) => i['@odata.etag'] === `W/"${String(i.changeKey)}"`));
    assert.match(round.deltaLink, /\/me\/calendarView\/delta\?\$deltatoken=[A-Za-z0-9_-]+$/);
    assert.ok(round.pages.every((p) => p.headers?.['preference-applied'] === 'odata.track-changes'));
  });

  it('round 2 reports creations, updates, deletions and moves out of the window as @removed (sample 10)', () => {
    const h = new Harness();
    const ids = [2, 3, 4].map((d) => String(h.create(event(d, `e${d}`)).id));
    const round1 = readRound(h, h.call('GET', '/me/calendarView/delta', { query: WINDOW, headers: PAGE_2 }));
    const quiet = readRound(h, h.follow(round1.deltaLink, PAGE_2));
    assert.deepEqual(quiet.items, []);

    h.call('PATCH', `/me/events/${ids[0]!}`, { body: { subject: 'e2 renamed' } });
    h.call('DELETE', `/me/events/${ids[1]!}`);
    h.call('PATCH', `/me/events/${ids[2]!}`, {
      body: { start: { dateTime: '2026-06-01T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-06-01T10:00:00', timeZone: 'UTC' } },
    });
    h.create(event(20, 'new'));
    const round2 = readRound(h, h.follow(quiet.deltaLink, PAGE_2));
    assert.deepEqual(removedIds(round2).sort(), [ids[1], ids[2]].sort());
    const sample10 = JSON.parse(readFileSync(new URL('./fixtures/10-delta-v1-calendarview-nextround-removed.json', import.meta.url), 'utf8'));
    for (const r of round2.items.filter((i) => i['@removed'])) {
      assert.deepEqual(Object.keys(r).sort(), Object.keys(sample10.value[0]).sort());
      assert.deepEqual(r['@removed'], { reason: 'deleted' });
    }
    assert.deepEqual(changedSubjects(round2).sort(), ['e2 renamed', 'new']);
    // Moving back into the window is a change again.
    h.call('PATCH', `/me/events/${ids[2]!}`, {
      body: { start: { dateTime: '2026-03-25T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-03-25T10:00:00', timeZone: 'UTC' } },
    });
    assert.deepEqual(changedSubjects(readRound(h, h.follow(round2.deltaLink, PAGE_2))), ['e4']);
  });

  it('series: occurrences only; a master edit surfaces as changed occurrences, a cancellation as @removed (graph-api.md §6.2)', () => {
    const h = new Harness();
    const master = h.create(weeklySeries('weekly', 3));
    const round1 = readRound(h, h.call('GET', '/me/calendarView/delta', { query: WINDOW }), {});
    assert.deepEqual(round1.items.map((i) => i.type), ['occurrence', 'occurrence', 'occurrence']);
    assert.ok(!round1.items.some((i) => i.id === master.id));

    h.call('PATCH', `/me/events/${String(master.id)}`, { body: { subject: 'weekly v2' } });
    const round2 = readRound(h, h.follow(round1.deltaLink), {});
    assert.deepEqual(changedSubjects(round2), ['weekly v2', 'weekly v2', 'weekly v2']);

    const cancelled = String(round1.items[1]!.id);
    h.call('DELETE', `/me/events/${cancelled}`);
    const round3 = readRound(h, h.follow(round2.deltaLink), {});
    assert.deepEqual(removedIds(round3), [cancelled]);

    h.call('DELETE', `/me/events/${String(master.id)}`);
    const round4 = readRound(h, h.follow(round3.deltaLink), {});
    assert.deepEqual(removedIds(round4).sort(), [round1.items[0]!.id, round1.items[2]!.id].sort());
  });

  it('delta items honour Prefer outlook.timezone on every page (event-delta.md request headers)', () => {
    const h = new Harness();
    h.create(event(3, 'x'));
    const res = h.call('GET', '/me/calendarView/delta', { query: WINDOW, headers: { prefer: 'outlook.timezone="Tokyo Standard Time"' } });
    assert.deepEqual(valueOf(res)[0]!.start, { dateTime: '2026-03-03T18:00:00.0000000', timeZone: 'Tokyo Standard Time' });
    assert.equal(res.headers?.['preference-applied'], 'outlook.timezone="Tokyo Standard Time", odata.track-changes');
  });

  it('$select, $filter, $orderby and $expand are refused on delta (event-delta.md optional query parameters)', () => {
    const h = new Harness();
    for (const opt of ['$select=subject', '$filter=x', '$orderby=start/dateTime', '$expand=attachments']) {
      const res = h.call('GET', '/me/calendarView/delta', { query: `${WINDOW}&${opt}` });
      assert.equal(res.status, 400, opt);
    }
  });

  it('expireDeltaTokens: every outstanding delta and skip token answers 410 SyncStateNotFound (sample 15)', () => {
    const h = new Harness();
    for (let d = 2; d <= 4; d++) h.create(event(d, `e${d}`));
    const first = h.call('GET', '/me/calendarView/delta', { query: WINDOW, headers: PAGE_2 });
    const skipLink = String(bodyOf(first)['@odata.nextLink']);
    const round = readRound(h, first);
    h.service.expireDeltaTokens();
    for (const link of [round.deltaLink, skipLink]) {
      const gone = h.follow(link, PAGE_2);
      assert.equal(gone.status, 410);
      assert.equal(errorCode(gone), 'SyncStateNotFound');
    }
    const fixture = JSON.parse(readFileSync(new URL('./fixtures/15-error-410-syncstatenotfound.json', import.meta.url), 'utf8'));
    const gone = bodyOf(h.follow(round.deltaLink)) as { error: Json };
    assert.deepEqual(Object.keys(gone.error).sort(), Object.keys(fixture.error).sort());
    assert.match(String(gone.error.message), /^The sync state generation is not found; generation=\d+;\[highest=\d+\]/);
    // A fresh first call still works.
    assert.equal(h.call('GET', '/me/calendarView/delta', { query: WINDOW }).status, 200);
  });

  it('only the newest maxDeltaGenerations rounds are kept: older delta and skip tokens → 410 (graph-api.md §6.3, docs issue #7975)', () => {
    const h = new Harness(3);
    for (let d = 2; d <= 4; d++) h.create(event(d, `e${d}`));
    const first = h.call('GET', '/me/calendarView/delta', { query: WINDOW, headers: PAGE_2 });
    const oldSkip = String(bodyOf(first)['@odata.nextLink']);
    let round = readRound(h, first);
    const oldest = round.deltaLink;
    const links = [oldest];
    for (let i = 0; i < 3; i++) {
      round = readRound(h, h.follow(round.deltaLink, PAGE_2));
      links.push(round.deltaLink);
    }
    assert.equal(h.follow(oldest, PAGE_2).status, 410);
    assert.equal(h.follow(oldSkip, PAGE_2).status, 410);
    assert.equal(h.follow(links.at(-1)!, PAGE_2).status, 200);
  });

  it('each calendar keeps its own generations: rounds on one do not expire another’s token (graph-api.md §6.3, sample 15)', () => {
    const h = new Harness(2);
    const calId = String(bodyOf(h.call('POST', '/me/calendars', { body: { name: 'Team' } })).id);
    h.create(event(3, 'team'), `/me/calendars/${calId}/events`);
    const team = readRound(h, h.call('GET', `/me/calendars/${calId}/calendarView/delta`, { query: WINDOW }), {});
    assert.deepEqual(changedSubjects(team), ['team']);
    let mine = readRound(h, h.call('GET', '/me/calendar/calendarView/delta', { query: WINDOW }), {});
    for (let i = 0; i < 3; i++) mine = readRound(h, h.follow(mine.deltaLink), {});
    h.call('PATCH', `/me/events/${String(team.items[0]!.id)}`, { body: { subject: 'team v2' } });
    const again = h.follow(team.deltaLink);
    assert.equal(again.status, 200);
    assert.deepEqual(valueOf(again).map((i) => i.subject), ['team v2']);
  });

  it('tokens are bound to their mailbox; a forged token is a 400, not data (delta-query-overview.md: tokens are opaque)', () => {
    const h = new Harness();
    const round = readRound(h, h.call('GET', '/me/calendarView/delta', { query: WINDOW }), {});
    const token = new URL(round.deltaLink).searchParams.get('$deltatoken')!;
    const other = h.call('GET', '/users/bob@contoso.com/calendarView/delta', {
      query: `$deltatoken=${token}`,
      principal: { kind: 'app', tenant: 't1', clientId: 'c1' },
    });
    assert.equal(other.status, 400);
    assert.equal(h.call('GET', '/me/calendarView/delta', { query: '$deltatoken=garbage' }).status, 400);
  });
});
