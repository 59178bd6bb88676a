import { htmlToText } from '../graph/html-text.js';

/**
 * Whether X-ALT-DESC still renders DESCRIPTION. A client that knows only DESCRIPTION edits it and
 * leaves the HTML behind, so HTML whose text says something else than DESCRIPTION is stale.
 */

/** Letters and digits only: what survives any plain-text rendering of the same content. */
export const gist = (s: string): string => s.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Printable ASCII and line breaks; anything else takes the general (Unicode) comparison. */
const ASCII = /^[\t\n\r -~]*$/;

/** A-Z, a-z, 0-9 lower-cased; -1 for anything else (gist() drops it). */
function asciiAlnum(c: number): number {
  if (c >= 97 && c <= 122) return c;
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 48 && c <= 57) return c;
  return -1;
}

/**
 * gist(a) === gist(b) without building either: for ASCII text NFC changes nothing and the letters
 * and digits are [A-Za-z0-9], so the two can be walked side by side.
 */
export function sameGist(a: string, b: string): boolean {
  // Equal texts (the usual case: both written from one body) need no walk.
  if (a === b) return true;
  if (!ASCII.test(a) || !ASCII.test(b)) return gist(a) === gist(b);
  let i = 0;
  let j = 0;
  for (;;) {
    let x = -1;
    while (i < a.length && (x = asciiAlnum(a.charCodeAt(i++))) === -1);
    let y = -1;
    while (j < b.length && (y = asciiAlnum(b.charCodeAt(j++))) === -1);
    if (x !== y) return false;
    if (x === -1) return true;
  }
}

/**
 * The verdicts reached within one calendar object: its overrides usually repeat the master's
 * description and HTML, which need rendering only once. Never kept beyond one object.
 */
export type HtmlVerdicts = { html: string; description: string; current: boolean }[];

export function htmlIsCurrent(html: string, description: string, seen: HtmlVerdicts): boolean {
  const known = seen.find((v) => v.html === html && v.description === description);
  if (known) return known.current;
  const current = sameGist(htmlToText(html), description);
  seen.push({ html, description, current });
  return current;
}
