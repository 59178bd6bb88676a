// Request shapes shared by discovery, sync and writes, and the mapping of unusable statuses to named errors.
import { DavAuthError, DavHttpError } from './errors.js';
import { parseMultistatus, type Multistatus } from './multistatus.js';
import type { DavReply, DavTransport } from './transport.js';
import { xmlDocument } from './xml.js';

/** Throws the named error for a reply whose status is not in `expected`. */
export function expectStatus(reply: DavReply, expected: readonly number[], href: string = reply.url): DavReply {
  if (expected.includes(reply.status)) return reply;
  if (reply.status === 401) throw new DavAuthError(reply.method, href, reply.status, reply.body);
  throw new DavHttpError(reply.method, href, reply.status, reply.body);
}

/** PROPFIND for the given `<d:prop>` children (prefixes d:, c:, cs:, a: are declared). */
export async function propfind(transport: DavTransport, url: string, depth: '0' | '1', propsXml: string): Promise<Multistatus> {
  const reply = await transport.request({
    method: 'PROPFIND',
    url,
    depth,
    body: xmlDocument('d:propfind', `<d:prop>${propsXml}</d:prop>`),
  });
  return parseMultistatus(expectStatus(reply, [207], url));
}

/** REPORT with the given root element and inner XML. */
export async function report(transport: DavTransport, url: string, depth: '0' | '1', root: string,
  inner: string): Promise<DavReply> {
  return transport.request({ method: 'REPORT', url, depth, body: xmlDocument(root, inner) });
}
