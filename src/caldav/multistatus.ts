// Reading RFC 4918 §13 multistatus bodies and §16 precondition (<D:error>) bodies into typed values.
import type { Element } from '@xmldom/xmldom';
import { DavXmlError } from './errors.js';
import { resolveHref } from './href.js';
import type { DavReply } from './transport.js';
import { child, children, descendants, is, NS, parseXml, trimmedText, type Namespace } from './xml.js';

export interface PropStat {
  status: number;
  props: Element[];
}

export interface MultistatusEntry {
  /** Absolute URL, resolved against the request URL. */
  href: string;
  /** The response-level status (e.g. 404 for a removed member in sync-collection); absent when propstats carry it. */
  status: number | undefined;
  propstats: PropStat[];
  error: Element | undefined;
}

export interface Multistatus {
  entries: MultistatusEntry[];
  /** RFC 6578 top-level DAV:sync-token, verbatim. */
  syncToken: string | undefined;
}

export function parseStatusLine(line: string | undefined): number | undefined {
  const m = line?.match(/^\s*HTTP\/\d(?:\.\d)?\s+(\d{3})/);
  return m ? Number(m[1]) : undefined;
}

export function parseMultistatus(reply: DavReply): Multistatus {
  const root = parseXml(reply.body, reply.url);
  if (!is(root, NS.dav, 'multistatus')) {
    throw new DavXmlError(reply.url, `expected DAV:multistatus, got ${root.namespaceURI ?? ''}${root.localName}`);
  }
  const entries: MultistatusEntry[] = [];
  for (const response of children(root, NS.dav, 'response')) {
    const status = parseStatusLine(trimmedText(child(response, NS.dav, 'status')));
    const propstats = children(response, NS.dav, 'propstat').map((ps) => {
      const propEl = child(ps, NS.dav, 'prop');
      return { status: parseStatusLine(trimmedText(child(ps, NS.dav, 'status'))) ?? 0, props: propEl ? children(propEl) : [] };
    });
    const error = child(response, NS.dav, 'error');
    // RFC 4918 allows several hrefs sharing one status in a single response.
    for (const hrefEl of children(response, NS.dav, 'href')) {
      const raw = trimmedText(hrefEl);
      if (raw) entries.push({ href: resolveHref(reply.url, raw), status, propstats, error });
    }
  }
  return { entries, syncToken: trimmedText(child(root, NS.dav, 'sync-token')) };
}

/** A property from a 2xx propstat, if the server returned it. */
export function prop(entry: MultistatusEntry, ns: Namespace, local: string): Element | undefined {
  for (const ps of entry.propstats) {
    if (ps.status < 200 || ps.status >= 300) continue;
    const found = ps.props.find((el) => is(el, ns, local));
    if (found) return found;
  }
  return undefined;
}

export function propText(entry: MultistatusEntry, ns: Namespace, local: string): string | undefined {
  const el = prop(entry, ns, local);
  return el ? (el.textContent ?? '') : undefined;
}

/** The single href inside a property such as current-user-principal or calendar-home-set. */
export function propHref(entry: MultistatusEntry, ns: Namespace, local: string, base: string): string | undefined {
  const el = prop(entry, ns, local);
  const raw = el ? trimmedText(child(el, NS.dav, 'href')) : undefined;
  return raw ? resolveHref(base, raw) : undefined;
}

export interface Precondition {
  ns: string;
  name: string;
  /** DAV:href children, e.g. the existing resource of C:no-uid-conflict, resolved against the request URL. */
  hrefs: string[];
}

/** The preconditions named in a <D:error> element or body; empty when the body is not one. */
export function preconditionsOf(error: Element | undefined, base: string): Precondition[] {
  if (!error) return [];
  return children(error).map((el) => ({
    ns: el.namespaceURI ?? '',
    name: el.localName ?? '',
    hrefs: descendants(el, NS.dav, 'href')
      .map((h) => trimmedText(h))
      .filter((h): h is string => !!h)
      .map((h) => resolveHref(base, h)),
  }));
}

/** Preconditions from a non-207 error reply body (403/409/412), tolerating bodies that are not XML at all. */
export function preconditionsInBody(reply: DavReply): Precondition[] {
  if (!reply.body.trimStart().startsWith('<')) return [];
  try {
    const root = parseXml(reply.body, reply.url);
    return is(root, NS.dav, 'error') ? preconditionsOf(root, reply.url) : [];
  } catch {
    return [];
  }
}
