import type { EmulatorResponse } from '../contract.js';
import { instanceDiscovery, jsonWebKeySet, openIdConfiguration } from './metadata.js';
import { deviceCodeEndpoint, tokenEndpoint, type TokenEndpointContext } from './token-endpoint.js';

/**
 * The identity-platform side of the emulator, at the same origin as Graph so one CA covers both:
 *   GET  /<tenant>/v2.0/.well-known/openid-configuration
 *   POST /<tenant>/oauth2/v2.0/token        (client_credentials, device_code, refresh_token)
 *   POST /<tenant>/oauth2/v2.0/devicecode
 *   GET  /<tenant>/discovery/v2.0/keys
 *   GET  /common/discovery/instance
 *   GET  /devicelogin                        (tells a human how to approve a code: the control API)
 * Returns undefined for paths that are not these.
 */
export function handleAuthRoute(
  ctx: TokenEndpointContext,
  method: string,
  rawPath: string,
  bodyText: string,
): EmulatorResponse | undefined {
  const segments = rawPath.split('/').slice(1).map((s) => decodeURIComponent(s));
  const [tenant, ...rest] = segments;
  if (tenant === undefined || tenant === '' || tenant.startsWith('_')) return undefined;
  const tail = rest.join('/').toLowerCase();
  if (method === 'GET' && tail === 'v2.0/.well-known/openid-configuration') {
    return { status: 200, body: openIdConfiguration(ctx.baseUrl, tenant) };
  }
  if (method === 'GET' && tail === 'discovery/v2.0/keys') return { status: 200, body: jsonWebKeySet };
  if (method === 'GET' && tenant.toLowerCase() === 'common' && tail === 'discovery/instance') {
    return { status: 200, body: instanceDiscovery(ctx.baseUrl) };
  }
  if (method === 'GET' && tenant.toLowerCase() === 'devicelogin' && rest.length === 0) {
    return {
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: 'calbridge Graph emulator: approve a device code with\n' +
        `  POST ${ctx.baseUrl}/_emulator/devicecode/approve  {"user_code":"…","upn":"user@example.com"}\n`,
    };
  }
  if (method === 'POST' && tail === 'oauth2/v2.0/token') return tokenEndpoint(ctx, tenant, new URLSearchParams(bodyText));
  if (method === 'POST' && tail === 'oauth2/v2.0/devicecode') {
    return deviceCodeEndpoint(ctx, tenant, new URLSearchParams(bodyText));
  }
  return undefined;
}
