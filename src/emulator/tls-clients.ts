import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
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
 * In-process trust for the emulator's throw-away CA. Node's global fetch (used by both MSAL node's HttpClient and
 * the Graph JS client's HTTPMessageHandler) cannot be given a CA per call, and NODE_EXTRA_CA_CERTS is only read at
 * process start. So: a fetch built on node:https with `ca`, an MSAL `system.networkClient` on top of it, and the
 * Graph client's default middleware chain (MiddlewareFactory.getDefaultMiddlewareChain) with its last handler
 * swapped for one that uses this fetch. Child processes can simply set NODE_EXTRA_CA_CERTS=<caFile>.
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
  return new Response(NULL_BODY_STATUSES.has(status) ? null : body, {
    status,
    statusText: res.statusMessage ?? '',
    headers,
  });
}

/** A fetch that trusts `caPem` (plus nothing else) for https, and speaks plain http as is. No redirects followed. */
export function trustingFetch(caPem: string): FetchLike {
  return async (input, init) => {
    const req = new Request(input, init);
    const url = new URL(req.url);
    const body = req.body ? Buffer.from(await req.arrayBuffer()) : undefined;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Response>((resolve, reject) => {
      const out = send(
        url,
        { method: req.method, headers: Object.fromEntries(req.headers), ca: caPem, signal: req.signal },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(toResponse(res, Buffer.concat(chunks))));
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });
  };
}

/** MSAL node `system.networkClient` that trusts the emulator's CA. */
export class TrustingNetworkClient implements INetworkModule {
  private readonly fetch: FetchLike;

  constructor(caPem: string) {
    this.fetch = trustingFetch(caPem);
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

class TrustingHttpHandler implements Middleware {
  constructor(private readonly fetch: FetchLike) {}

  async execute(context: Context): Promise<void> {
    context.response = await this.fetch(context.request, context.options as RequestInit);
  }
}

/** The Graph client's default chain, sending through a fetch that trusts `caPem`. Use as `middleware:`. */
export function graphMiddlewareTrusting(caPem: string, authProvider: AuthenticationProvider): Middleware[] {
  return [
    new AuthenticationHandler(authProvider),
    new RetryHandler(new RetryHandlerOptions()),
    new RedirectHandler(new RedirectHandlerOptions()),
    new TelemetryHandler(),
    new TrustingHttpHandler(trustingFetch(caPem)),
  ];
}
