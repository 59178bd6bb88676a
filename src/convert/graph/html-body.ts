/**
 * Where an HTML body's content lies: after the first `<body …>` tag (what /<body\b[^>]*>/i finds) and
 * before the first `</body>` from there (what /<\/body\s*>/i finds). Found by indexOf and a few
 * character checks: every body read or written needs them, and a regex walking each character of the
 * text cost more than the rest of the append.
 */

/** What the regexes' \s matches: ASCII blanks quickly, other characters by the regex itself. */
const NON_ASCII_SPACE_RE = /\s/;
const isRegexSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || (c >= 0x80 && NON_ASCII_SPACE_RE.test(String.fromCharCode(c)));

/** \w without the u flag (ASCII letters, digits, '_'): where \b finds no boundary. */
const isWordChar = (c: number): boolean => ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 48 && c <= 57) || c === 95;

/** s[i..i+3] is "body" in any case. */
const isBodyName = (s: string, i: number): boolean =>
  (s.charCodeAt(i) | 32) === 98 && (s.charCodeAt(i + 1) | 32) === 111 && (s.charCodeAt(i + 2) | 32) === 100 && (s.charCodeAt(i + 3) | 32) === 121;

/** The index just after the first `<body …>` tag, or 0 when there is none. */
export function bodyContentStart(html: string): number {
  for (let lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', lt + 1)) {
    if (!isBodyName(html, lt + 1) || isWordChar(html.charCodeAt(lt + 5))) continue;
    // No '>' after this one means none after any later one either.
    return html.indexOf('>', lt + 5) + 1;
  }
  return 0;
}

/** The index of the first `</body>` tag (any case, blanks before '>') at or after `from`, or -1. */
export function bodyCloseAt(html: string, from: number): number {
  for (let lt = html.indexOf('</', from); lt >= 0; lt = html.indexOf('</', lt + 2)) {
    if (!isBodyName(html, lt + 2)) continue;
    let i = lt + 6;
    while (isRegexSpace(html.charCodeAt(i))) i++;
    if (html.charCodeAt(i) === 62) return lt;
  }
  return -1;
}
