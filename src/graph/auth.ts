import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  ConfidentialClientApplication,
  PublicClientApplication,
  type AccountInfo,
  type Configuration,
  type ICachePlugin,
  type INetworkModule,
  type TokenCacheContext,
} from '@azure/msal-node';

/** Something that hands out a bearer token for Graph, refreshing as needed. */
export interface TokenSource {
  token(): Promise<string>;
}

export interface AuthSettings {
  /** e.g. https://login.microsoftonline.com/contoso.onmicrosoft.com, or `${emulatorBaseUrl}/${tenant}`. */
  readonly authority: string;
  readonly clientId: string;
  /** Graph root (https://graph.microsoft.com or the emulator): the token audience. */
  readonly graphBaseUrl: string;
  /** MSAL network client, e.g. one that trusts an extra CA. */
  readonly networkClient?: INetworkModule;
}

export class LoginRequiredError extends Error {
  constructor(readonly cacheFile: string) {
    super(`no signed-in account in ${cacheFile}: run "calbridge login <pair>" first`);
    this.name = 'LoginRequiredError';
  }
}

const MICROSOFT_LOGIN_HOSTS = new Set(['login.microsoftonline.com', 'login.microsoftonline.us', 'login.partner.microsoftonline.cn']);

function msalConfig(settings: AuthSettings, extra: { clientSecret?: string; cachePlugin?: ICachePlugin }): Configuration {
  const host = new URL(settings.authority).host;
  return {
    auth: {
      clientId: settings.clientId,
      authority: settings.authority,
      // A non-Microsoft authority (the emulator, a sovereign proxy) must be declared, or MSAL asks
      // login.microsoftonline.com for instance metadata (msal-common Authority, cloud discovery).
      ...(MICROSOFT_LOGIN_HOSTS.has(host) ? {} : { knownAuthorities: [host] }),
      ...(extra.clientSecret ? { clientSecret: extra.clientSecret } : {}),
    },
    ...(extra.cachePlugin ? { cache: { cachePlugin: extra.cachePlugin } } : {}),
    ...(settings.networkClient ? { system: { networkClient: settings.networkClient } } : {}),
  };
}

/** Scopes for delegated access: calendars plus a refresh token. */
export const DELEGATED_SCOPES = ['Calendars.ReadWrite', 'offline_access'];

/** App-only (client credentials): `<graph>/.default`; MSAL caches and renews the token in memory. */
export function clientCredentialsTokenSource(settings: AuthSettings, clientSecret: string): TokenSource {
  const app = new ConfidentialClientApplication(msalConfig(settings, { clientSecret }));
  const scopes = [`${new URL(settings.graphBaseUrl).origin}/.default`];
  return {
    async token() {
      const result = await app.acquireTokenByClientCredential({ scopes });
      if (!result?.accessToken) throw new Error(`no access token from ${settings.authority}`);
      return result.accessToken;
    },
  };
}

/** A token cache persisted to a file readable by its owner only (mode 0600). */
export function fileCachePlugin(file: string): ICachePlugin {
  return {
    async beforeCacheAccess(ctx: TokenCacheContext) {
      if (existsSync(file)) ctx.tokenCache.deserialize(readFileSync(file, 'utf8'));
    },
    async afterCacheAccess(ctx: TokenCacheContext) {
      if (!ctx.cacheHasChanged) return;
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(file, ctx.tokenCache.serialize(), { mode: 0o600 });
      chmodSync(file, 0o600);
    },
  };
}

function publicApp(settings: AuthSettings, cacheFile: string): PublicClientApplication {
  return new PublicClientApplication(msalConfig(settings, { cachePlugin: fileCachePlugin(cacheFile) }));
}

/** Interactive device-code sign-in (`calbridge login`): prints the message, waits, stores the account. */
export async function deviceCodeLogin(settings: AuthSettings, cacheFile: string, show: (message: string) => void): Promise<AccountInfo> {
  const app = publicApp(settings, cacheFile);
  const result = await app.acquireTokenByDeviceCode({ scopes: DELEGATED_SCOPES, deviceCodeCallback: (r) => show(r.message) });
  if (!result?.account) throw new Error(`device-code sign-in at ${settings.authority} returned no account`);
  return result.account;
}

/** Delegated tokens from the account stored by `deviceCodeLogin`, refreshed silently. */
export function deviceCodeTokenSource(settings: AuthSettings, cacheFile: string): TokenSource {
  const app = publicApp(settings, cacheFile);
  return {
    async token() {
      const [account] = await app.getTokenCache().getAllAccounts();
      if (!account) throw new LoginRequiredError(cacheFile);
      const result = await app.acquireTokenSilent({ account, scopes: DELEGATED_SCOPES });
      if (!result?.accessToken) throw new LoginRequiredError(cacheFile);
      return result.accessToken;
    },
  };
}
