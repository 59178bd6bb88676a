import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Store } from '../../src/store/store.js';

const run = promisify(execFile);

describe('knexfile.ts (npm run migrate)', () => {
  it('brings a fresh database up to date with the knex CLI, and the daemon then finds nothing left to do', async function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'calbridge-knexfile-'));
    try {
      const url = `sqlite:${join(dir, 'state.db')}`;
      const { stdout } = await run('npm', ['run', '--silent', 'migrate'], { env: { ...process.env, CALBRIDGE_DATABASE: url } });
      assert.match(stdout, /Batch 1 run: 3 migrations/);
      const store = await Store.open(url);
      try {
        const rows = await store.db('knex_migrations').select('name');
        assert.equal(rows.length, 3);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
