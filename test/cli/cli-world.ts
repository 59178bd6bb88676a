import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { CalDavClient } from '../../src/caldav/client.js';
import { startEmulator, type EmulatorSeed, type RunningEmulator } from '../../src/emulator/index.js';
import { replaySeed } from '../../src/emulator/seed.js';
import { startRadicale, type DavServer } from '../helpers/dav-servers.js';

/** The CLI as a child process against the in-process Graph emulator and a real Radicale, with a config in a temp dir. */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const USER = 'alice@contoso.example';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A long-running child (run, demo): output so far, and a promise of its end. */
export interface CliChild {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the stdout once it matches `re`. */
  waitForStdout(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

export function startCalbridge(args: readonly string[], env: NodeJS.ProcessEnv = {}): CliChild {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, CALBRIDGE_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    async waitForStdout(re, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const m = stdout.match(re);
        if (m) return m;
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`stdout never matched ${re}:\n${stdout}\n--- stderr:\n${stderr.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

export async function runCalbridge(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const running = startCalbridge(args, env);
  const { code } = await running.exited;
  return { code, stdout: running.stdout(), stderr: running.stderr() };
}

export interface CliWorld {
  readonly emulator: RunningEmulator;
  readonly dav: DavServer;
  readonly dir: string;
  readonly configFile: string;
  readonly caldav: CalDavClient;
  /** Graph calls as the mailbox owner's admin (seed format: urls below /users/{USER}); returns the bodies. */
  graph(requests: EmulatorSeed['requests']): unknown[];
  /** Subjects of the events in the Graph mailbox, sorted. */
  graphSubjects(): string[];
  close(): Promise<void>;
}

export interface CliWorldOptions {
  readonly events?: number;
  readonly pair?: Record<string, unknown>;
  readonly config?: Record<string, unknown>;
}

/** `count` single events on consecutive days, a week from now. */
export function singleEvents(count: number): EmulatorSeed['requests'] {
  const day0 = Math.floor(Date.now() / 86_400_000) + 7;
  return Array.from({ length: count }, (_, i) => {
    const date = new Date((day0 + i) * 86_400_000).toISOString().slice(0, 10);
    return {
      user: USER,
      method: 'POST',
      url: '/events',
      body: { subject: `Meeting ${i + 1}`, start: { dateTime: `${date}T09:00:00`, timeZone: 'Europe/Berlin' }, end: { dateTime: `${date}T10:00:00`, timeZone: 'Europe/Berlin' } },
    };
  });
}

export async function startCliWorld(opts: CliWorldOptions = {}): Promise<CliWorld> {
  const emulator = await startEmulator({ seed: { requests: singleEvents(opts.events ?? 0) } });
  const dav = await startRadicale();
  const dir = mkdtempSync(join(tmpdir(), 'calbridge-cli-'));
  const configFile = join(dir, 'config.yaml');
  const config = {
    database: `sqlite:${join(dir, 'state.db')}`,
    ...opts.config,
    pairs: [
      {
        name: 'alice',
        graph: {
          baseUrl: emulator.baseUrl,
          authority: `${emulator.baseUrl}/contoso.onmicrosoft.com`,
          clientId: 'calbridge-cli-test',
          clientSecret: 'secret',
          user: USER,
          caFile: emulator.caFile,
        },
        caldav: { url: dav.calendarHomeUrl, username: dav.username, password: dav.password, calendar: 'Work' },
        window: { past: '30d', future: '365d' },
        ...opts.pair,
      },
    ],
  };
  writeFileSync(configFile, stringify(config));
  const graph = (requests: EmulatorSeed['requests']): unknown[] => replaySeed({ requests }, emulator.graph, emulator.baseUrl).map((r) => r.body);
  return {
    emulator,
    dav,
    dir,
    configFile,
    caldav: new CalDavClient({ credentials: { username: dav.username, password: dav.password } }),
    graph,
    graphSubjects() {
      const [page] = graph([{ user: USER, method: 'GET', url: '/events?$top=100' }]) as Array<{ value: Array<{ subject: string }> }>;
      return page!.value.map((e) => e.subject).sort();
    },
    async close() {
      await dav.stop();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The CalDAV calendar "Work" of the test user and the SUMMARY of each object in it, sorted. */
export async function caldavSummaries(world: CliWorld): Promise<{ collection: string; summaries: string[] }> {
  const collection = (await world.caldav.ensureCalendar(world.dav.calendarHomeUrl, 'Work')).href;
  const listed = await world.caldav.listAll(collection);
  const { found } = await world.caldav.multiget(collection, listed.map((l) => l.href));
  const summaries = found.map((f) => /^SUMMARY:(.*)$/m.exec(f.data.replace(/\r\n[ \t]/g, ''))?.[1]?.trim() ?? '(none)').sort();
  return { collection, summaries };
}
