import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../config/load.js';
import { startDaemon, type RunningDaemon } from '../daemon/daemon.js';
import { runPairCycle, type PairCycleResult } from '../daemon/pair-cycle.js';
import { startEmulator, type RunningEmulator } from '../emulator/index.js';
import type { Logger } from '../log.js';
import { Store } from '../store/store.js';
import { ensureRadicale, startRadicale, type DemoRadicale } from './radicale.js';
import { DEMO_USER, demoSeed } from './seed.js';

export interface DemoOptions {
  /** Radicale's port; 0 picks a free one. */
  readonly port: number;
  /** Holds config.yaml, the SQLite database and Radicale's storage; emptied of them at start. */
  readonly dir: string;
  readonly intervalMs: number;
  readonly log: Logger;
  /** One line of human output. */
  readonly say: (line: string) => void;
}

export interface RunningDemo {
  /** The synced CalDAV calendar, to open in Thunderbird, khal, DAVx5. */
  readonly caldavUrl: string;
  readonly username: string;
  readonly password: string;
  readonly configFile: string;
  stop(): Promise<void>;
}

/** Lines other tools (and the demo test) parse; keep them stable. */
export const CALDAV_URL_PREFIX = 'CalDAV calendar: ';

/** Listens on `port` (0: any) and gives it back; undefined when it is taken. */
function tryPort(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(undefined));
    srv.listen(port, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : undefined));
    });
  });
}

/** The asked port, or a free one when it is taken (e.g. by Debian's own radicale service on 5232). */
async function radicalePort(asked: number, say: (line: string) => void): Promise<number> {
  const port = await tryPort(asked);
  if (port !== undefined) return port;
  const other = await tryPort(0);
  if (other === undefined) throw new Error('no free port on 127.0.0.1');
  say(`port ${asked} is taken; Radicale uses ${other} instead`);
  return other;
}

function demoConfig(database: string, emulator: RunningEmulator, radicale: DemoRadicale, intervalMs: number): Record<string, unknown> {
  return {
    database,
    pairs: [
      {
        name: 'demo',
        graph: {
          baseUrl: emulator.baseUrl,
          authority: `${emulator.baseUrl}/contoso.onmicrosoft.com`,
          clientId: 'calbridge-demo',
          auth: 'client-credentials',
          // The emulator accepts any secret.
          clientSecret: 'demo',
          user: DEMO_USER,
          caFile: emulator.caFile,
        },
        caldav: { url: radicale.homeUrl, username: radicale.username, password: radicale.password, calendar: 'Outlook (demo)' },
        window: { past: '30d', future: '365d' },
        interval: `${Math.round(intervalMs / 1000)}s`,
      },
    ],
  };
}

const cycleLine = (pair: string, result: PairCycleResult): string | undefined => {
  if (result.kind === 'failed') return `${pair}: cycle failed: ${result.error}`;
  const { report } = result;
  if (report.plan.blocked) return `${pair}: safety stop: ${report.plan.blocked.reason}`;
  if (report.writes === 0 && report.deferred.length === 0) return undefined;
  return `${pair}: ${report.writes} writes (${Object.entries(report.counts).map(([k, v]) => `${k} ${v}`).join(', ')})`;
};

/**
 * The whole product on one machine: the Graph emulator with a seeded mailbox (in memory), Radicale, a config in
 * `dir`, one sync, then the daemon loop. Each start is fresh: the emulator forgets its mailbox, so the old
 * database and Radicale storage are removed rather than synced against a mailbox that no longer exists.
 */
export async function startDemo(opts: DemoOptions): Promise<RunningDemo> {
  const { dir, say, log } = opts;
  const radicaleBin = ensureRadicale(say);
  mkdirSync(dir, { recursive: true });
  rmSync(join(dir, 'state.db'), { force: true });
  rmSync(join(dir, 'radicale'), { recursive: true, force: true });

  const stack: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    for (const close of stack.reverse()) await close().catch((err: unknown) => log.warn({ err }, 'demo: stopping a part failed'));
    stack.length = 0;
  };
  try {
    const emulator = await startEmulator({ seed: demoSeed(Date.now()) });
    stack.push(() => emulator.close());
    const radicale = await startRadicale(radicaleBin, join(dir, 'radicale'), await radicalePort(opts.port, say));
    stack.push(() => radicale.stop());
    say(`Graph emulator: ${emulator.baseUrl} (mailbox ${DEMO_USER}, seeded)`);
    say(`Radicale:       ${radicale.baseUrl} (storage ${join(dir, 'radicale')})`);

    const configFile = join(dir, 'config.yaml');
    const database = `sqlite:${join(dir, 'state.db')}`;
    writeFileSync(configFile, `# written by \`calbridge demo\`; valid only while the demo runs\n${stringify(demoConfig(database, emulator, radicale, opts.intervalMs))}`, { mode: 0o600 });
    const config = loadConfig(configFile);
    const store = await Store.open(database);
    stack.push(() => store.close());

    const first = await runPairCycle(config.pairs[0]!, store, log);
    if (first.kind === 'failed') throw new Error(`the first sync failed: ${first.error}`);
    say(`first sync:     ${first.report.writes} writes, Graph calendar ${first.calendars.graph}`);
    const caldavUrl = new URL(first.calendars.caldav, radicale.baseUrl).href;

    const daemon: RunningDaemon = await startDaemon({ config, store, log, onCycle: (pair, result) => {
      const line = cycleLine(pair, result);
      if (line) say(`${new Date().toISOString()} ${line}`);
    } });
    // The daemon stops before the store closes: pushed last, so it runs first.
    stack.push(() => daemon.stop());
    return { caldavUrl, username: radicale.username, password: radicale.password, configFile, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
