import assert from 'node:assert/strict';
import { caldavSummaries, runCalbridge, startCliWorld, USER, type CliWorld } from './cli-world.js';

describe('calbridge conflicts (child process, emulator + Radicale)', function () {
  this.timeout(120_000);
  let world: CliWorld;
  before(async () => {
    world = await startCliWorld({ events: 1 });
  });
  after(() => world?.close());

  it('lists none before any conflict', async () => {
    const run = await runCalbridge(['conflicts', '--config', world.configFile]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'no conflicts\n');
  });

  it('lists a same-field conflict and shows the losing version as JSON', async () => {
    assert.equal((await runCalbridge(['sync', '--config', world.configFile])).code, 0);
    const [page] = world.graph([{ user: USER, method: 'GET', url: '/events' }]) as Array<{ value: Array<{ id: string }> }>;
    world.graph([{ user: USER, method: 'PATCH', url: `/events/${page!.value[0]!.id}`, body: { subject: 'Renamed in Outlook' } }]);
    const { collection } = await caldavSummaries(world);
    const [listed] = await world.caldav.listAll(collection);
    const { found } = await world.caldav.multiget(collection, [listed!.href]);
    const ics = found[0]!.data.replace(/^SUMMARY:.*$/m, 'SUMMARY:Renamed in Thunderbird');
    await world.caldav.update(listed!.href, ics, found[0]!.etag);

    const sync = await runCalbridge(['sync', '--config', world.configFile]);
    assert.equal(sync.code, 0, sync.stdout + sync.stderr);

    const list = await runCalbridge(['conflicts', '--pair', 'alice', '--config', world.configFile]);
    assert.equal(list.code, 0, list.stderr);
    const rows = list.stdout.trim().split('\n');
    assert.match(rows[0]!, /^ID\s+PAIR\s+WHEN\s+WINNER\s+FIELDS\s+UID$/);
    assert.equal(rows.length, 2, list.stdout);
    const m = /^(\d+)\s+alice\s+\d{4}-\d\d-\d\dT\S+\s+(Graph|CalDAV)\s+(\S*summary\S*)\s+(\S+)$/.exec(rows[1]!);
    assert.ok(m, rows[1]);

    const show = await runCalbridge(['conflicts', 'show', m[1]!, '--config', world.configFile]);
    assert.equal(show.code, 0, show.stderr);
    const conflict = JSON.parse(show.stdout) as { uid: string; winner: string; losingVersion: { kind: string; event: { summary: string } } };
    assert.equal(conflict.uid, m[4]);
    const loser = m[2] === 'Graph' ? 'Renamed in Thunderbird' : 'Renamed in Outlook';
    assert.equal(conflict.losingVersion.event.summary, loser);
    // The winner's text is on both sides now.
    const winner = loser === 'Renamed in Outlook' ? 'Renamed in Thunderbird' : 'Renamed in Outlook';
    assert.deepEqual(world.graphSubjects(), [winner]);
    assert.deepEqual((await caldavSummaries(world)).summaries, [winner]);
  });

  it('`conflicts show` of an unknown id is a usage error (exit 2)', async () => {
    const run = await runCalbridge(['conflicts', 'show', '999', '--config', world.configFile]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no conflict with id 999/);
  });
});
