/**
 * Graph bodies are HTML by default (Outlook wraps even plain text in `<html><head>…</head><body>`),
 * while iCalendar DESCRIPTION is plain text. This turns HTML into readable text: block elements and
 * <br> become line breaks, links keep their target, entities are decoded, the boilerplate head goes.
 * Not a full HTML parser: calendar bodies are simple, and the HTML itself is kept in X-ALT-DESC.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', reg: '®', trade: '™',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•',
  middot: '·', euro: '€', pound: '£', yen: '¥', deg: '°', times: '×', laquo: '«', raquo: '»',
};

/** Marks a block element's edge until adjacent edges are merged. */
const BOUNDARY = '\u0000';

const BLOCK_TAGS =
  'p|div|ul|ol|table|tr|h[1-6]|blockquote|pre|hr|section|article|header|footer|address|dl|dt|dd|center';

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code === 0xa0 ? 0x20 : code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

function bodyPart(html: string): string {
  const open = /<body\b[^>]*>/i.exec(html);
  const from = open ? open.index + open[0].length : 0;
  const close = html.slice(from).search(/<\/body\s*>/i);
  return close >= 0 ? html.slice(from, from + close) : html.slice(from);
}

/** A link keeps its target after the text, as Outlook's own text rendering does ("Join<https://…>"). */
function linkText(attrs: string, inner: string): string {
  const href = /\bhref\s*=\s*("([^"]*)"|'([^']*)')/i.exec(attrs);
  const raw = href?.[2] ?? href?.[3] ?? '';
  const target = decodeEntities(raw);
  const text = decodeEntities(inner.replace(/<[^>]*>/g, '')).trim();
  if (!/^(https?:|mailto:)/i.test(target) || text === target || `mailto:${text}` === target) return inner;
  // Escaped so that stripping tags leaves it alone; decoded with the other entities.
  return `${inner} &lt;${raw}&gt;`;
}

/** Readable plain text of an HTML body. */
export function htmlToText(html: string): string {
  const text = bodyPart(html)
    .replace(/<head\b[\s\S]*?<\/head\s*>/gi, '')
    .replace(/<(style|script|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    // Raw whitespace in HTML is insignificant: collapse it before tags turn into line breaks.
    .replace(/[ \t\r\n\f]+/g, ' ')
    .replace(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi, (_m, attrs: string, inner: string) => linkText(attrs, inner))
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, `${BOUNDARY}- `)
    .replace(new RegExp(`</?(?:${BLOCK_TAGS}|li)\\b[^>]*>`, 'gi'), BOUNDARY)
    // Adjacent block edges (</div><p>) make one line break, not one each.
    .replace(new RegExp(`([ \\t]*${BOUNDARY}[ \\t]*)+`, 'g'), '\n')
    .replace(/<\/t[dh]\s*>/gi, ' ')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `fragment` placed at the end of the HTML body (before </body> when there is one). */
export function appendToHtmlBody(html: string, fragment: string): string {
  const close = html.search(/<\/body\s*>/i);
  return close >= 0 ? html.slice(0, close) + fragment + html.slice(close) : html + fragment;
}
