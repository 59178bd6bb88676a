// A loopback HTTP proxy in front of a real DAV server that can answer or rewrite chosen requests, to reproduce
// throttling (429/503 + Retry-After), truncated sync answers (507) and other server quirks on demand.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** Path + query as received. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ProxiedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface FaultRule {
  method?: string;
  pathIncludes?: string;
  /** Only requests whose body contains this (e.g. 'sync-collection' to tell REPORTs apart). */
  bodyIncludes?: string;
  /** How many matching requests the rule applies to (default 1). */
  times?: number;
  /** Answer with this, without contacting the server. */
  respond?: ProxiedResponse;
  /** Forward to the server, then rewrite its answer. */
  transform?: (res: ProxiedResponse, req: ProxiedRequest) => ProxiedResponse;
}

export interface FaultProxy {
  baseUrl: string;
  /** Every request the proxy received, in order. */
  requests: ProxiedRequest[];
  addFault(rule: FaultRule): void;
  /** Drops every rule not yet used up. */
  clearFaults(): void;
  /** The same resource as `upstreamUrl`, reached through the proxy. */
  urlFor(upstreamUrl: string): string;
  stop(): Promise<void>;
}

// Hop-by-hop headers and those fetch() already consumed (it decodes bodies) must not be copied across.
const SKIP_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'content-encoding', 'keep-alive']);

export async function startFaultProxy(upstreamBaseUrl: string): Promise<FaultProxy> {
  const upstream = new URL(upstreamBaseUrl);
  const rules: (FaultRule & { remaining: number })[] = [];
  const requests: ProxiedRequest[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(599, { 'content-type': 'text/plain' });
      res.end(`fault-proxy error: ${err instanceof Error ? err.message : String(err)}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const proxied: ProxiedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    requests.push(proxied);
    const rule = takeRule(proxied);
    let answer: ProxiedResponse;
    if (rule?.respond) {
      answer = rule.respond;
    } else {
      answer = await forward(proxied);
      if (rule?.transform) answer = rule.transform(answer, proxied);
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  }

  function takeRule(req: ProxiedRequest): FaultRule | undefined {
    const rule = rules.find((r) => r.remaining > 0 && (!r.method || r.method === req.method) &&
      (!r.pathIncludes || req.path.includes(r.pathIncludes)) && (!r.bodyIncludes || req.body.includes(r.bodyIncludes)));
    if (rule) rule.remaining--;
    return rule;
  }

  async function forward(req: ProxiedRequest): Promise<ProxiedResponse> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !SKIP_HEADERS.has(name)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const hasBody = req.body.length > 0 && req.method !== 'GET' && req.method !== 'HEAD';
    const res = await fetch(new URL(req.path, upstream), {
      method: req.method,
      headers,
      body: hasBody ? req.body : undefined,
      redirect: 'manual',
    });
    const outHeaders: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      if (!SKIP_HEADERS.has(name)) outHeaders[name] = value;
    });
    return { status: res.status, headers: outHeaders, body: await res.text() };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    baseUrl,
    requests,
    addFault(rule) {
      rules.push({ ...rule, remaining: rule.times ?? 1 });
    },
    clearFaults() {
      rules.length = 0;
    },
    urlFor(upstreamUrl) {
      const u = new URL(upstreamUrl);
      return `${baseUrl}${u.pathname}${u.search}`;
    },
    stop() {
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
