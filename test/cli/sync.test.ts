import assert from 'node:assert/strict';
import { caldavSummaries, runCalbridge, startCliWorld, USER, type CliWorld } from './cli-world.js';

interface StatusJson {
  name: string;
  lastSuccessAt?: string;
  lastAttemptAt?: string;
  lastError?: string;
  lastCounts: Record<string, number>;
  conflicts: number;
}

async function status(world: CliWorld): Promise<StatusJson> {
  const run = await runCalbridge(['status', '--json', '--config', world.configFile]);
  assert.equal(run.code, 0, run.stderr);
  const [pair] = JSON.parse(run.stdout) as StatusJson[];
  return pair!;
}

describe('calbridge sync / status (child process, emulator + Radicale)', function () {
  this.timeout(120_000);
  let world: CliWorld;
  before(async () => {
    world = await startCliWorld({ events: 5 });
  });
  after(() => world?.close());

  it('--dry-run prints one line per planned item and writes nothing, not even the status', async () => {
    const before = world.emulator.control.stats().byMethod;
    const run = await runCalbridge(['sync', '--dry-run', '--config', world.configFile]);
    assert.equal(run.code, 0, run.stderr);
    const creates = run.stdout.split('\n').filter((l) => /^\s+create\s+on CalDAV\s+\S+\s+"Meeting \d"$/.test(l));
    assert.equal(creates.length, 5, run.stdout);
    assert.match(run.stdout, /^alice: dry run, 5 planned \(create-caldav 5\); nothing written$/m);
    const after = world.emulator.control.stats().byMethod;
    for (const method of ['POST', 'PATCH', 'DELETE']) assert.equal(after[method] ?? 0, before[method] ?? 0, `${method} sent to Graph`);
    assert.equal(await world.caldav.findCalendar(world.dav.calendarHomeUrl, 'Work'), undefined, 'the dry run created the CalDAV calendar');
    const s = await status(world);
    assert.equal(s.lastAttemptAt, undefined);
  });

  it('sync copies the events, prints a summary line and exits 0; status shows the pair', async () => {
    const run = await runCalbridge(['sync', '--config', world.configFile]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^alice: ok, 5 writes \(create-caldav 5\)$/m);
    assert.deepEqual((await caldavSummaries(world)).summaries, ['Meeting 1', 'Meeting 2', 'Meeting 3', 'Meeting 4', 'Meeting 5']);
    const s = await status(world);
    assert.ok(s.lastSuccessAt && Date.now() - Date.parse(s.lastSuccessAt) < 60_000, JSON.stringify(s));
    assert.equal(s.lastError, undefined);
    assert.deepEqual(s.lastCounts, { 'create-caldav': 5 });
    const text = await runCalbridge(['status', '--config', world.configFile]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^alice:\n {2}last success: {2}\d{4}-\d\d-\d\dT/m);
    assert.match(text.stdout, /item errors: {3}0\n/);
  });

  it('a second sync is quiet', async () => {
    const run = await runCalbridge(['sync', '--pair', 'alice', '--config', world.configFile]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^alice: ok, 0 writes/m);
  });

  it('an unknown --pair is a usage error (exit 2)', async () => {
    const run = await runCalbridge(['sync', '--pair', 'bob', '--config', world.configFile]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no pair named "bob"/);
  });

  it('a missing config file is a configuration error (exit 3)', async () => {
    const run = await runCalbridge(['sync', '--config', `${world.dir}/nope.yaml`]);
    assert.equal(run.code, 3);
    assert.match(run.stderr, /nope\.yaml/);
  });

  it('stops with exit 5 when a cycle would delete too much, and goes ahead with --force-deletes', async () => {
    const [page] = world.graph([{ user: USER, method: 'GET', url: '/events?$top=100' }]) as Array<{ value: Array<{ id: string; subject: string }> }>;
    const doomed = page!.value.filter((e) => ['Meeting 1', 'Meeting 2', 'Meeting 3'].includes(e.subject));
    world.graph(doomed.map((e) => ({ user: USER, method: 'DELETE', url: `/events/${e.id}` })));

    const blocked = await runCalbridge(['sync', '--config', world.configFile]);
    assert.equal(blocked.code, 5, blocked.stdout + blocked.stderr);
    assert.match(blocked.stdout, /^alice: safety stop: .*would delete 0 on Graph, 3 on CalDAV of 5 mapped/m);
    assert.equal((await caldavSummaries(world)).summaries.length, 5);
    assert.match((await status(world)).lastError ?? '', /safety stop/);

    const forced = await runCalbridge(['sync', '--force-deletes', '--config', world.configFile]);
    assert.equal(forced.code, 0, forced.stdout + forced.stderr);
    assert.match(forced.stdout, /^alice: ok, 3 writes \(delete-caldav 3\)$/m);
    assert.deepEqual((await caldavSummaries(world)).summaries, ['Meeting 4', 'Meeting 5']);
    assert.equal((await status(world)).lastError, undefined);
  });
});
