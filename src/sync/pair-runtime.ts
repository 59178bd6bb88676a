import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { CalDavClient } from '../caldav/client.js';
import type { PairConfig } from '../config/schema.js';
import { clientCredentialsTokenSource, deviceCodeTokenSource, type AuthSettings, type TokenSource } from '../graph/auth.js';
import { mailboxPath } from '../graph/paths.js';
import { resolveCalendar } from '../graph/reader.js';
import { GraphTransport } from '../graph/transport.js';
import { TrustingNetworkClient } from '../graph/trust.js';
import type { Store } from '../store/store.js';
import type { Side } from './merge.js';
import type { PlanOptions } from './plan-types.js';
import { AbsentCalendarSide } from './sides/absent-calendar.js';
import { CaldavSide } from './sides/caldav-side.js';
import { GraphSide } from './sides/graph-side.js';
import type { SideAdapter } from './sides/side.js';
import { syncWindow } from './window.js';

export interface PairRuntime {
  readonly sides: Readonly<Record<Side, SideAdapter>>;
  readonly options: PlanOptions;
  readonly graphCalendar: string;
  readonly caldavCalendar: string;
}

/** Where device-code tokens of a pair are kept unless the config says otherwise. */
export function tokenCachePath(pair: PairConfig, env: NodeJS.ProcessEnv = process.env): string {
  const stateHome = env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
  return pair.graph.tokenCache ?? join(stateHome, 'calbridge', `${pair.name}.tokens.json`);
}

export function authSettings(pair: PairConfig): AuthSettings {
  const caPem = pair.graph.caFile ? readFileSync(pair.graph.caFile, 'utf8') : undefined;
  return {
    authority: pair.graph.authority,
    clientId: pair.graph.clientId,
    graphBaseUrl: pair.graph.baseUrl,
    ...(caPem ? { networkClient: new TrustingNetworkClient(caPem) } : {}),
  };
}

export function tokenSourceFor(pair: PairConfig): TokenSource {
  const settings = authSettings(pair);
  return pair.graph.auth === 'device-code'
    ? deviceCodeTokenSource(settings, tokenCachePath(pair))
    : clientCredentialsTokenSource(settings, pair.graph.clientSecret!);
}

/** Connects both sides of a configured pair (resolving the Graph calendar, finding or creating the CalDAV one). */
export async function openPair(
  pair: PairConfig,
  store: Store,
  log: Logger,
  nowMs = Date.now(),
  opts: { readonly dryRun?: boolean } = {},
): Promise<PairRuntime> {
  const window = syncWindow(nowMs, pair.window.past, pair.window.future);
  const tokens = tokenSourceFor(pair);
  const caPem = pair.graph.caFile ? readFileSync(pair.graph.caFile, 'utf8') : undefined;
  const transport = new GraphTransport({
    baseUrl: pair.graph.baseUrl,
    authProvider: { getAccessToken: () => tokens.token() },
    mailbox: pair.graph.user ?? `me:${pair.name}`,
    ...(caPem ? { caPem } : {}),
  });
  const mailbox = mailboxPath(pair.graph.user);
  const calendar = await resolveCalendar(transport, mailbox, pair.graph.calendar);
  const ref = { mailboxPath: mailbox, ...(pair.graph.calendar ? { calendarId: calendar.id } : {}) };

  const client = new CalDavClient({
    ...(pair.caldav.username !== undefined ? { credentials: { username: pair.caldav.username, password: pair.caldav.password ?? '' } } : {}),
  });
  const account = await client.discover(pair.caldav.url);
  const wanted = pair.caldav.calendar ?? pair.caldav.url;
  const found = await client.findCalendar(account.calendarHomeUrl, wanted);
  const graph = new GraphSide({ pair: pair.name, store, transport, ref, window, includeAttendees: pair.graph.writeAttendees, log });
  const options: PlanOptions = { direction: pair.direction, conflicts: pair.conflicts, deleteThreshold: pair.deleteThreshold };
  if (!found && opts.dryRun) {
    const name = pair.caldav.calendar ?? 'calbridge';
    return { sides: { graph, caldav: new AbsentCalendarSide(name) }, options, graphCalendar: `${calendar.name} (${calendar.id})`, caldavCalendar: `(to be created: ${name})` };
  }
  const collection = found ?? (await client.ensureCalendar(account.calendarHomeUrl, pair.caldav.calendar ?? 'calbridge'));
  if (collection.readOnly) log.warn({ pair: pair.name, calendar: collection.href }, 'the CalDAV calendar is read-only for this account');

  const caldav = new CaldavSide({ pair: pair.name, store, client, collectionUrl: collection.href, window });
  return {
    sides: { graph, caldav },
    options,
    graphCalendar: `${calendar.name} (${calendar.id})`,
    caldavCalendar: collection.href,
  };
}
