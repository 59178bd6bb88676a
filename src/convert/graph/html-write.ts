import { bodyCloseAt } from './html-body.js';

/** Writing HTML: text escaped for it, and fragments placed into an existing body. */

/** The entity for a character escapeHtml replaces, by character code; undefined for the rest. */
function escapeOf(c: number): string | undefined {
  return c === 38 ? '&amp;' : c === 60 ? '&lt;' : c === 62 ? '&gt;' : c === 34 ? '&quot;' : undefined;
}

const SPECIAL_RE = /[&<>"]/;

/**
 * `s` with & < > " written as entities, in one scan from the first of them. Most text (names,
 * addresses) holds none and is returned as it is: the regex finds that quicker than a loop over
 * character codes.
 */
export function escapeHtml(s: string): string {
  const first = s.search(SPECIAL_RE);
  if (first < 0) return s;
  let out = '';
  let from = 0;
  for (let i = first; i < s.length; i++) {
    const entity = escapeOf(s.charCodeAt(i));
    if (entity === undefined) continue;
    out += s.slice(from, i) + entity;
    from = i + 1;
  }
  return out + s.slice(from);
}

/** `fragment` placed at the end of the HTML body (before </body> when there is one). */
export function appendToHtmlBody(html: string, fragment: string): string {
  const close = bodyCloseAt(html, 0);
  return close >= 0 ? html.slice(0, close) + fragment + html.slice(close) : html + fragment;
}
