// Real CalDAV servers (Debian's Radicale and Xandikos) on loopback for integration tests.
// Each server gets a free 127.0.0.1 port and a throw-away storage dir; both are gone after stop().
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DavServer {
  kind: 'radicale' | 'xandikos';
  baseUrl: string;
  /** A calendar-home URL a client should be pointed at (also a valid discovery start). */
  calendarHomeUrl: string;
  username: string;
  password: string;
  /** The throw-away folder holding the server's data; removed by stop(). */
  storageDir: string;
  stop(): Promise<void>;
}

export class DavServerStartError extends Error {
  constructor(
    readonly kind: DavServer['kind'],
    message: string,
  ) {
    super(`${kind}: ${message}`);
    this.name = 'DavServerStartError';
  }
}

const PYTHON = '/usr/bin/python3';
const XANDIKOS = '/usr/bin/xandikos';
const START_TIMEOUT_MS = 20_000;

interface Running {
  child: ChildProcess;
  dir: string;
}

// Processes still alive when the test process exits (a failed test, a forgotten stop()) are killed here, so
// no server outlives the run.
const live = new Set<Running>();
process.once('exit', () => {
  for (const r of live) {
    r.child.kill('SIGKILL');
    rmSync(r.dir, { recursive: true, force: true });
  }
});

export async function startRadicale(opts: { auth?: { user: string; password: string } } = {}): Promise<DavServer> {
  requireFile(PYTHON, 'radicale', 'python3');
  if (!existsSync('/usr/lib/python3/dist-packages/radicale')) {
    throw new DavServerStartError('radicale', 'Radicale is not installed: apt-get install radicale');
  }
  const dir = mkdtempSync(join(tmpdir(), 'calbridge-radicale-'));
  const port = await freePort();
  const username = opts.auth?.user ?? 'test';
  const password = opts.auth?.password ?? 'test';
  // --config "" skips Debian's /etc/radicale/config, which expects a remote_user proxy in front.
  const args = ['-m', 'radicale', '--config', '', '--server-hosts', `127.0.0.1:${port}`,
    '--storage-filesystem-folder', join(dir, 'collections'), '--logging-level', 'warning'];
  if (opts.auth) {
    const users = join(dir, 'users');
    writeFileSync(users, `${opts.auth.user}:${opts.auth.password}\n`);
    args.push('--auth-type', 'htpasswd', '--auth-htpasswd-filename', users, '--auth-htpasswd-encryption', 'plain',
      '--auth-delay', '0', '--rights-type', 'owner_only');
  } else {
    args.push('--auth-type', 'none', '--rights-type', 'owner_only');
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  const running = await launch('radicale', PYTHON, args, dir, baseUrl);
  // Radicale's principal for user U is /U/ and it doubles as the calendar home.
  return serverHandle('radicale', baseUrl, `${baseUrl}/${encodeURIComponent(username)}/`, username, password, running);
}

export async function startXandikos(): Promise<DavServer> {
  requireFile(XANDIKOS, 'xandikos', 'xandikos');
  const dir = mkdtempSync(join(tmpdir(), 'calbridge-xandikos-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const running = await launch('xandikos', XANDIKOS,
    ['--defaults', '-d', join(dir, 'data'), '-l', '127.0.0.1', '-p', String(port)], dir, baseUrl);
  // Xandikos has no authentication; credentials are accepted and ignored.
  return serverHandle('xandikos', baseUrl, `${baseUrl}/user/calendars/`, 'user', 'unused', running);
}

function requireFile(path: string, kind: DavServer['kind'], debPackage: string): void {
  if (!existsSync(path)) {
    throw new DavServerStartError(kind, `${path} not found: apt-get install ${debPackage}`);
  }
}

function serverHandle(kind: DavServer['kind'], baseUrl: string, calendarHomeUrl: string, username: string,
  password: string, running: Running): DavServer {
  return { kind, baseUrl, calendarHomeUrl, username, password, storageDir: running.dir, stop: () => stopProcess(running) };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('could not obtain a free port'))));
    });
  });
}

async function launch(kind: DavServer['kind'], cmd: string, args: string[], dir: string,
  baseUrl: string): Promise<Running> {
  const child = spawn(cmd, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const running: Running = { child, dir };
  live.add(running);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stopProcess(running);
      throw new DavServerStartError(kind, `exited during start-up (code ${child.exitCode}): ${stderr.trim()}`);
    }
    if (await answers(baseUrl)) return running;
    await sleep(100);
  }
  await stopProcess(running);
  throw new DavServerStartError(kind, `did not answer on ${baseUrl} within ${START_TIMEOUT_MS} ms: ${stderr.trim()}`);
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

async function stopProcess(running: Running): Promise<void> {
  const { child } = running;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const killed = await Promise.race([exited.then(() => true), sleep(3000).then(() => false)]);
    if (!killed) {
      child.kill('SIGKILL');
      await exited;
    }
  }
  live.delete(running);
  rmSync(running.dir, { recursive: true, force: true });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
