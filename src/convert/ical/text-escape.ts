/**
 * RFC 5545 §3.3.11 TEXT unescaping exactly as ical.js decodes TEXT values: "\\" "\;" "\," "\n" "\N"
 * are replaced, any other backslash stays as written. Used by the lexer (lex.ts) and for X-
 * properties (X-ALT-DESC) that ical.js reads as opaque values unless they carry VALUE=TEXT. A loop
 * instead of a regex with a replacer callback, because DESCRIPTION and X-ALT-DESC bodies are long
 * and full of "\n".
 */
export function unescapeText(value: string): string {
  let slash = value.indexOf('\\');
  if (slash === -1) return value;
  let out = '';
  let from = 0;
  while (slash !== -1 && slash + 1 < value.length) {
    const next = value.charCodeAt(slash + 1);
    // \\ ; , N n
    if (next === 92 || next === 59 || next === 44 || next === 78 || next === 110) {
      out += value.slice(from, slash) + (next === 78 || next === 110 ? '\n' : value[slash + 1]);
      from = slash + 2;
      slash = value.indexOf('\\', from);
    } else {
      slash = value.indexOf('\\', slash + 1);
    }
  }
  return out + value.slice(from);
}
