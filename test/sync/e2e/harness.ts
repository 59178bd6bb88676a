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
import type { Side } from '../../../src/sync/merge.js';
import { openPair, type PairRuntime } from '../../../src/sync/pair-runtime.js';
import type { SideAdapter } from '../../../src/sync/sides/side.js';
import { startRadicale, startXandikos, type DavServer } from '../../helpers/dav-servers.js';
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy.js';
import { createTempDatabase, type TempDatabase } from '../../helpers/postgres.js';

export const USER = 'alice@contoso.com';
export const silent = pino({ level: process.env.CALBRIDGE_TEST_LOG ?? 'silent' });

export interface SyncOptions {
  readonly dryRun?: boolean;
  readonly overrides?: Partial<PairConfig>;
  /** The engine's clock (ms since epoch): where the sync window lies. Default: Date.now(). */
  readonly now?: number;
  /** As `--force-deletes`: the mass-deletion guard is off for this cycle. */
  readonly forceDeletes?: boolean;
  /** Replaces the sides the engine drives, e.g. with one that fails after its remote write succeeded. */
  readonly wrapSides?: (sides: Readonly<Record<Side, SideAdapter>>) => Readonly<Record<Side, SideAdapter>>;
  /** Replaces the store the cycle writes to, e.g. with one that dies like a killed process at a chosen call. */
  readonly wrapStore?: (store: Store) => Store;
}

export interface World {
  readonly emulator: RunningEmulator;
  readonly dav: DavServer;
  /** The pair's state; `emptyStore()` swaps it for a new, empty one. */
  readonly store: Store;
  /** The pair's CalDAV collection URL. */
  readonly collection: string;
  /** Where the current store lives (sqlite:PATH or postgres://…), for a `calbridge` child process. */
  readonly databaseUrl: string;
  /** The pair as written in a configuration file (before parsing). */
  readonly pairInput: Record<string, unknown>;
  readonly pair: PairConfig;
  /** A Graph client for the test's own reads and writes (the "Outlook user"). */
  readonly graph: GraphTransport;
  readonly graphRef: GraphCalendarRef;
  /** Present with `davProxy`: rewrites or answers the engine's CalDAV requests on demand. */
  readonly davProxy?: FaultProxy;
  /** A CalDAV client for the test's own reads and writes (the "Thunderbird user"). */
  readonly caldav: CalDavClient;
  /** Opens the pair and runs one cycle, as `calbridge sync` would. */
  sync(opts?: SyncOptions): Promise<CycleReport & { runtime: PairRuntime }>;
  /** Loses the pair's state: the next sync starts from an empty database (same kind as before). */
  emptyStore(): Promise<void>;
  close(): Promise<void>;
}

export interface WorldOptions {
  readonly server?: 'radicale' | 'xandikos';
  readonly database?: 'sqlite' | 'postgres';
  readonly pair?: Record<string, unknown>;
  /** Put a fault proxy between the engine and the CalDAV server (the test's own client goes direct). */
  readonly davProxy?: boolean;
}

/** Every end-to-end suite runs once per server, PostgreSQL behind one and SQLite behind the other. */
export const MATRIX: readonly (WorldOptions & { readonly label: string })[] = [
  { label: 'Radicale + PostgreSQL', server: 'radicale', database: 'postgres' },
  { label: 'Xandikos + SQLite', server: 'xandikos', database: 'sqlite' },
];

/** The emulator, a real CalDAV server and a store, wired as a configured pair. */
export async function startWorld(opts: WorldOptions = {}): Promise<World> {
  const emulator = await startEmulator({});
  const dav = opts.server === 'xandikos' ? await startXandikos() : await startRadicale();
  const dir = mkdtempSync(join(tmpdir(), 'calbridge-e2e-'));
  const davProxy = opts.davProxy ? await startFaultProxy(dav.baseUrl) : undefined;
  const databases: TempDatabase[] = [];
  let generation = 0;
  let databaseUrl = '';
  const openStore = async (): Promise<Store> => {
    generation += 1;
    if (opts.database === 'postgres') {
      const pg = await createTempDatabase();
      databases.push(pg);
      databaseUrl = pg.url;
    } else databaseUrl = `sqlite:${join(dir, `state-${generation}.db`)}`;
    return Store.open(databaseUrl);
  };
  let store = await openStore();
  const caFile = emulator.caFile!;
  process.env.CALBRIDGE_TEST_SECRET = 'secret';
  const pairInput: Record<string, unknown> = {
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
    caldav: { url: davProxy ? davProxy.urlFor(dav.calendarHomeUrl) : dav.calendarHomeUrl, username: dav.username, password: dav.password, calendar: 'Work' },
    window: { past: '30d', future: '365d' },
    ...opts.pair,
  };
  const pair = pairSchema.parse(pairInput);
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
  const collection = (await caldav.ensureCalendar(dav.calendarHomeUrl, 'Work')).href;
  return {
    emulator,
    dav,
    get store() {
      return store;
    },
    collection,
    get databaseUrl() {
      return databaseUrl;
    },
    pairInput,
    pair,
    graph,
    graphRef: { mailboxPath: mailboxPath(USER) },
    ...(davProxy ? { davProxy } : {}),
    caldav,
    async sync(syncOpts = {}) {
      const config = { ...pair, ...syncOpts.overrides };
      const runtime = await openPair(config, store, silent, syncOpts.now);
      const sides = syncOpts.wrapSides ? syncOpts.wrapSides(runtime.sides) : runtime.sides;
      const options = { ...runtime.options, ...(syncOpts.forceDeletes ? { allowMassDelete: true } : {}) };
      const cycleStore = syncOpts.wrapStore ? syncOpts.wrapStore(store) : store;
      const report = await runSyncCycle({ pair: config.name, store: cycleStore, sides, options, log: silent }, { dryRun: !!syncOpts.dryRun });
      return { ...report, runtime };
    },
    async emptyStore() {
      await store.close();
      store = await openStore();
    },
    async close() {
      await store.close();
      for (const pg of databases) await pg.drop();
      await davProxy?.stop();
      await dav.stop();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
