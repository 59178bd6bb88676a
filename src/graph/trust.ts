import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import {
  AuthenticationHandler,
  RedirectHandler,
  RedirectHandlerOptions,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type AuthenticationProvider,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';

/**
 * Trusting an extra CA (config `graph.caFile`; the emulator's throw-away CA in tests and the demo).
 * Node's global fetch, used by MSAL node and the Graph JS client, takes no CA per call and
 * NODE_EXTRA_CA_CERTS is read only at process start, so: a fetch on node:https with the system roots
 * plus the extra CA, an MSAL `system.networkClient` and a Graph middleware on top of it.
 */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

function toResponse(res: IncomingMessage, body: Buffer): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const status = res.statusCode ?? 500;
  return new Response(NULL_BODY_STATUSES.has(status) ? null : body, { status, statusText: res.statusMessage ?? '', headers });
}

/** A fetch trusting the system roots plus `extraCaPem`. No redirects are followed (Graph and MSAL need none). */
export function trustingFetch(extraCaPem: string): FetchLike {
  const ca = [...rootCertificates, extraCaPem];
  return async (input, init) => {
    const req = new Request(input, init);
    const url = new URL(req.url);
    const body = req.body ? Buffer.from(await req.arrayBuffer()) : undefined;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Response>((resolve, reject) => {
      const out = send(url, { method: req.method, headers: Object.fromEntries(req.headers), ca, signal: req.signal }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(toResponse(res, Buffer.concat(chunks))));
        res.on('error', reject);
      });
      out.on('error', reject);
      out.end(body);
    });
  };
}

/** MSAL node `system.networkClient` trusting an extra CA. */
export class TrustingNetworkClient implements INetworkModule {
  private readonly fetch: FetchLike;

  constructor(extraCaPem: string) {
    this.fetch = trustingFetch(extraCaPem);
  }

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>(url, 'GET', options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>(url, 'POST', options);
  }

  private async send<T>(url: string, method: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    const res = await this.fetch(url, {
      method,
      headers: options?.headers ?? {},
      ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
      ...(timeout ? { signal: AbortSignal.timeout(timeout) } : {}),
    });
    return { headers: Object.fromEntries(res.headers), body: (await res.json()) as T, status: res.status };
  }
}

/** The Graph client's last middleware, sending through `fetch` instead of the global one. */
export class FetchHandler implements Middleware {
  constructor(private readonly fetch: FetchLike) {}

  async execute(context: Context): Promise<void> {
    context.response = await this.fetch(context.request, context.options as RequestInit);
  }
}

/**
 * The Graph JS client's default middleware chain (MiddlewareFactory.getDefaultMiddlewareChain) sending
 * through a fetch that trusts `extraCaPem`: for plain SDK use (`Client.initWithMiddleware({ middleware })`).
 */
export function graphMiddlewareTrusting(extraCaPem: string, authProvider: AuthenticationProvider): Middleware[] {
  return [
    new AuthenticationHandler(authProvider),
    new RetryHandler(new RetryHandlerOptions()),
    new RedirectHandler(new RedirectHandlerOptions()),
    new TelemetryHandler(),
    new FetchHandler(trustingFetch(extraCaPem)),
  ];
}
