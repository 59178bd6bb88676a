/**
 * RFC 5545 §3.3.11 TEXT escaping, for X- properties (X-ALT-DESC) that ical.js reads as opaque
 * values unless they carry VALUE=TEXT.
 */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
