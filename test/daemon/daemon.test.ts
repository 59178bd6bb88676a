import assert from 'node:assert/strict';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/load.js';
import { startDaemon } from '../../src/daemon/daemon.js';
import { Store } from '../../src/store/store.js';
import { startCliWorld, type CliWorld } from '../cli/cli-world.js';
import { createTempDatabase, type TempDatabase } from '../helpers/postgres.js';

const silent = pino({ level: 'silent' });

async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('daemon on PostgreSQL: one instance per pair at a time', function () {
  this.timeout(120_000);
  let pg: TempDatabase;
  let world: CliWorld;
  let store: Store;
  before(async () => {
    pg = await createTempDatabase();
    world = await startCliWorld({ events: 2, config: { database: pg.url }, pair: { interval: '1s' } });
    store = await Store.open(pg.url);
  });
  after(async () => {
    await store?.close();
    await world?.close();
    await pg?.drop();
  });

  it('skips a pair while another instance holds its lease, and syncs it once the lease is released', async () => {
    assert.equal(await store.acquireLease('alice', 'other-host:1', 600_000), true);
    const daemon = await startDaemon({ config: loadConfig(world.configFile), store, log: silent, jitter: 0 });
    try {
      // Several intervals pass without a cycle: no attempt recorded, nothing written.
      await new Promise((r) => setTimeout(r, 3500));
      assert.equal((await store.pairStatus('alice'))?.lastAttemptAt, undefined);
      assert.match(await daemon.metrics.registry.metrics(), /^# TYPE calbridge_cycles_total counter$/m);
      assert.doesNotMatch(await daemon.metrics.registry.metrics(), /calbridge_cycles_total\{/);

      await store.releaseLease('alice', 'other-host:1');
      await waitFor('a successful cycle', async () => (await store.pairStatus('alice'))?.lastSuccessAt !== undefined);
      assert.equal((await store.listItems('alice')).length, 2);
      // This instance gives its lease back between cycles, so another holder can take the pair over.
      await daemon.stop();
      assert.equal(await store.acquireLease('alice', 'other-host:1', 600_000), true);
    } finally {
      await daemon.stop();
    }
  });
});
