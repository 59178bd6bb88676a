// A small namespace-aware XML layer. Servers pick their own prefixes (Radicale: default ns + "C:", Xandikos:
// "ns0:"…), so elements are always matched by namespace URI + local name, never by prefix. tsdav's parser strips
// namespaces and coerces values to numbers/booleans (caldav-ical.md §2.3); etags and tokens must stay raw strings.
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { DavXmlError } from './errors.js';

export const NS = {
  dav: 'DAV:',
  caldav: 'urn:ietf:params:xml:ns:caldav',
  calendarServer: 'http://calendarserver.org/ns/',
  apple: 'http://apple.com/ns/ical/',
} as const;

export type Namespace = (typeof NS)[keyof typeof NS];

const ELEMENT_NODE = 1;

/** Parses an XML document; `href` only names the source in errors. */
export function parseXml(text: string, href: string): Element {
  const problems: string[] = [];
  const parser = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') problems.push(msg);
    },
  });
  let root: Element | null = null;
  try {
    root = parser.parseFromString(text, 'text/xml').documentElement;
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
  }
  if (!root || problems.length > 0) {
    throw new DavXmlError(href, `unparsable XML: ${problems.join('; ') || 'no root element'}`);
  }
  return root;
}

export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === ELEMENT_NODE;
}

export function is(el: Element, ns: Namespace, local: string): boolean {
  return el.namespaceURI === ns && el.localName === local;
}

/** Direct element children, optionally only those with the given name. */
export function children(el: Element, ns?: Namespace, local?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (isElement(n) && (ns === undefined || (local !== undefined && is(n, ns, local)))) out.push(n);
  }
  return out;
}

export function child(el: Element, ns: Namespace, local: string): Element | undefined {
  return children(el, ns, local)[0];
}

/** All descendants with the given name, in document order. */
export function descendants(el: Element, ns: Namespace, local: string): Element[] {
  const out: Element[] = [];
  for (const c of children(el)) {
    if (is(c, ns, local)) out.push(c);
    out.push(...descendants(c, ns, local));
  }
  return out;
}

export function text(el: Element | undefined): string | undefined {
  return el ? (el.textContent ?? '') : undefined;
}

export function trimmedText(el: Element | undefined): string | undefined {
  return text(el)?.trim();
}

export function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`);
}

/** `<?xml…?>` + root with the DAV/CalDAV/CalendarServer/Apple prefixes d:, c:, cs:, a: declared. */
export function xmlDocument(rootName: string, inner: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<${rootName} xmlns:d="${NS.dav}" xmlns:c="${NS.caldav}" ` +
    `xmlns:cs="${NS.calendarServer}" xmlns:a="${NS.apple}">${inner}</${rootName}>`;
}
