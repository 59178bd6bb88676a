// Public surface of the CalDAV layer.
export { CalDavClient, type CalDavAccountClient, type CalDavCollectionClient } from './client.js';
export type { CalendarInfo, DavAccount } from './discovery.js';
export {
  DavAuthError, DavHttpError, DavNetworkError, DavXmlError, DiscoveryError, MissingEtagError, PreconditionFailedError,
  UidConflictError,
} from './errors.js';
export { hrefKey, hrefNameFor, resolveHref, sameHref } from './href.js';
export { KeyedLimiter } from '../http/limiter.js';
export type { FetchedObject, MultigetResult } from './multiget.js';
export type { EtagEntry, SyncResult } from './sync.js';
export { DavTransport, type DavCredentials, type TransportOptions } from './transport.js';
export type { WriteResult } from './writes.js';
