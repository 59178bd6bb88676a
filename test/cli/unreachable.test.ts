import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { runCalbridge } from './cli-world.js';

describe('calbridge sync when a server is unreachable (child process)', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'calbridge-cli-down-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 1, says which pair failed, and status records the error', async () => {
    const configFile = join(dir, 'config.yaml');
    // Port 9 (discard) on loopback: nothing listens, connections are refused at once.
    writeFileSync(configFile, stringify({
      database: `sqlite:${join(dir, 'state.db')}`,
      pairs: [{
        name: 'down',
        graph: { baseUrl: 'https://127.0.0.1:9', authority: 'https://127.0.0.1:9/contoso', clientId: 'x', clientSecret: 'y', user: 'a@b.example' },
        caldav: { url: 'http://127.0.0.1:9/' },
      }],
    }));
    const run = await runCalbridge(['sync', '--config', configFile]);
    assert.equal(run.code, 1, run.stdout + run.stderr.slice(-2000));
    assert.match(run.stdout, /^down: failed: /m);
    const status = await runCalbridge(['status', '--json', '--config', configFile]);
    assert.equal(status.code, 0, status.stderr);
    const [pair] = JSON.parse(status.stdout) as Array<{ name: string; lastError?: string; lastSuccessAt?: string; lastAttemptAt?: string }>;
    assert.equal(pair!.name, 'down');
    assert.ok(pair!.lastError && pair!.lastAttemptAt && !pair!.lastSuccessAt, JSON.stringify(pair));
  });
});
