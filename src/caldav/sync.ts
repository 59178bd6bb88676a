// Change detection: RFC 6578 sync-collection with truncation and dead-token handling, the full etag listing that
// replaces it after a dead token, and the ctag probe (CalendarServer caldav-ctag draft).
import { DavHttpError, DavXmlError } from './errors.js';
import { asCollectionUrl, hrefKey } from './href.js';
import { parseMultistatus, preconditionsInBody, prop, propText, type MultistatusEntry } from './multistatus.js';
import { expectStatus, propfind, report } from './requests.js';
import type { DavReply, DavTransport } from './transport.js';
import { children, escapeXml, is, NS } from './xml.js';

export interface EtagEntry {
  /** Absolute URL of the member. */
  href: string;
  /** Verbatim from DAV:getetag, quotes included. */
  etag: string;
}

export type SyncResult =
  | { kind: 'delta'; token: string; changed: EtagEntry[]; removed: string[] }
  | { kind: 'token-invalid' };

/** Guards against a server that keeps answering 507 with the same token. */
const MAX_SYNC_PAGES = 1000;

/**
 * Changes since `token` (everything when undefined). Truncated answers (RFC 6578 §3.6: a 507 response for the
 * collection itself) are continued with the token they returned; changes are merged so an href's last state wins.
 * A token the server rejects yields 'token-invalid': Radicale answers 403 valid-sync-token, sabre 403, others 409,
 * and Xandikos 0.2.8 answers 500 (caldav-ical.md §1.4) — the caller then falls back to listAll().
 */
export async function syncChanges(transport: DavTransport, collectionUrl: string,
  token: string | undefined): Promise<SyncResult> {
  const url = asCollectionUrl(collectionUrl);
  const collectionKey = hrefKey(url);
  const changed = new Map<string, EtagEntry>();
  const removed = new Map<string, string>();
  let current = token;
  for (let page = 0; page < MAX_SYNC_PAGES; page++) {
    const reply = await report(transport, url, '1', 'd:sync-collection',
      `<d:sync-token>${escapeXml(current ?? '')}</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop>`);
    if (reply.status !== 207) {
      if (current !== undefined && isDeadToken(reply)) return { kind: 'token-invalid' };
      expectStatus(reply, [207], url);
    }
    const ms = parseMultistatus(reply);
    let truncated = false;
    for (const entry of ms.entries) {
      const key = hrefKey(entry.href);
      if (key === collectionKey) {
        // The collection itself: 507 marks truncation; iCloud also lists it as a "change" (caldav-ical.md §1.4).
        truncated ||= entry.status === 507;
        continue;
      }
      if (entry.status === 404) {
        changed.delete(key);
        removed.set(key, entry.href);
        continue;
      }
      const member = memberEtag(entry);
      if (member) {
        removed.delete(key);
        changed.set(key, member);
      }
    }
    if (!ms.syncToken) throw new DavXmlError(url, 'sync-collection answer carries no DAV:sync-token');
    if (!truncated) {
      return { kind: 'delta', token: ms.syncToken, changed: [...changed.values()], removed: [...removed.values()] };
    }
    if (ms.syncToken === current) {
      throw new DavHttpError('REPORT', url, 507, reply.body, 'truncated sync answer did not advance the sync-token');
    }
    current = ms.syncToken;
  }
  throw new DavHttpError('REPORT', url, 507, '', `still truncated after ${MAX_SYNC_PAGES} pages`);
}

function isDeadToken(reply: DavReply): boolean {
  if (preconditionsInBody(reply).some((p) => p.ns === NS.dav && p.name === 'valid-sync-token')) return true;
  return [400, 403, 409, 410, 412, 500].includes(reply.status);
}

/** A non-collection member with an etag; collections (sub-calendars) and etag-less entries are not objects. */
function memberEtag(entry: MultistatusEntry): EtagEntry | undefined {
  const rt = prop(entry, NS.dav, 'resourcetype');
  if (rt && children(rt).some((el) => is(el, NS.dav, 'collection'))) return undefined;
  const etag = propText(entry, NS.dav, 'getetag')?.trim();
  return etag ? { href: entry.href, etag } : undefined;
}

/** Every member and its etag (PROPFIND Depth 1): complete, so a missing href means deleted. */
export async function listAll(transport: DavTransport, collectionUrl: string): Promise<EtagEntry[]> {
  const url = asCollectionUrl(collectionUrl);
  const collectionKey = hrefKey(url);
  const ms = await propfind(transport, url, '1', '<d:getetag/><d:resourcetype/>');
  const seen = new Map<string, EtagEntry>();
  for (const entry of ms.entries) {
    const key = hrefKey(entry.href);
    if (key === collectionKey) continue;
    const member = memberEtag(entry);
    // Some servers (Zimbra, DavMail) repeat hrefs: keep one.
    if (member && !seen.has(key)) seen.set(key, member);
  }
  return [...seen.values()];
}

/** The collection's CalendarServer getctag, or undefined when the server has none. */
export async function getCtag(transport: DavTransport, collectionUrl: string): Promise<string | undefined> {
  const url = asCollectionUrl(collectionUrl);
  const ms = await propfind(transport, url, '0', '<cs:getctag/>');
  const entry = ms.entries.find((e) => hrefKey(e.href) === hrefKey(url)) ?? ms.entries[0];
  return entry ? propText(entry, NS.calendarServer, 'getctag')?.trim() || undefined : undefined;
}
