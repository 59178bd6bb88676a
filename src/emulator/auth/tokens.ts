import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock, Principal } from '../contract.js';

/**
 * Access and refresh tokens: JWT-shaped (header.payload.signature, base64url) so they look like Microsoft's, signed
 * with HMAC-SHA256 under a per-start secret so nobody can mint one without the emulator. Expiry uses the
 * emulator's clock, so moving the clock through the control API expires tokens a client still believes valid.
 */

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
/** AAD's access tokens live 60–90 minutes; MSAL refreshes on `expires_in`. */
export const ACCESS_TOKEN_SECONDS = 3600;
export const REFRESH_TOKEN_SECONDS = 90 * 24 * 3600;

export interface TokenClaims {
  readonly use: 'access' | 'refresh';
  readonly kind: Principal['kind'];
  readonly tid: string;
  readonly appid: string;
  readonly upn?: string;
  readonly oid?: string;
  readonly scp?: string;
  readonly iat: number;
  readonly exp: number;
  /** Revocation generation: tokens minted before `revokeAll()` carry an older one. */
  readonly gen: number;
}

export type TokenCheck =
  | { readonly ok: true; readonly claims: TokenClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'signature' | 'expired' | 'revoked' | 'wrong-use' };

const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64url');

export function base64UrlJson(value: unknown): string {
  return b64(JSON.stringify(value));
}

function parseClaims(payload: string): TokenClaims | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const c = value as Partial<TokenClaims>;
    const valid =
      (c.use === 'access' || c.use === 'refresh') &&
      (c.kind === 'app' || c.kind === 'delegated') &&
      typeof c.tid === 'string' &&
      typeof c.appid === 'string' &&
      typeof c.exp === 'number' &&
      typeof c.iat === 'number' &&
      typeof c.gen === 'number';
    return valid ? (c as TokenClaims) : undefined;
  } catch {
    return undefined;
  }
}

export class TokenAuthority {
  private readonly secret = randomBytes(32);
  private generation = 0;

  constructor(private readonly clock: Clock) {}

  nowSeconds(): number {
    return Math.floor(this.clock.now() / 1000);
  }

  mint(claims: Omit<TokenClaims, 'iat' | 'exp' | 'gen'>, lifetimeSeconds: number): string {
    const iat = this.nowSeconds();
    const full: TokenClaims = { ...claims, iat, exp: iat + lifetimeSeconds, gen: this.generation };
    // `uti` (AAD's unique token id) keeps two tokens minted in the same second for the same principal distinct.
    const payload = { aud: GRAPH_AUDIENCE, uti: randomBytes(12).toString('base64url'), ...full };
    const unsigned = `${base64UrlJson({ typ: 'JWT', alg: 'HS256' })}.${base64UrlJson(payload)}`;
    return `${unsigned}.${this.sign(unsigned)}`;
  }

  verify(token: string, use: TokenClaims['use']): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'malformed' };
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const actual = Buffer.from(signature);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      return { ok: false, reason: 'signature' };
    }
    const claims = parseClaims(payload);
    if (!claims) return { ok: false, reason: 'malformed' };
    if (claims.use !== use) return { ok: false, reason: 'wrong-use' };
    if (claims.gen < this.generation) return { ok: false, reason: 'revoked' };
    if (claims.exp <= this.nowSeconds()) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  /** Control API "expire tokens": every token minted so far stops working, as if its lifetime had ended. */
  revokeAll(): void {
    this.generation += 1;
  }

  private sign(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url');
  }
}

export function principalOf(claims: TokenClaims): Principal {
  return claims.kind === 'delegated' && claims.upn !== undefined
    ? { kind: 'delegated', tenant: claims.tid, clientId: claims.appid, upn: claims.upn }
    : { kind: 'app', tenant: claims.tid, clientId: claims.appid };
}
