// The seam the sync engine codes against. All hrefs are absolute URLs; compare them with sameHref()/hrefKey().
import {
  discoverAccount, ensureCalendar, findCalendar, listCalendars, type CalendarInfo, type DavAccount,
} from './discovery.js';
import { multiget, type MultigetResult } from './multiget.js';
import { getCtag, listAll, syncChanges, type EtagEntry, type SyncResult } from './sync.js';
import { DavTransport, type TransportOptions } from './transport.js';
import { createObject, deleteObject, fetchEtag, updateObject, type WriteResult } from './writes.js';

/** Operations on one calendar collection and its members. */
export interface CalDavCollectionClient {
  syncChanges(collectionUrl: string, token: string | undefined): Promise<SyncResult>;
  listAll(collectionUrl: string): Promise<EtagEntry[]>;
  getCtag(collectionUrl: string): Promise<string | undefined>;
  multiget(collectionUrl: string, hrefs: readonly string[], batchSize?: number): Promise<MultigetResult>;
  /** `name` must match [A-Za-z0-9._-]+ (use hrefNameFor(uid)). Throws PreconditionFailedError if it exists. */
  create(collectionUrl: string, name: string, ics: string): Promise<WriteResult>;
  /** Throws PreconditionFailedError on a stale etag, MissingEtagError without a strong one. */
  update(href: string, ics: string, etag: string): Promise<WriteResult>;
  remove(href: string, etag: string): Promise<void>;
  fetchEtag(href: string): Promise<string>;
}

/** Account-level operations: finding and creating calendars. */
export interface CalDavAccountClient {
  discover(userUrl: string): Promise<DavAccount>;
  listCalendars(calendarHomeUrl: string): Promise<CalendarInfo[]>;
  /** `ref`: a display name, or a URL/path ('/…') of the collection. */
  findCalendar(calendarHomeUrl: string, ref: string): Promise<CalendarInfo | undefined>;
  ensureCalendar(calendarHomeUrl: string, ref: string): Promise<CalendarInfo>;
}

export class CalDavClient implements CalDavCollectionClient, CalDavAccountClient {
  readonly transport: DavTransport;

  constructor(transport: DavTransport | TransportOptions = {}) {
    this.transport = transport instanceof DavTransport ? transport : new DavTransport(transport);
  }

  discover(userUrl: string): Promise<DavAccount> {
    return discoverAccount(this.transport, userUrl);
  }

  listCalendars(calendarHomeUrl: string): Promise<CalendarInfo[]> {
    return listCalendars(this.transport, calendarHomeUrl);
  }

  findCalendar(calendarHomeUrl: string, ref: string): Promise<CalendarInfo | undefined> {
    return findCalendar(this.transport, calendarHomeUrl, ref);
  }

  ensureCalendar(calendarHomeUrl: string, ref: string): Promise<CalendarInfo> {
    return ensureCalendar(this.transport, calendarHomeUrl, ref);
  }

  syncChanges(collectionUrl: string, token: string | undefined): Promise<SyncResult> {
    return syncChanges(this.transport, collectionUrl, token);
  }

  listAll(collectionUrl: string): Promise<EtagEntry[]> {
    return listAll(this.transport, collectionUrl);
  }

  getCtag(collectionUrl: string): Promise<string | undefined> {
    return getCtag(this.transport, collectionUrl);
  }

  multiget(collectionUrl: string, hrefs: readonly string[], batchSize?: number): Promise<MultigetResult> {
    return multiget(this.transport, collectionUrl, hrefs, batchSize);
  }

  create(collectionUrl: string, name: string, ics: string): Promise<WriteResult> {
    return createObject(this.transport, collectionUrl, name, ics);
  }

  update(href: string, ics: string, etag: string): Promise<WriteResult> {
    return updateObject(this.transport, href, ics, etag);
  }

  remove(href: string, etag: string): Promise<void> {
    return deleteObject(this.transport, href, etag);
  }

  fetchEtag(href: string): Promise<string> {
    return fetchEtag(this.transport, href);
  }
}
