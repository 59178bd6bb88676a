import { Client } from '@microsoft/microsoft-graph-client';
import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from '../../src/emulator/index.js';
import { graphMiddlewareTrusting, trustingFetch, type FetchLike } from '../../src/graph/trust.js';

/**
 * The Graph emulator for tests: https on a free 127.0.0.1 port (unless `tls: false`), plus a fetch and a Graph JS
 * client that trust its CA, and tokens minted without OAuth. Always `await emulator.close()` (e.g. in `after`).
 */
export interface TestEmulator extends RunningEmulator {
  /** `${baseUrl}/v1.0` */
  readonly graphUrl: string;
  /** fetch that trusts the emulator's CA. */
  readonly fetch: FetchLike;
  /** An app-only token (address mailboxes as /users/{upn}). */
  appToken(): string;
  /** A delegated token for `upn` (/me works). */
  userToken(upn: string): string;
  /** A real Graph JS client against the emulator, app-only or as `upn`. */
  graphClient(opts?: { upn?: string }): Client;
  /** Resolves once at least `count` Graph calls are being served (e.g. held by injected latency). */
  waitForInFlight(count: number, timeoutMs?: number): Promise<void>;
}

export async function startTestEmulator(opts: StartEmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator(opts);
  const fetch: FetchLike = emulator.caPem !== undefined ? trustingFetch(emulator.caPem) : (input, init) => globalThis.fetch(input, init);
  const appToken = (): string => emulator.control.issueToken();
  const userToken = (upn: string): string => emulator.control.issueToken({ upn });
  return {
    ...emulator,
    graphUrl: `${emulator.baseUrl}/v1.0`,
    fetch,
    appToken,
    userToken,
    async waitForInFlight(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (emulator.control.stats().inFlight < count) {
        if (Date.now() > deadline) throw new Error(`fewer than ${count} requests in flight after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    graphClient(clientOpts = {}) {
      if (emulator.caPem === undefined) throw new Error('graphClient() needs the https emulator (tls: true)');
      const upn = clientOpts.upn;
      const authProvider = { getAccessToken: async () => (upn === undefined ? appToken() : userToken(upn)) };
      return Client.initWithMiddleware({
        middleware: graphMiddlewareTrusting(emulator.caPem, authProvider),
        baseUrl: emulator.baseUrl,
        customHosts: new Set([new URL(emulator.baseUrl).hostname]),
      });
    },
  };
}
