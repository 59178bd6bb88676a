// Hrefs: servers answer with paths, absolute URLs, and differently percent-encoded forms of the same resource
// (caldav-ical.md §1.8). The client API speaks absolute URLs (server's own encoding kept, so requests reach the
// exact resource); comparisons go through hrefKey().
import { createHash } from 'node:crypto';

/** Resolves an href from a response (path or absolute) against the URL the request went to. */
export function resolveHref(base: string, href: string): string {
  const url = new URL(href.trim(), base);
  url.hash = '';
  return url.toString();
}

/**
 * Canonical form for comparing two hrefs: absolute, each path segment decoded then re-encoded one way, no
 * trailing slash (servers disagree on it for collections), no fragment.
 */
export function hrefKey(href: string, base?: string): string {
  const url = new URL(href.trim(), base);
  const path = url.pathname
    .split('/')
    .map((segment) => encodeURIComponent(safeDecode(segment)))
    .join('/')
    .replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}${url.search}`;
}

export function sameHref(a: string, b: string): boolean {
  return hrefKey(a) === hrefKey(b);
}

/** A collection URL with exactly one trailing slash, so relative member names resolve inside it. */
export function asCollectionUrl(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * A deterministic resource name for a UID, using only [A-Za-z0-9._-]: raw UIDs are unusable as names
 * (Exchange UIDs are 100+ hex chars, others contain '@' or '/').
 */
export function hrefNameFor(uid: string): string {
  return `${createHash('sha256').update(uid, 'utf8').digest('hex').slice(0, 40)}.ics`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A stray '%' that is not an escape: compare it literally.
    return segment;
  }
}
