// Conditional writes only (caldav-ical.md §1.6): create with If-None-Match: *, update/delete with If-Match on the
// etag exactly as the server gave it. A retried PUT whose first attempt did land answers 412 — callers treat
// PreconditionFailedError as "refetch and merge", which covers that case too.
import { DavHttpError, DavXmlError, MissingEtagError, PreconditionFailedError, UidConflictError } from './errors.js';
import { asCollectionUrl, hrefKey, resolveHref } from './href.js';
import { parseMultistatus, preconditionsInBody, preconditionsOf, propText, type Precondition } from './multistatus.js';
import { expectStatus, propfind } from './requests.js';
import type { DavReply, DavTransport } from './transport.js';
import { NS } from './xml.js';

export interface WriteResult {
  /** Absolute URL of the written resource. */
  href: string;
  /** Its etag after the write, strong, as the server reports it. */
  etag: string;
}

const WRITE_OK = [200, 201, 204] as const;

export async function createObject(transport: DavTransport, collectionUrl: string, name: string,
  ics: string): Promise<WriteResult> {
  if (!/^[A-Za-z0-9._-]+$/.test(name) || name === '.' || name === '..') {
    throw new RangeError(`resource name must use only [A-Za-z0-9._-], got "${name}" (see hrefNameFor)`);
  }
  const href = resolveHref(asCollectionUrl(collectionUrl), name);
  return put(transport, href, ics, { 'If-None-Match': '*' }, undefined);
}

export async function updateObject(transport: DavTransport, href: string, ics: string,
  etag: string): Promise<WriteResult> {
  const ifMatch = ifMatchValue('PUT', href, etag);
  return put(transport, href, ics, { 'If-Match': ifMatch }, ifMatch);
}

export async function deleteObject(transport: DavTransport, href: string, etag: string): Promise<void> {
  const ifMatch = ifMatchValue('DELETE', href, etag);
  const reply = await transport.request({ method: 'DELETE', url: href, headers: { 'If-Match': ifMatch } });
  checkWrite(reply, href, ifMatch);
}

/** The member's current etag from PROPFIND getetag (the multistatus body is immune to proxies rewriting headers). */
export async function fetchEtag(transport: DavTransport, href: string): Promise<string> {
  const ms = await propfind(transport, href, '0', '<d:getetag/>');
  const entry = ms.entries.find((e) => hrefKey(e.href) === hrefKey(href)) ?? ms.entries[0];
  const etag = entry ? propText(entry, NS.dav, 'getetag')?.trim() : undefined;
  if (!etag) throw new DavXmlError(href, 'PROPFIND answered without DAV:getetag');
  return etag;
}

async function put(transport: DavTransport, href: string, ics: string, conditions: Record<string, string>,
  sentEtag: string | undefined): Promise<WriteResult> {
  const reply = await transport.request({
    method: 'PUT',
    url: href,
    headers: { ...conditions, 'Content-Type': 'text/calendar; charset=utf-8' },
    body: ics,
  });
  checkWrite(reply, href, sentEtag);
  // Weak etags never satisfy If-Match (RFC 9110 §13.1.1) and servers that rewrote the body may omit the header
  // (RFC 9110 §9.3.4, sabre-io/dav#547): ask for the stored copy's etag then.
  const header = reply.headers.get('etag')?.trim();
  const etag = header && !isWeak(header) ? header : await fetchEtag(transport, href);
  return { href, etag };
}

/** Accepts exactly 200/201/204; maps everything else (207 included: Xandikos' duplicate-UID answer) to named errors. */
function checkWrite(reply: DavReply, href: string, sentEtag: string | undefined): void {
  if ((WRITE_OK as readonly number[]).includes(reply.status)) return;
  const preconditions = reply.status === 207 ? multistatusPreconditions(reply) : preconditionsInBody(reply);
  const uidConflict = preconditions.find((p) => p.ns === NS.caldav && p.name === 'no-uid-conflict');
  if (uidConflict) {
    throw new UidConflictError(reply.method, href, reply.status, reply.body, uidConflict.hrefs[0]);
  }
  if (reply.status === 412 || (reply.status === 207 && innerStatuses(reply).includes(412))) {
    throw new PreconditionFailedError(reply.method, href, reply.body, sentEtag);
  }
  if (preconditions.length > 0) {
    throw new DavHttpError(reply.method, href, reply.status, reply.body,
      `precondition ${preconditions.map((p) => p.name).join(', ')}`);
  }
  expectStatus(reply, WRITE_OK, href);
}

function multistatusPreconditions(reply: DavReply): Precondition[] {
  return parseMultistatus(reply).entries.flatMap((e) => preconditionsOf(e.error, reply.url));
}

function innerStatuses(reply: DavReply): number[] {
  return parseMultistatus(reply).entries.flatMap((e) => (e.status === undefined ? [] : [e.status]));
}

function isWeak(etag: string): boolean {
  return etag.startsWith('W/');
}

/** The If-Match value for an etag: must exist and be strong; a bare getetag value gets the quotes it lacks. */
function ifMatchValue(method: string, href: string, etag: string | undefined): string {
  const trimmed = etag?.trim();
  if (!trimmed || isWeak(trimmed)) throw new MissingEtagError(method, href, trimmed || undefined);
  return trimmed.startsWith('"') ? trimmed : `"${trimmed}"`;
}
