import { createHash } from 'node:crypto';
import type { EmulatorResponse } from '../contract.js';
import type { DeviceCodeStore } from './device-codes.js';
import {
  ACCESS_TOKEN_SECONDS,
  REFRESH_TOKEN_SECONDS,
  base64UrlJson,
  type TokenAuthority,
  type TokenClaims,
} from './tokens.js';

/**
 * The v2.0 token and device-code endpoints (learn.microsoft.com/entra/identity-platform: v2-oauth2-client-creds-grant-flow,
 * v2-oauth2-device-code, v2-oauth2-auth-code-flow#refresh-the-access-token). Errors use the OAuth JSON shape
 * `{error, error_description, error_codes}` with AADSTS numbers, never Graph's envelope.
 */

/** Optional restrictions from the seed file; absent = any tenant / client is accepted. */
export interface AuthPolicy {
  readonly tenants?: readonly string[];
  readonly clients?: readonly string[];
}

export interface TokenEndpointContext {
  readonly tokens: TokenAuthority;
  readonly deviceCodes: DeviceCodeStore;
  readonly policy: AuthPolicy;
  readonly baseUrl: string;
}

/** RFC 8628's grant type; MSAL node sends AAD's short form 'device_code' (msal-common Constants.GrantType). */
const DEVICE_CODE_GRANTS = new Set(['urn:ietf:params:oauth:grant-type:device_code', 'device_code']);
/** Tenant aliases that are not a tenant: a signed-in user's token carries a real tenant id instead. */
const META_TENANTS = new Set(['common', 'organizations', 'consumers']);

function oauthError(status: number, error: string, aadsts: number, description: string): EmulatorResponse {
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${aadsts}: ${description}`,
      error_codes: [aadsts],
      timestamp: new Date().toISOString(),
    },
  };
}

/** A stable GUID-shaped id derived from a name, so the same user gets the same oid across runs. */
export function stableGuid(name: string): string {
  const h = createHash('sha1').update(name.toLowerCase()).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function homeTenant(tenant: string, upn: string): string {
  if (!META_TENANTS.has(tenant.toLowerCase())) return tenant;
  return stableGuid(upn.split('@')[1] ?? upn);
}

function policyViolation(policy: AuthPolicy, tenant: string, clientId: string): EmulatorResponse | undefined {
  const lower = (xs: readonly string[]): string[] => xs.map((x) => x.toLowerCase());
  if (policy.tenants && !META_TENANTS.has(tenant.toLowerCase()) && !lower(policy.tenants).includes(tenant.toLowerCase())) {
    return oauthError(400, 'invalid_request', 90002, `Tenant '${tenant}' not found.`);
  }
  if (policy.clients && !lower(policy.clients).includes(clientId.toLowerCase())) {
    return oauthError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'.`,
    );
  }
  return undefined;
}

const scopesOf = (form: URLSearchParams): string[] => (form.get('scope') ?? '').split(/\s+/).filter((s) => s !== '');

function delegatedTokens(
  ctx: TokenEndpointContext,
  tenant: string,
  clientId: string,
  upn: string,
  scopes: readonly string[],
  wantClientInfo: boolean,
): EmulatorResponse {
  const tid = homeTenant(tenant, upn);
  const oid = stableGuid(upn);
  const identity: Omit<TokenClaims, 'iat' | 'exp' | 'gen' | 'use'> = { kind: 'delegated', tid, appid: clientId, upn, oid };
  const resourceScopes = scopes.filter((s) => !['openid', 'profile', 'offline_access', 'email'].includes(s));
  const access = ctx.tokens.mint({ ...identity, use: 'access', scp: resourceScopes.join(' ') }, ACCESS_TOKEN_SECONDS);
  const now = ctx.tokens.nowSeconds();
  // MSAL builds the account from the id_token (oid, tid, preferred_username) and client_info (uid.utid).
  const idToken = `${base64UrlJson({ typ: 'JWT', alg: 'none' })}.${base64UrlJson({
    aud: clientId,
    iss: `${ctx.baseUrl}/${tid}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + ACCESS_TOKEN_SECONDS,
    name: upn.split('@')[0],
    oid,
    preferred_username: upn,
    sub: stableGuid(`${clientId}|${upn}`),
    tid,
    ver: '2.0',
  })}.`;
  return {
    status: 200,
    body: {
      token_type: 'Bearer',
      scope: resourceScopes.join(' '),
      expires_in: ACCESS_TOKEN_SECONDS,
      ext_expires_in: ACCESS_TOKEN_SECONDS,
      access_token: access,
      refresh_token: ctx.tokens.mint({ ...identity, use: 'refresh', scp: scopes.join(' ') }, REFRESH_TOKEN_SECONDS),
      id_token: idToken,
      ...(wantClientInfo ? { client_info: base64UrlJson({ uid: oid, utid: tid }) } : {}),
    },
  };
}

/** One token request: who asks, in which tenant, with which form fields. */
interface GrantRequest {
  readonly ctx: TokenEndpointContext;
  readonly tenant: string;
  readonly clientId: string;
  readonly form: URLSearchParams;
}

const MISSING_SECRET = "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.";
const BAD_APP_SCOPE =
  'Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).';
const BAD_DEVICE_CODE = "The provided value for the input parameter 'device_code' is not valid.";

function clientCredentials({ ctx, tenant, clientId, form }: GrantRequest): EmulatorResponse {
  if (!form.get('client_secret') && !form.get('client_assertion')) {
    return oauthError(401, 'invalid_client', 7000218, MISSING_SECRET);
  }
  const scopes = scopesOf(form);
  if (scopes.length !== 1 || !scopes[0]!.endsWith('/.default')) {
    return oauthError(400, 'invalid_scope', 1002012, `The provided value for scope ${scopes.join(' ')} is not valid. ${BAD_APP_SCOPE}`);
  }
  const access = ctx.tokens.mint({ use: 'access', kind: 'app', tid: tenant, appid: clientId }, ACCESS_TOKEN_SECONDS);
  return {
    status: 200,
    body: { token_type: 'Bearer', expires_in: ACCESS_TOKEN_SECONDS, ext_expires_in: ACCESS_TOKEN_SECONDS, access_token: access },
  };
}

function deviceCodeGrant(g: GrantRequest): EmulatorResponse {
  const poll = g.ctx.deviceCodes.poll(g.form.get('device_code') ?? '', g.clientId);
  switch (poll.status) {
    case 'pending':
      return oauthError(400, 'authorization_pending', 70016, 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.');
    case 'expired':
      return oauthError(400, 'expired_token', 70020, `${BAD_DEVICE_CODE} This device code has expired.`);
    case 'unknown':
      return oauthError(400, 'invalid_grant', 70000, BAD_DEVICE_CODE);
    case 'approved':
      return delegatedTokens(g.ctx, g.tenant, g.clientId, poll.upn, poll.grant.scopes, g.form.get('client_info') === '1');
  }
}

function refreshGrant(g: GrantRequest): EmulatorResponse {
  const check = g.ctx.tokens.verify(g.form.get('refresh_token') ?? '', 'refresh');
  if (!check.ok || check.claims.appid !== g.clientId || check.claims.upn === undefined) {
    return oauthError(400, 'invalid_grant', 70008, 'The provided authorization code or refresh token has expired due to inactivity.');
  }
  return delegatedTokens(g.ctx, g.tenant, g.clientId, check.claims.upn, scopesOf(g.form), g.form.get('client_info') === '1');
}

/** The checks both endpoints make first: a client id, and the seed's tenant/client restrictions. */
function refusedClient(ctx: TokenEndpointContext, tenant: string, clientId: string): EmulatorResponse | undefined {
  if (clientId === '') {
    return oauthError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.");
  }
  return policyViolation(ctx.policy, tenant, clientId);
}

/** POST <baseUrl>/<tenant>/oauth2/v2.0/token */
export function tokenEndpoint(ctx: TokenEndpointContext, tenant: string, form: URLSearchParams): EmulatorResponse {
  const clientId = form.get('client_id') ?? '';
  const refused = refusedClient(ctx, tenant, clientId);
  if (refused) return refused;
  const grant: GrantRequest = { ctx, tenant, clientId, form };
  const grantType = form.get('grant_type') ?? '';
  if (DEVICE_CODE_GRANTS.has(grantType)) return deviceCodeGrant(grant);
  if (grantType === 'client_credentials') return clientCredentials(grant);
  if (grantType === 'refresh_token') return refreshGrant(grant);
  return oauthError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`);
}

/** POST <baseUrl>/<tenant>/oauth2/v2.0/devicecode */
export function deviceCodeEndpoint(ctx: TokenEndpointContext, tenant: string, form: URLSearchParams): EmulatorResponse {
  const clientId = form.get('client_id') ?? '';
  const refused = refusedClient(ctx, tenant, clientId);
  if (refused) return refused;
  const grant = ctx.deviceCodes.create(tenant, clientId, scopesOf(form));
  const verificationUri = `${ctx.baseUrl}/devicelogin`;
  return {
    status: 200,
    body: {
      user_code: grant.userCode,
      device_code: grant.deviceCode,
      verification_uri: verificationUri,
      expires_in: ctx.deviceCodes.lifetimeSeconds,
      interval: ctx.deviceCodes.intervalSeconds,
      message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${grant.userCode} to authenticate.`,
    },
  };
}
