// calendar-multiget (RFC 4791 §7.9) in bounded batches: servers cap silently (Zoho at 1000, keeper.sh#461), so
// each batch's answer is reconciled against what was asked and the difference reported, never dropped.
import { asCollectionUrl, hrefKey } from './href.js';
import { parseMultistatus, propText } from './multistatus.js';
import { expectStatus, report } from './requests.js';
import type { DavTransport } from './transport.js';
import { escapeXml, NS } from './xml.js';

export interface FetchedObject {
  /** The href as the caller asked for it. */
  href: string;
  etag: string;
  /** The iCalendar text as stored by the server (possibly rewritten by it). */
  data: string;
}

export interface MultigetResult {
  found: FetchedObject[];
  /** Requested hrefs the server did not return with data (404, or simply absent from the answer). */
  missing: string[];
}

export async function multiget(transport: DavTransport, collectionUrl: string, hrefs: readonly string[],
  batchSize = 100): Promise<MultigetResult> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const url = asCollectionUrl(collectionUrl);
  const unique = [...new Map(hrefs.map((h) => [hrefKey(h, url), h])).values()];
  const result: MultigetResult = { found: [], missing: [] };
  for (let i = 0; i < unique.length; i += batchSize) {
    const batch = unique.slice(i, i + batchSize);
    const part = await multigetBatch(transport, url, batch);
    result.found.push(...part.found);
    result.missing.push(...part.missing);
  }
  return result;
}

async function multigetBatch(transport: DavTransport, url: string, batch: string[]): Promise<MultigetResult> {
  const hrefXml = batch.map((h) => `<d:href>${escapeXml(new URL(h, url).pathname)}</d:href>`).join('');
  const reply = expectStatus(
    await report(transport, url, '1', 'c:calendar-multiget', `<d:prop><d:getetag/><c:calendar-data/></d:prop>${hrefXml}`),
    [207], url);
  const answered = new Map<string, { etag: string; data: string }>();
  for (const entry of parseMultistatus(reply).entries) {
    const etag = propText(entry, NS.dav, 'getetag')?.trim();
    const data = propText(entry, NS.caldav, 'calendar-data');
    if (etag && data) answered.set(hrefKey(entry.href), { etag, data });
  }
  const result: MultigetResult = { found: [], missing: [] };
  for (const href of batch) {
    const hit = answered.get(hrefKey(href, url));
    if (hit) result.found.push({ href, ...hit });
    else result.missing.push(href);
  }
  return result;
}
