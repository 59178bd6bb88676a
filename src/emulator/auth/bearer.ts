import type { EmulatorResponse, Principal } from '../contract.js';
import { graphError } from '../envelope.js';
import { principalOf, type TokenAuthority } from './tokens.js';

/**
 * Bearer check for every Graph call. Graph answers 401 InvalidAuthenticationToken for a missing, invalid or expired
 * token (graph-api.md §11 table; MGDC:concepts/errors.md) with a `WWW-Authenticate: Bearer` challenge.
 */

export type BearerResult =
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly response: EmulatorResponse };

const challenge = { 'www-authenticate': 'Bearer realm="", error="invalid_token"' };

const unauthorized = (message: string): BearerResult => ({
  ok: false,
  response: graphError(401, 'InvalidAuthenticationToken', message, challenge),
});

export function authenticate(authorization: string | undefined, tokens: TokenAuthority): BearerResult {
  if (authorization === undefined || authorization.trim() === '') return unauthorized('Access token is empty.');
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!m) return unauthorized('Access token is empty.');
  const check = tokens.verify(m[1]!, 'access');
  if (check.ok) return { ok: true, principal: principalOf(check.claims) };
  switch (check.reason) {
    case 'expired':
    case 'revoked':
      return unauthorized('Lifetime validation failed, the token is expired.');
    default:
      return unauthorized('IDX14100: JWT is not well formed.');
  }
}

/** `/me` needs a signed-in user; app-only callers must address `/users/{id|upn}` (graph-api.md §1). */
export function meWithoutUser(path: string, principal: Principal): EmulatorResponse | undefined {
  if (!/^\/me(\/|$)/i.test(path) || principal.kind === 'delegated') return undefined;
  return graphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
}
