import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { CalDavClient } from '../../../src/caldav/client.js';
import { pairSchema, type PairConfig } from '../../../src/config/schema.js';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/index.js';
import { clientCredentialsTokenSource } from '../../../src/graph/auth.js';
import { mailboxPath, type GraphCalendarRef } from '../../../src/graph/paths.js';
import { GraphTransport } from '../../../src/graph/transport.js';
import { TrustingNetworkClient } from '../../../src/graph/trust.js';
import { KeyedLimiter } from '../../../src/http/limiter.js';
import { Store } from '../../../src/store/store.js';
import { runSyncCycle, type CycleReport } from '../../../src/sync/cycle.js';
import { openPair, type PairRuntime } from '../../../src/sync/pair-runtime.js';
import { startRadicale, startXandikos, type DavServer } from '../../helpers/dav-servers.js';
import { createTempDatabase } from '../../helpers/postgres.js';

export const USER = 'alice@contoso.com';
export const silent = pino({ level: process.env.CALBRIDGE_TEST_LOG ?? 'silent' });

export interface World {
  readonly emulator: RunningEmulator;
  readonly dav: DavServer;
  readonly store: Store;
  readonly pair: PairConfig;
  /** A Graph client for the test's own reads and writes (the "Outlook user"). */
  readonly graph: GraphTransport;
  readonly graphRef: GraphCalendarRef;
  /** A CalDAV client for the test's own reads and writes (the "Thunderbird user"). */
  readonly caldav: CalDavClient;
  /** Opens the pair and runs one cycle, as `calbridge sync` would. */
  sync(opts?: { dryRun?: boolean; overrides?: Partial<PairConfig> }): Promise<CycleReport & { runtime: PairRuntime }>;
  close(): Promise<void>;
}

export interface WorldOptions {
  readonly server?: 'radicale' | 'xandikos';
  readonly database?: 'sqlite' | 'postgres';
  readonly pair?: Record<string, unknown>;
}

/** The emulator, a real CalDAV server and a store, wired as a configured pair. */
export async function startWorld(opts: WorldOptions = {}): Promise<World> {
  const emulator = await startEmulator({});
  const dav = opts.server === 'xandikos' ? await startXandikos() : await startRadicale();
  const dir = mkdtempSync(join(tmpdir(), 'calbridge-e2e-'));
  const pg = opts.database === 'postgres' ? await createTempDatabase() : undefined;
  const store = await Store.open(pg ? pg.url : `sqlite:${join(dir, 'state.db')}`);
  const caFile = emulator.caFile!;
  process.env.CALBRIDGE_TEST_SECRET = 'secret';
  const pair = pairSchema.parse({
    name: 'alice',
    graph: {
      baseUrl: emulator.baseUrl,
      authority: `${emulator.baseUrl}/contoso.onmicrosoft.com`,
      clientId: 'calbridge-e2e',
      auth: 'client-credentials',
      clientSecret: 'secret',
      user: USER,
      caFile,
    },
    caldav: { url: dav.calendarHomeUrl, username: dav.username, password: dav.password, calendar: 'Work' },
    window: { past: '30d', future: '365d' },
    ...opts.pair,
  });
  const tokens = clientCredentialsTokenSource(
    { authority: pair.graph.authority, clientId: 'test-user', graphBaseUrl: emulator.baseUrl, networkClient: new TrustingNetworkClient(emulator.caPem!) },
    'secret',
  );
  const graph = new GraphTransport({
    baseUrl: emulator.baseUrl,
    authProvider: { getAccessToken: () => tokens.token() },
    mailbox: `${USER}#test`,
    caPem: emulator.caPem!,
    limiter: new KeyedLimiter(4),
    baseDelayMs: 10,
  });
  const caldav = new CalDavClient({ credentials: { username: dav.username, password: dav.password } });
  return {
    emulator,
    dav,
    store,
    pair,
    graph,
    graphRef: { mailboxPath: mailboxPath(USER) },
    caldav,
    async sync(syncOpts = {}) {
      const config = { ...pair, ...syncOpts.overrides };
      const runtime = await openPair(config, store, silent);
      const report = await runSyncCycle({ pair: config.name, store, sides: runtime.sides, options: runtime.options, log: silent }, { dryRun: !!syncOpts.dryRun });
      return { ...report, runtime };
    },
    async close() {
      await store.close();
      await pg?.drop();
      await dav.stop();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
