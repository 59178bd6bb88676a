import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { trustingFetch } from '../../../src/graph/trust.js';

const run = promisify(execFile);
const CLI = ['--import', 'tsx', 'src/cli/main.ts'];

/** Starts `calbridge emulator …` and resolves with the child and its first `count` stdout lines. */
interface CliRun {
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: string[];
  /** Everything the child wrote to stderr so far: the message of any failed assertion about it. */
  readonly stderr: () => string;
}

async function startCli(args: string[], count: number): Promise<CliRun> {
  const child = spawn(process.execPath, [...CLI, 'emulator', ...args], { stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines: string[] = [];
  const rl = createInterface({ input: child.stdout });
  await new Promise<void>((resolve, reject) => {
    rl.on('line', (line) => {
      lines.push(line);
      if (lines.length === count) resolve();
    });
    child.once('exit', (code) => reject(new Error(`emulator exited early (${code}): ${stderr}`)));
  });
  return { child, lines, stderr: () => stderr };
}

function stop(child: ChildProcessWithoutNullStreams, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

describe('calbridge emulator (CLI, as a child process)', function () {
  this.timeout(90_000);

  it('prints the listening line and the CA file, serves seeded Graph over https, and exits 0 on SIGTERM', async () => {
    const { child, lines, stderr } = await startCli(['--port', '0', '--seed', 'config/emulator-seed.example.json'], 2);
    try {
      const listening = /^graph emulator listening on (https:\/\/127\.0\.0\.1:\d+)$/.exec(lines[0]!);
      const ca = /^ca file: (\/.+\.pem)$/.exec(lines[1]!);
      assert.ok(listening, lines[0]);
      assert.ok(ca, lines[1]);
      const baseUrl = listening[1]!;
      const fetch = trustingFetch(await readFile(ca[1]!, 'utf8'));
      const { access_token } = (await (await fetch(`${baseUrl}/_emulator/tokens`, { method: 'POST' })).json()) as { access_token: string };
      const res = await fetch(`${baseUrl}/v1.0/users/alice@contoso.example/events`, { headers: { authorization: `Bearer ${access_token}` } });
      assert.equal(res.status, 200, stderr());
      const subjects = ((await res.json()) as { value: Array<{ subject: string }> }).value.map((e) => e.subject).sort();
      assert.deepEqual(subjects, ['Company holiday', 'Stand-up']);

      // The documented recipe for Node clients in another process: NODE_EXTRA_CA_CERTS with the printed file.
      const probe = await run(process.execPath, ['-e', `fetch('${baseUrl}/_emulator/health').then(r => r.text()).then(t => process.stdout.write(t))`], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: ca[1]! },
      });
      assert.deepEqual(JSON.parse(probe.stdout), { ok: true });

      assert.equal(await stop(child, 'SIGTERM'), 0, stderr());
      assert.equal(existsSync(ca[1]!), false, 'the temp CA dir is removed on exit');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('serves plain http with --http, prints a single line, auto-approves device codes, and exits 0 on SIGINT', async () => {
    const { child, lines, stderr } = await startCli(['--http', '--port', '0', '--approve-device-codes', 'demo@contoso.example'], 1);
    try {
      const listening = /^graph emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(lines[0]!);
      assert.ok(listening, lines[0]);
      const base = listening[1]!;
      assert.equal((await fetch(`${base}/v1.0/me/events`)).status, 401);
      const post = async (path: string, fields: Record<string, string>): Promise<Record<string, string>> =>
        (await (await fetch(`${base}${path}`, { method: 'POST', body: new URLSearchParams(fields) })).json()) as Record<string, string>;
      const dc = await post('/common/oauth2/v2.0/devicecode', { client_id: 'demo', scope: 'Calendars.ReadWrite' });
      const token = await post('/common/oauth2/v2.0/token', { grant_type: 'device_code', client_id: 'demo', device_code: dc.device_code! });
      const me = await fetch(`${base}/v1.0/me/calendars`, { headers: { authorization: `Bearer ${token.access_token}` } });
      assert.equal(me.status, 200, stderr());
      assert.equal(await stop(child, 'SIGINT'), 0, stderr());
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('documents every flag and the output lines in --help, and exits 2 on a missing seed file', async () => {
    const help = await run(process.execPath, [...CLI, 'emulator', '--help']);
    for (const flag of ['--host', '--port', '--http', '--seed', '--approve-device-codes', 'graph emulator listening on <baseUrl>', 'ca file: <path>']) {
      assert.ok(help.stdout.includes(flag), `--help mentions ${flag}`);
    }
    await assert.rejects(run(process.execPath, [...CLI, 'emulator', '--seed', '/nonexistent/seed.json']), (e: { code?: number }) => e.code === 2);
  });
});
