import { hrefKey } from '../../caldav/href.js';
import type { CalDavClient } from '../../caldav/client.js';
import { DavHttpError } from '../../caldav/errors.js';
import type { EtagEntry, SyncResult } from '../../caldav/sync.js';
import { icsToItem } from '../../convert/ical/index.js';
import { itemFingerprint } from '../../model/fingerprint.js';
import type { ItemRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import type { Observation } from '../plan-types.js';
import { icsLastModified } from './caldav-modified.js';
import { overlapsWindow, type SyncWindow } from '../window.js';
import type { SideRead } from './side.js';

export interface CaldavReadContext {
  readonly pair: string;
  readonly store: Store;
  readonly client: CalDavClient;
  readonly collectionUrl: string;
  readonly window: SyncWindow;
}

/** The iCalendar text of what we read this cycle, by href key: the starting point of lossless updates. */
export type FetchedTexts = Map<string, { etag: string; data: string }>;

/**
 * The CalDAV cursor belongs to its window, as Graph's does: a member reported once while it lay beyond the window
 * is never reported again by that token, so when the window moves the collection is listed afresh.
 */
export function caldavCursorScope(collectionUrl: string, window: SyncWindow): string {
  return `${collectionUrl}|${window.start}|${window.end}`;
}

/**
 * Reads the CalDAV side: sync-collection from the stored token (RFC 6578), or — without a token, or when the
 * server says it is dead — a complete etag listing diffed against the mapping table. Changed members are fetched
 * with calendar-multiget; a member that fails to parse is reported by href and never taken as deleted.
 */
export async function readCaldavSide(ctx: CaldavReadContext, records: readonly ItemRecord[], texts: FetchedTexts): Promise<SideRead> {
  const { store, pair, client, collectionUrl, window } = ctx;
  const byHref = new Map(records.filter((r) => r.caldavHref).map((r) => [hrefKey(r.caldavHref!), r]));
  const scope = caldavCursorScope(collectionUrl, window);
  const stored = await store.getCursor(pair, 'caldav', scope);
  const sync = await changesSince(client, collectionUrl, stored);
  const observations = new Map<string, Observation>();
  const outsideWindow = new Set<string>();
  let changed: { href: string; etag: string }[];
  let token: string | undefined;
  if (sync.kind === 'delta') {
    token = sync.token;
    changed = sync.changed;
    for (const href of sync.removed) {
      const record = byHref.get(hrefKey(href));
      if (record) observations.set(record.uid, { state: 'deleted' });
    }
    if (stored === undefined) markUnlisted(changed, byHref, observations);
  } else {
    // No usable sync-collection: a complete listing is the only safe basis for deletions.
    token = sync.token;
    changed = sync.listed;
    markUnlisted(changed, byHref, observations);
  }
  const toFetch = changed.filter((c) => byHref.get(hrefKey(c.href))?.caldavEtag !== c.etag);
  const fetched = await client.multiget(collectionUrl, toFetch.map((c) => c.href));
  for (const href of fetched.missing) {
    const record = byHref.get(hrefKey(href));
    observations.set(record?.uid ?? href, { state: 'unreadable', ref: href, error: 'listed by the server but not returned by calendar-multiget' });
  }
  for (const obj of fetched.found) {
    texts.set(hrefKey(obj.href), { etag: obj.etag, data: obj.data });
    const record = byHref.get(hrefKey(obj.href));
    try {
      const { item } = icsToItem(obj.data);
      const uid = record?.uid ?? item.uid;
      const normalized = { ...item, uid };
      if (!record && !overlapsWindow(normalized, window)) outsideWindow.add(uid);
      const modifiedAt = icsLastModified(obj.data);
      observations.set(uid, { state: 'present', item: normalized, ref: obj.href, version: obj.etag, fingerprint: itemFingerprint(normalized), ...(modifiedAt !== undefined ? { modifiedAt } : {}) });
    } catch (err) {
      observations.set(record?.uid ?? obj.href, { state: 'unreadable', ref: obj.href, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return {
    observations,
    outsideWindow,
    commit: async () => {
      if (token) await store.setCursor(pair, 'caldav', scope, token);
    },
  };
}

/** After a complete listing, mapped members that are not in it are gone. */
function markUnlisted(listed: readonly { href: string }[], byHref: Map<string, ItemRecord>, observations: Map<string, Observation>): void {
  const present = new Set(listed.map((l) => hrefKey(l.href)));
  for (const [key, record] of byHref) if (!present.has(key)) observations.set(record.uid, { state: 'deleted' });
}

type Changes = Extract<SyncResult, { kind: 'delta' }> | { readonly kind: 'listing'; readonly token?: string; readonly listed: EtagEntry[] };

const CTAG = 'ctag:';
/** Answers of a server that does not do RFC 6578 sync-collection on this collection. */
const NO_SYNC_COLLECTION = new Set([400, 403, 405, 415, 501]);

/**
 * Changes since the stored cursor: RFC 6578 sync-collection (a dead token starts afresh), or — for servers
 * without it — the CalendarServer ctag as a cheap "anything changed?" probe, then a complete etag listing.
 */
async function changesSince(client: CalDavClient, collectionUrl: string, stored: string | undefined): Promise<Changes> {
  if (!stored?.startsWith(CTAG)) {
    try {
      let sync = await client.syncChanges(collectionUrl, stored);
      if (sync.kind === 'token-invalid') sync = await client.syncChanges(collectionUrl, undefined);
      if (sync.kind === 'delta') return sync;
    } catch (err) {
      if (!(err instanceof DavHttpError) || !NO_SYNC_COLLECTION.has(err.status)) throw err;
    }
  }
  const ctag = await client.getCtag(collectionUrl);
  if (ctag !== undefined && stored === CTAG + ctag) return { kind: 'delta', token: stored, changed: [], removed: [] };
  return { kind: 'listing', ...(ctag !== undefined ? { token: CTAG + ctag } : {}), listed: await client.listAll(collectionUrl) };
}
