import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SyncMetrics } from './metrics.js';

export interface PairHealth {
  readonly name: string;
  readonly healthy: boolean;
  readonly lastSuccessAt?: number;
  readonly lastError?: string;
}

export interface DaemonHttpOptions {
  readonly host: string;
  readonly port: number;
  readonly metrics: SyncMetrics;
  readonly health: () => Promise<readonly PairHealth[]>;
}

export interface DaemonHttp {
  readonly url: string;
  close(): Promise<void>;
}

/** GET /healthz (200 when every pair is healthy, else 503, JSON either way) and GET /metrics (Prometheus). */
export async function startDaemonHttp(options: DaemonHttpOptions): Promise<DaemonHttp> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        if (req.method === 'GET' && req.url === '/healthz') {
          const pairs = await options.health();
          const healthy = pairs.every((p) => p.healthy);
          res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: healthy ? 'ok' : 'degraded', pairs }));
        } else if (req.method === 'GET' && req.url === '/metrics') {
          res.writeHead(200, { 'content-type': options.metrics.registry.contentType });
          res.end(await options.metrics.registry.metrics());
        } else {
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end('not found\n');
        }
      } catch (err) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`${err instanceof Error ? err.message : String(err)}\n`);
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
