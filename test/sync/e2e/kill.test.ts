import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { startCalbridge } from '../../cli/cli-world.js';
import { MATRIX, startWorld, type World } from './harness.js';
import { assertQuiet, caldavObjects, caldavOne, caldavPut, day, graphCreate, graphEvents, graphOne, occurrence } from './io.js';

const COUNT = 5;

const POST_LATENCY_MS = 400;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until `done` more POSTs than `from` were answered, then a little longer: the child has journalled its
 * next write and is waiting on that slow POST (settle + read-back take a few ms, the POST takes POST_LATENCY_MS).
 */
async function waitInsideNextWrite(world: World, from: number, done: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((world.emulator.control.stats().byMethod.POST ?? 0) < from + done) {
    if (Date.now() > deadline) throw new Error(`no ${done} POSTs answered within ${timeoutMs} ms`);
    await sleep(10);
  }
  await sleep(POST_LATENCY_MS / 2);
}

for (const setup of MATRIX) {
  describe(`sync e2e: kill -9 of \`calbridge sync\` mid-write (${setup.label})`, function () {
    this.timeout(180_000);
    let world: World;
    let configFile: string;
    before(async () => {
      world = await startWorld(setup);
      configFile = join(tmpdir(), `calbridge-kill-${process.pid}-${setup.server}.yaml`);
      writeFileSync(configFile, stringify({ database: world.databaseUrl, pairs: [world.pairInput] }));
    });
    after(() => world?.close());

    it('rolls forward after each kill: in the end every item exists once on each side', async () => {
      for (let i = 1; i <= COUNT; i++) {
        const d = day(3 + i);
        await graphCreate(world, { subject: `kill: outlook ${i}`, start: { dateTime: `${d}T07:00:00`, timeZone: 'UTC' }, end: { dateTime: `${d}T08:00:00`, timeZone: 'UTC' } });
        await caldavPut(world, {
          kind: 'single',
          uid: `kill-${i}@example.com`,
          event: occurrence(`kill: thunderbird ${i}`, { kind: 'zoned', local: `${d}T12:00:00`, tz: 'Europe/London' }, { kind: 'zoned', local: `${d}T13:00:00`, tz: 'Europe/London' }),
        });
      }
      // Slow Graph creates keep each child in its write phase long enough to be killed inside it.
      world.emulator.control.addFaults([{ kind: 'latency', method: 'POST', latencyMs: POST_LATENCY_MS }]);
      for (const done of [1, 2]) {
        const from = world.emulator.control.stats().byMethod.POST ?? 0;
        const child = startCalbridge(['sync', '--config', configFile], { CALBRIDGE_LOG_LEVEL: 'warn' });
        await waitInsideNextWrite(world, from, done);
        child.child.kill('SIGKILL');
        const { signal } = await child.exited;
        assert.equal(signal, 'SIGKILL', `killed mid-run, not finished: ${child.stdout()}`);
      }
      world.emulator.control.clearFaults();
      const last = startCalbridge(['sync', '--config', configFile], { CALBRIDGE_LOG_LEVEL: 'warn' });
      const { code } = await last.exited;
      assert.equal(code, 0, `${last.stdout()}\n${last.stderr().slice(-2000)}`);

      for (let i = 1; i <= COUNT; i++) {
        await graphOne(world, `kill: thunderbird ${i}`);
        await caldavOne(world, `kill: outlook ${i}`);
      }
      assert.equal((await graphEvents(world)).length, 2 * COUNT);
      assert.equal((await caldavObjects(world)).length, 2 * COUNT);
      const journal = await world.store.journal(world.pair.name, 1000);
      assert.deepEqual(journal.filter((j) => j.state === 'intent'), [], 'no write left unsettled');
      assert.ok(journal.some((j) => (j.outcome as { recovered?: boolean } | undefined)?.recovered === true), 'a killed write was rolled forward');
      await assertQuiet(world);
    });
  });
}
