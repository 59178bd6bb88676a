// Discovery (RFC 4791 §6.2.1, RFC 5397, RFC 6764) and calendar listing/creation (RFC 4791 §5.2, §5.3.1).
import { DiscoveryError } from './errors.js';
import { asCollectionUrl, hrefKey, hrefNameFor, resolveHref } from './href.js';
import { parseMultistatus, prop, propHref, propText, type MultistatusEntry } from './multistatus.js';
import { expectStatus, propfind } from './requests.js';
import type { DavTransport } from './transport.js';
import { children, escapeXml, is, NS, xmlDocument } from './xml.js';

export interface DavAccount {
  principalUrl: string;
  calendarHomeUrl: string;
}

export interface CalendarInfo {
  /** Absolute collection URL with a trailing slash. */
  href: string;
  displayName: string | undefined;
  ctag: string | undefined;
  syncToken: string | undefined;
  /** Component names from supported-calendar-component-set; empty when the server does not say (= any). */
  components: string[];
  /** True when current-user-privilege-set is given and grants no content write. */
  readOnly: boolean;
  color: string | undefined;
}

/**
 * Finds principal and calendar home from any URL a user might give: the server root, a principal, a home or a
 * calendar. Falls back to /.well-known/caldav (redirects are followed) and then the server root.
 */
export async function discoverAccount(transport: DavTransport, userUrl: string): Promise<DavAccount> {
  const candidates = [userUrl, resolveHref(userUrl, '/.well-known/caldav'), resolveHref(userUrl, '/')];
  let principalUrl: string | undefined;
  for (const candidate of candidates) {
    principalUrl = await currentUserPrincipal(transport, candidate);
    if (principalUrl) break;
  }
  if (!principalUrl) throw new DiscoveryError(userUrl, 'no DAV:current-user-principal found (tried the URL, /.well-known/caldav, /)');
  const ms = await propfind(transport, principalUrl, '0', '<c:calendar-home-set/>');
  const entry = ms.entries[0];
  const home = entry ? propHref(entry, NS.caldav, 'calendar-home-set', entry.href) : undefined;
  if (!home) throw new DiscoveryError(principalUrl, 'principal has no CALDAV:calendar-home-set');
  return { principalUrl, calendarHomeUrl: asCollectionUrl(home) };
}

async function currentUserPrincipal(transport: DavTransport, url: string): Promise<string | undefined> {
  const reply = await transport.request({
    method: 'PROPFIND',
    url,
    depth: '0',
    body: xmlDocument('d:propfind', '<d:prop><d:current-user-principal/></d:prop>'),
  });
  // 401 must surface (bad credentials), other failures just mean "try the next candidate".
  if (reply.status === 401) expectStatus(reply, [207], url);
  if (reply.status !== 207) return undefined;
  const entry = parseMultistatus(reply).entries[0];
  return entry ? propHref(entry, NS.dav, 'current-user-principal', reply.url) : undefined;
}

const LIST_PROPS = '<d:resourcetype/><d:displayname/><cs:getctag/><d:sync-token/>' +
  '<c:supported-calendar-component-set/><d:current-user-privilege-set/><a:calendar-color/>';

const WRITE_PRIVILEGES = new Set(['all', 'write', 'write-content', 'bind']);

export async function listCalendars(transport: DavTransport, calendarHomeUrl: string): Promise<CalendarInfo[]> {
  const ms = await propfind(transport, asCollectionUrl(calendarHomeUrl), '1', LIST_PROPS);
  return ms.entries.filter(isCalendar).map(toCalendarInfo);
}

function isCalendar(entry: MultistatusEntry): boolean {
  const rt = prop(entry, NS.dav, 'resourcetype');
  return !!rt && children(rt).some((el) => is(el, NS.caldav, 'calendar'));
}

function toCalendarInfo(entry: MultistatusEntry): CalendarInfo {
  const compSet = prop(entry, NS.caldav, 'supported-calendar-component-set');
  const privSet = prop(entry, NS.dav, 'current-user-privilege-set');
  const privileges = privSet
    ? children(privSet, NS.dav, 'privilege').flatMap((p) => children(p).map((el) => el.localName ?? ''))
    : undefined;
  return {
    href: asCollectionUrl(entry.href),
    displayName: propText(entry, NS.dav, 'displayname')?.trim() || undefined,
    ctag: propText(entry, NS.calendarServer, 'getctag')?.trim() || undefined,
    syncToken: propText(entry, NS.dav, 'sync-token')?.trim() || undefined,
    components: compSet ? children(compSet, NS.caldav, 'comp').map((c) => c.getAttribute('name') ?? '').filter(Boolean) : [],
    readOnly: privileges ? !privileges.some((p) => WRITE_PRIVILEGES.has(p)) : false,
    color: propText(entry, NS.apple, 'calendar-color')?.trim() || undefined,
  };
}

/** How a user names a calendar: an absolute URL or a path ('/…') selects by location, anything else by display name. */
export function isLocationRef(ref: string): boolean {
  return ref.startsWith('/') || /^https?:\/\//i.test(ref);
}

export async function findCalendar(transport: DavTransport, calendarHomeUrl: string,
  ref: string): Promise<CalendarInfo | undefined> {
  const calendars = await listCalendars(transport, calendarHomeUrl);
  if (isLocationRef(ref)) {
    const key = hrefKey(ref, calendarHomeUrl);
    return calendars.find((c) => hrefKey(c.href) === key);
  }
  const byName = calendars.filter((c) => c.displayName === ref);
  if (byName.length > 1) {
    throw new DiscoveryError(calendarHomeUrl, `${byName.length} calendars are named "${ref}": name one by URL instead`);
  }
  return byName[0];
}

/** Finds the calendar; when missing, creates it with MKCALENDAR (VEVENT only) and returns the created one. */
export async function ensureCalendar(transport: DavTransport, calendarHomeUrl: string,
  ref: string): Promise<CalendarInfo> {
  const existing = await findCalendar(transport, calendarHomeUrl, ref);
  if (existing) return existing;
  const home = asCollectionUrl(calendarHomeUrl);
  const url = isLocationRef(ref) ? asCollectionUrl(resolveHref(home, ref)) : resolveHref(home, `${slugFor(ref)}/`);
  const displayName = isLocationRef(ref) ? decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? 'calendar') : ref;
  const reply = await transport.request({
    method: 'MKCALENDAR',
    url,
    body: xmlDocument('c:mkcalendar', `<d:set><d:prop><d:displayname>${escapeXml(displayName)}</d:displayname>` +
      '<c:supported-calendar-component-set><c:comp name="VEVENT"/></c:supported-calendar-component-set></d:prop></d:set>'),
  });
  expectStatus(reply, [201], url);
  const created = await findCalendar(transport, calendarHomeUrl, url);
  if (!created) throw new DiscoveryError(url, 'MKCALENDAR answered 201 but the calendar is not listed in the home');
  return created;
}

/** A path segment for a new calendar: readable part of the name plus a short hash so distinct names never collide. */
function slugFor(name: string): string {
  const readable = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `${readable || 'calendar'}-${hrefNameFor(name).slice(0, 8)}`;
}
