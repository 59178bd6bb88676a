import assert from 'node:assert/strict';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { runCalbridge, startCliWorld, type CliWorld } from './cli-world.js';

describe('calbridge login (child process, emulator)', function () {
  this.timeout(120_000);
  let world: CliWorld;
  before(async () => {
    world = await startCliWorld();
  });
  after(() => world?.close());

  it('refuses a client-credentials pair with exit 3', async () => {
    const run = await runCalbridge(['login', 'alice', '--config', world.configFile]);
    assert.equal(run.code, 3);
    assert.match(run.stderr, /client-credentials/);
  });

  it('signs a device-code pair in and stores the tokens in a 0600 file', async () => {
    world.emulator.control.autoApproveDeviceCodes({ afterPolls: 1, upn: 'bob@contoso.example' });
    const tokenCache = join(world.dir, 'state', 'bob.tokens.json');
    const configFile = join(world.dir, 'device.yaml');
    writeFileSync(configFile, stringify({
      database: `sqlite:${join(world.dir, 'device.db')}`,
      pairs: [{
        name: 'bob',
        graph: { baseUrl: world.emulator.baseUrl, authority: `${world.emulator.baseUrl}/contoso.onmicrosoft.com`, clientId: 'calbridge-cli-test', auth: 'device-code', caFile: world.emulator.caFile, tokenCache },
        caldav: { url: world.dav.calendarHomeUrl },
      }],
    }));
    const run = await runCalbridge(['login', 'bob', '--config', configFile]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /enter the code \S+/i);
    assert.match(run.stdout, /^signed in as bob@contoso\.example; tokens stored in .*bob\.tokens\.json$/m);
    assert.equal(statSync(tokenCache).mode & 0o777, 0o600);
  });
});
