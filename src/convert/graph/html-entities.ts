/** HTML entity references (named, decimal, hexadecimal) decoded into the text they stand for. */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', reg: '®', trade: '™',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•',
  middot: '·', euro: '€', pound: '£', yen: '¥', deg: '°', times: '×', laquo: '«', raquo: '»',
};

/** The text an entity reference `ref` (between '&' and ';') stands for, or undefined to keep it as written. */
function entityText(ref: string): string | undefined {
  if (ref.charCodeAt(0) === 35) {
    const hex = ref.charCodeAt(1) === 120 || ref.charCodeAt(1) === 88;
    const code = hex ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code === 0xa0 ? 0x20 : code) : undefined;
  }
  return NAMED_ENTITIES[ref.toLowerCase()];
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHexDigit = (c: number): boolean => isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102);
const isAsciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;

/**
 * The index of the ';' ending the entity reference that starts with '&' at `amp`, or -1: the
 * references /&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/i matches (a differential test holds the two equal).
 */
function entityEnd(s: string, amp: number): number {
  let i = amp + 1;
  if (s.charCodeAt(i) === 35) {
    i++;
    // '&#x' without a hex digit is no reference: nor is it a decimal one ('x' is no digit).
    const hex = (s.charCodeAt(i) | 32) === 120;
    const digit = hex ? isHexDigit : isDigit;
    if (hex) i++;
    const from = i;
    while (digit(s.charCodeAt(i))) i++;
    return i > from && s.charCodeAt(i) === 59 ? i : -1;
  }
  const from = i;
  while (isAsciiLetter(s.charCodeAt(i))) i++;
  if (i === from) return -1;
  while (isDigit(s.charCodeAt(i))) i++;
  return s.charCodeAt(i) === 59 ? i : -1;
}

/** Entity references decoded, by one scan from '&' to '&' (no regex replace and callback per reference). */
export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const end = entityEnd(s, amp);
    const text = end < 0 ? undefined : entityText(s.slice(amp + 1, end));
    if (text === undefined) {
      amp = s.indexOf('&', amp + 1);
      continue;
    }
    out += s.slice(from, amp) + text;
    from = end + 1;
    amp = s.indexOf('&', from);
  }
  return from === 0 ? s : out + s.slice(from);
}
