import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A Radicale CalDAV server the demo started: one user, htpasswd auth, storage in the demo dir. */
export interface DemoRadicale {
  readonly baseUrl: string;
  /** The user's principal, which Radicale also uses as calendar home. */
  readonly homeUrl: string;
  readonly username: string;
  readonly password: string;
  stop(): Promise<void>;
}

export class RadicaleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RadicaleError';
  }
}

export const INSTALL_HINT = 'install Radicale: sudo apt-get install radicale';

/** First executable `name` on PATH. */
export function findOnPath(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** What to do about Radicale: use it, install the Debian package (root with apt-get only), or ask the user. */
export type RadicalePlan = { readonly kind: 'found'; readonly bin: string } | { readonly kind: 'install'; readonly aptGet: string } | { readonly kind: 'ask' };

export function planRadicale(env: { readonly path: string; readonly isRoot: boolean }): RadicalePlan {
  const bin = findOnPath('radicale', env.path);
  if (bin) return { kind: 'found', bin };
  const aptGet = env.isRoot ? findOnPath('apt-get', env.path) : undefined;
  return aptGet ? { kind: 'install', aptGet } : { kind: 'ask' };
}

/** Finds Radicale, installing it with apt-get when we may; `say` tells the user what happens. */
export function ensureRadicale(say: (line: string) => void, path = process.env.PATH ?? ''): string {
  const plan = planRadicale({ path, isRoot: process.getuid?.() === 0 });
  if (plan.kind === 'found') return plan.bin;
  if (plan.kind === 'ask') throw new RadicaleError(`Radicale is not installed; ${INSTALL_HINT}`);
  say('Radicale is not installed; installing it: apt-get install -y radicale');
  const result = spawnSync(plan.aptGet, ['install', '-y', 'radicale'], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const bin = findOnPath('radicale', path);
  if (result.status !== 0 || !bin) throw new RadicaleError(`apt-get install radicale failed (exit ${result.status ?? result.signal}); ${INSTALL_HINT}`);
  return bin;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function answers(url: string): Promise<boolean> {
  try {
    await (await fetch(url, { signal: AbortSignal.timeout(1000) })).arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts Radicale on 127.0.0.1:`port` with storage under `dir`. `--config ""` skips Debian's /etc/radicale/config,
 * which expects a remote_user proxy in front.
 */
export async function startRadicale(bin: string, dir: string, port: number, user = 'demo', password = 'demo'): Promise<DemoRadicale> {
  mkdirSync(dir, { recursive: true });
  const users = join(dir, 'users');
  writeFileSync(users, `${user}:${password}\n`, { mode: 0o600 });
  const args = ['--config', '', '--server-hosts', `127.0.0.1:${port}`, '--storage-filesystem-folder', join(dir, 'collections'),
    '--auth-type', 'htpasswd', '--auth-htpasswd-filename', users, '--auth-htpasswd-encryption', 'plain', '--auth-delay', '0',
    '--rights-type', 'owner_only', '--logging-level', 'warning'];
  // Its own process group: a Ctrl-C in the terminal reaches only calbridge, which stops Radicale after the last write.
  const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const orphaned = (): void => void child.kill('SIGKILL');
  process.once('exit', orphaned);
  child.once('exit', () => process.off('exit', orphaned));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (!(await answers(baseUrl))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stopChild(child);
      throw new RadicaleError(`Radicale did not start on ${baseUrl}: ${stderr.trim() || 'no answer within 20 s'}`);
    }
    await sleep(100);
  }
  return { baseUrl, homeUrl: `${baseUrl}/${encodeURIComponent(user)}/`, username: user, password, stop: () => stopChild(child) };
}
