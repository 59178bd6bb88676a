import type { CalDavClient } from '../../caldav/client.js';
import { PreconditionFailedError } from '../../caldav/errors.js';
import { hrefKey, hrefNameFor, resolveHref, asCollectionUrl } from '../../caldav/href.js';
import { icsToItem, itemToIcs, patchIcs } from '../../convert/ical/index.js';
import type { CalendarItem } from '../../model/event.js';
import { itemFingerprint } from '../../model/fingerprint.js';
import type { ItemRecord } from '../../store/records.js';
import type { Mapping, Observation } from '../plan-types.js';
import { icsLastModified } from './caldav-modified.js';
import { readCaldavSide, type CaldavReadContext, type FetchedTexts } from './caldav-read.js';
import { StaleVersionError, type SideAdapter, type SideRead, type Written } from './side.js';

/** The CalDAV half of a pair. Creates use a deterministic href with If-None-Match: *, the rest If-Match. */
export class CaldavSide implements SideAdapter {
  readonly side = 'caldav' as const;
  private readonly texts: FetchedTexts = new Map();

  constructor(private readonly ctx: CaldavReadContext) {}

  private get client(): CalDavClient {
    return this.ctx.client;
  }

  read(records: readonly ItemRecord[]): Promise<SideRead> {
    return readCaldavSide(this.ctx, records, this.texts);
  }

  async observe(href: string, record: ItemRecord | undefined): Promise<Observation> {
    const { found } = await this.client.multiget(this.ctx.collectionUrl, [href]);
    const obj = found[0];
    if (!obj) {
      // Only a complete listing tells "gone" from "not returned" alike on every server: a PROPFIND on a gone member
      // is a 404 on Radicale but a 207 whose response status is 404 on Xandikos.
      const listed = await this.client.listAll(this.ctx.collectionUrl);
      if (!listed.some((l) => hrefKey(l.href) === hrefKey(href))) return { state: 'deleted' };
      return { state: 'unreadable', ref: href, error: 'exists but calendar-multiget did not return it' };
    }
    this.texts.set(hrefKey(href), { etag: obj.etag, data: obj.data });
    try {
      const { item } = icsToItem(obj.data);
      const normalized = { ...item, uid: record?.uid ?? item.uid };
      const modifiedAt = icsLastModified(obj.data);
      return { state: 'present', item: normalized, ref: obj.href, version: obj.etag, fingerprint: itemFingerprint(normalized), ...(modifiedAt !== undefined ? { modifiedAt } : {}) };
    } catch (err) {
      return { state: 'unreadable', ref: href, error: err instanceof Error ? err.message : String(err) };
    }
  }

  async create(uid: string, item: CalendarItem): Promise<Written> {
    const name = hrefNameFor(uid);
    try {
      const written = await this.client.create(this.ctx.collectionUrl, name, itemToIcs(item));
      return this.readBack(written.href);
    } catch (err) {
      if (!(err instanceof PreconditionFailedError)) throw err;
      // Already there: an interrupted earlier run created it. Bring it to the intended content.
      const href = resolveHref(asCollectionUrl(this.ctx.collectionUrl), name);
      const current = await this.current(href);
      return this.update(uid, { caldavHref: href, caldavEtag: current.etag }, icsToItem(current.data).item, item);
    }
  }

  async update(uid: string, known: Mapping, from: CalendarItem | undefined, item: CalendarItem): Promise<Written> {
    const href = known.caldavHref;
    if (!href) throw new Error(`${uid}: no CalDAV href to update`);
    const current = this.texts.get(hrefKey(href)) ?? (await this.current(href));
    const etag = known.caldavEtag ?? current.etag;
    const text = patchIcs(current.data, from, item);
    try {
      const written = await this.client.update(href, text, etag);
      return this.readBack(written.href);
    } catch (err) {
      if (err instanceof PreconditionFailedError) throw new StaleVersionError('caldav', uid, err);
      throw err;
    }
  }

  async remove(uid: string, known: Mapping): Promise<void> {
    if (!known.caldavHref) return;
    try {
      const etag = known.caldavEtag ?? (await this.client.fetchEtag(known.caldavHref));
      await this.client.remove(known.caldavHref, etag);
    } catch (err) {
      if (err instanceof PreconditionFailedError) throw new StaleVersionError('caldav', uid, err);
      throw err;
    }
  }

  private async current(href: string): Promise<{ etag: string; data: string }> {
    const { found } = await this.client.multiget(this.ctx.collectionUrl, [href]);
    const obj = found[0];
    if (!obj) throw new StaleVersionError('caldav', href, new Error('not found'));
    this.texts.set(hrefKey(href), { etag: obj.etag, data: obj.data });
    return obj;
  }

  /** The server may rewrite what we PUT (Radicale adds VTIMEZONEs): store its copy, not ours. */
  private async readBack(href: string): Promise<Written> {
    const stored = await this.current(href);
    const { item } = icsToItem(stored.data);
    return { ref: href, version: stored.etag, fingerprint: itemFingerprint(item), item };
  }
}
