import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Clock, GraphService } from './contract.js';
import { DeviceCodeStore, type AutoApprove } from './auth/device-codes.js';
import { TokenAuthority } from './auth/tokens.js';
import { EmulatorClock, EmulatorControl, RequestStats } from './control.js';
import { FaultInjector } from './faults.js';
import { createGraphService } from './graph-service.js';
import { requestListener } from './server.js';
import { loadSeedFile, replaySeed, type EmulatorSeed } from './seed.js';
import { MailboxThrottle } from './throttle.js';
import { createServerTls, type ServerTls } from './tls.js';

/**
 * The bundled Microsoft Graph emulator: Graph under `<baseUrl>/v1.0/` and `<baseUrl>/beta/`, an identity platform
 * at `<baseUrl>/<tenant>/oauth2/v2.0/…`, and the test-only control API under `<baseUrl>/_emulator/` (control.ts).
 *
 * Pointing real clients at it (no internet needed):
 * - MSAL node: `authority: `${baseUrl}/${tenant}``, `knownAuthorities: [new URL(baseUrl).host]` (skips instance
 *   discovery at login.microsoftonline.com; msal-common Authority.getCloudDiscoveryMetadataFromConfig). Any client
 *   secret is accepted; device-code sign-ins are approved with `control.approveDeviceCode(userCode, upn)`.
 * - Trusting the CA: MSAL node and the Graph JS client both use Node's global fetch. In a child process set
 *   `NODE_EXTRA_CA_CERTS=<caFile>`; in-process, pass `system: { networkClient: new TrustingNetworkClient(caPem) }`
 *   to MSAL, and give the Graph client `middleware: graphMiddlewareTrusting(caPem, authProvider)` instead of
 *   `authProvider` (both in src/graph/trust.ts, which calbridge itself uses for `graph.caFile`; test/helpers/emulator.ts does this).
 * - Graph JS client: `Client.initWithMiddleware({ authProvider | middleware, baseUrl, customHosts: new Set([hostname]) })`
 *   with the host name WITHOUT port (GraphRequestUtil.isValidEndpoint compares names only): without customHosts the
 *   AuthenticationHandler strips the Authorization header for non-Microsoft hosts.
 * - `--http`/`tls: false` serves plain http: fine for raw fetch, but the Graph JS client does not follow
 *   `http://` nextLinks and MSAL refuses `http://` authorities.
 */

export interface StartEmulatorOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: a free port. */
  readonly port?: number;
  /** Default true: https with a CA generated at start. */
  readonly tls?: boolean;
  /** JSON or YAML seed replayed at start (seed.ts). */
  readonly seedFile?: string;
  /** An already-parsed seed (in addition to, and after, seedFile). */
  readonly seed?: EmulatorSeed;
  /** Base clock; the control API moves an offset on top of it. Default: real time. */
  readonly clock?: Clock;
  /** Approve every device-code sign-in as this user on its Nth poll (also settable by the seed and control API). */
  readonly deviceCodeAutoApprove?: AutoApprove;
  /** Seconds MSAL waits between device-code polls. Default 1 (Microsoft's service says 5). */
  readonly deviceCodeIntervalSeconds?: number;
  /** Fault PRNG seed. Default 1. */
  readonly faultSeed?: number;
  /** Builds the Graph domain; default: createGraphService from ./graph-service.js. */
  readonly createGraph?: (deps: { clock: Clock }) => GraphService;
  /** Unexpected errors while serving (default: written to stderr). */
  readonly onError?: (err: unknown) => void;
}

export interface RunningEmulator {
  /** e.g. 'https://127.0.0.1:41234' — Graph is at `${baseUrl}/v1.0`. */
  readonly baseUrl: string;
  /** TLS only: path of the CA certificate (PEM) clients must trust. */
  readonly caFile?: string;
  readonly caPem?: string;
  readonly graph: GraphService;
  readonly control: EmulatorControl;
  close(): Promise<void>;
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startEmulator(opts: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const clock = new EmulatorClock(opts.clock);
  const graph = (opts.createGraph ?? createGraphService)({ clock });
  const seeds: Array<{ seed: EmulatorSeed; file?: string }> = [];
  if (opts.seedFile !== undefined) seeds.push({ seed: await loadSeedFile(opts.seedFile), file: opts.seedFile });
  if (opts.seed !== undefined) seeds.push({ seed: opts.seed });
  const tls: ServerTls | undefined = opts.tls === false ? undefined : await createServerTls(host);
  const server: Server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }) : createHttpServer();
  try {
    const address = await listen(server, host, opts.port ?? 0);
    const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const baseUrl = `${tls ? 'https' : 'http'}://${hostPart}:${address.port}`;
    const tokens = new TokenAuthority(clock);
    const deviceCodes = new DeviceCodeStore(clock, opts.deviceCodeIntervalSeconds ?? 1);
    const faults = new FaultInjector(opts.faultSeed ?? 1);
    const throttle = new MailboxThrottle();
    const stats = new RequestStats();
    const closing = new AbortController();
    const control = new EmulatorControl({ clock, tokens, deviceCodes, faults, throttle, stats, graph });
    const policy = {
      ...(seeds.some((s) => s.seed.tenants) ? { tenants: seeds.flatMap((s) => s.seed.tenants ?? []) } : {}),
      ...(seeds.some((s) => s.seed.clients) ? { clients: seeds.flatMap((s) => s.seed.clients ?? []) } : {}),
    };
    for (const { seed, file } of seeds) {
      replaySeed(seed, graph, baseUrl, file);
      if (seed.deviceCode) control.autoApproveDeviceCodes({ afterPolls: seed.deviceCode.autoApproveAfterPolls, upn: seed.deviceCode.upn });
    }
    if (opts.deviceCodeAutoApprove) control.autoApproveDeviceCodes(opts.deviceCodeAutoApprove);
    const onError = opts.onError ?? ((err: unknown) => process.stderr.write(`graph emulator: ${String(err)}\n`));
    server.on(
      'request',
      requestListener(
        {
          pipeline: { graph, clock, throttle, faults, stats, baseUrl, closing: closing.signal },
          auth: { tokens, deviceCodes, policy, baseUrl },
          control,
        },
        onError,
      ),
    );
    const close = async (): Promise<void> => {
      closing.abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await tls?.dispose();
    };
    return { baseUrl, ...(tls ? { caFile: tls.caFile, caPem: tls.caPem } : {}), graph, control, close };
  } catch (err) {
    server.close();
    await tls?.dispose();
    throw err;
  }
}

export type { EmulatorControl, EmulatorStats, IssueTokenOptions } from './control.js';
export type { FaultRuleInput } from './faults.js';
export type { EmulatorSeed } from './seed.js';
