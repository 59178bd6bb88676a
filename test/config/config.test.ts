import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ConfigError, parseConfig } from '../../src/config/load.js';
import { parseDuration } from '../../src/config/duration.js';

const run = promisify(execFile);
const example = readFileSync(new URL('../../config/calbridge.example.yaml', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'calbridge-config-'));
const passwordFile = join(dir, 'alice.password');
writeFileSync(passwordFile, 'dav-secret\n');
const exampleHere = example.replace('/etc/calbridge/alice.password', passwordFile);
const env = { CALBRIDGE_GRAPH_SECRET: 'graph-secret', XDG_STATE_HOME: '/var/lib/x' };

function problemsOf(text: string, e: NodeJS.ProcessEnv = env): readonly string[] {
  try {
    parseConfig(text, 'test.yaml', e);
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.problems;
  }
  assert.fail('expected a ConfigError');
}

describe('config', () => {
  it('accepts the issue example as written and resolves env: and file: secrets', () => {
    const config = parseConfig(exampleHere, 'example.yaml', env);
    const pair = config.pairs[0]!;
    assert.equal(config.database, 'sqlite:./calbridge.db');
    assert.equal(pair.name, 'alice');
    assert.equal(pair.graph.clientSecret, 'graph-secret');
    assert.equal(pair.caldav.password, 'dav-secret');
    assert.equal(pair.graph.auth, 'client-credentials');
    assert.equal(pair.direction, 'both');
    assert.equal(pair.conflicts, 'newest-wins');
    assert.equal(pair.interval, 5 * 60_000);
    assert.deepEqual(pair.window, { past: 90 * 86_400_000, future: 2 * 365 * 86_400_000 });
    assert.equal(pair.deleteThreshold, 0.2);
    assert.equal(pair.graph.writeAttendees, false);
  });

  it('defaults the database to sqlite under $XDG_STATE_HOME/calbridge', () => {
    const config = parseConfig(exampleHere.replace(/^database:.*$/m, ''), 'x.yaml', env);
    assert.equal(config.database, 'sqlite:/var/lib/x/calbridge/calbridge.db');
  });

  it('names the key and the problem for each bad value', () => {
    assert.deepEqual(problemsOf(exampleHere.replace('direction: both', 'direction: sideways')).length, 1);
    assert.match(problemsOf(exampleHere.replace('direction: both', 'direction: sideways'))[0]!, /^pairs\[0\]\.direction: /);
    assert.match(problemsOf(exampleHere.replace('interval: 5m', 'interval: soon'))[0]!, /^pairs\[0\]\.interval: .*duration/);
    assert.match(problemsOf(exampleHere.replace(/^\s+user: .*$/m, ''))[0]!, /^pairs\[0\]\.graph\.user: required when auth is client-credentials/);
    assert.match(problemsOf(exampleHere.replace('calendar: work', 'calendar: work\n      colour: red'))[0]!, /^pairs\[0\]\.caldav: .*colour/);
    assert.match(problemsOf(exampleHere.replace('url: http://127.0.0.1:5232/alice/', 'url: not a url'))[0]!, /^pairs\[0\]\.caldav\.url: /);
  });

  it('reports a missing secret by key and reference', () => {
    const problems = problemsOf(exampleHere, { XDG_STATE_HOME: '/x' });
    assert.deepEqual(problems, [
      'pairs[0].graph.clientSecret: env:CALBRIDGE_GRAPH_SECRET: environment variable CALBRIDGE_GRAPH_SECRET is not set',
    ]);
  });

  it('rejects duplicate pair names', () => {
    const pair = exampleHere.slice(exampleHere.indexOf('  - name: alice'));
    const problems = problemsOf(exampleHere + pair);
    assert.deepEqual(problems, ['pairs[1].name: duplicate pair name "alice"']);
  });

  it('gives the line of a YAML syntax error', () => {
    assert.match(problemsOf('pairs:\n  - name: [unclosed\n')[0]!, /^line \d+: /);
  });

  it('parses durations', () => {
    assert.equal(parseDuration('30s'), 30_000);
    assert.equal(parseDuration('1.5h'), 5_400_000);
    assert.equal(parseDuration('2w'), 14 * 86_400_000);
    assert.equal(parseDuration('5 minutes'), undefined);
  });
});

describe('calbridge config (CLI)', () => {
  const cli = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env: { ...process.env, ...extraEnv } });

  it('prints a JSON Schema describing the pairs', async () => {
    const { stdout } = await cli(['config', 'schema']);
    const schema = JSON.parse(stdout) as { properties: { pairs: { items: { properties: Record<string, { properties?: Record<string, { enum?: string[] }> }> } } } };
    const pair = schema.properties.pairs.items.properties;
    assert.deepEqual(pair.graph?.properties?.auth?.enum, ['client-credentials', 'device-code']);
    assert.ok(pair.caldav && pair.window && pair.conflicts);
  });

  it('check exits 3 with a one-line message naming the key', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, exampleHere.replace('conflicts: newest-wins', 'conflicts: coin-toss'));
    await assert.rejects(cli(['config', 'check', '--config', file], env), (err: { code: number; stderr: string }) => {
      assert.equal(err.code, 3);
      assert.match(err.stderr, /pairs\[0\]\.conflicts: /);
      assert.equal(err.stderr.trim().split('\n').length, 1);
      return true;
    });
  });

  it('check reads $CALBRIDGE_CONFIG when --config is absent', async () => {
    const file = join(dir, 'good.yaml');
    writeFileSync(file, exampleHere);
    const { stdout } = await cli(['config', 'check'], { ...env, CALBRIDGE_CONFIG: file });
    assert.match(stdout, /^alice: alice@contoso.com ⇄ http:\/\/127\.0\.0\.1:5232\/alice\/ \(both\)/);
  });
});
