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

const HEAD_RE = /<head\b[\s\S]*?<\/head\s*>/gi;
const RAW_TEXT_RE = /<(style|script|title)\b[\s\S]*?<\/\1\s*>/gi;
const COMMENT_RE = /<!--[\s\S]*?-->/g;
/**
 * Runs of HTML whitespace other than a lone space (which would stay as it is): matching every gap
 * between words made this pass the slowest of all.
 */
const SPACE_RUN_RE = /[\t\r\n\f][ \t\r\n\f]*| [ \t\r\n\f]+/g;
const LINK_RE = /<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi;
const BR_RE = /<br\b[^>]*>/gi;
const LI_RE = /<li\b[^>]*>/gi;
const BLOCK_RE = new RegExp(`</?(?:${BLOCK_TAGS}|li)\\b[^>]*>`, 'gi');
const BOUNDARIES_RE = new RegExp(`([ \\t]*${BOUNDARY}[ \\t]*)+`, 'g');
const CELL_END_RE = /<\/t[dh]\s*>/gi;
const TAG_RE = /<[^>]*>/g;
/** Within a line, runs of blanks become one space (a lone space already is one). */
const BLANKS_RE = / [ \t\u00a0]+|[\t\u00a0][ \t\u00a0]*/g;

/** Every line trimmed, without splitting the text into an array of lines. */
function trimLines(s: string): string {
  let out = '';
  for (let from = 0; ; ) {
    const nl = s.indexOf('\n', from);
    out += (nl < 0 ? s.slice(from) : s.slice(from, nl)).trim();
    if (nl < 0) return out;
    out += '\n';
    from = nl + 1;
  }
}

/** Readable plain text of an HTML body. */
export function htmlToText(html: string): string {
  const text = bodyPart(html)
    .replace(HEAD_RE, '')
    .replace(RAW_TEXT_RE, '')
    .replace(COMMENT_RE, '')
    // Raw whitespace in HTML is insignificant: collapse it before tags turn into line breaks.
    .replace(SPACE_RUN_RE, ' ')
    .replace(LINK_RE, (_m, attrs: string, inner: string) => linkText(attrs, inner))
    .replace(BR_RE, '\n')
    .replace(LI_RE, `${BOUNDARY}- `)
    .replace(BLOCK_RE, BOUNDARY)
    // Adjacent block edges (</div><p>) make one line break, not one each.
    .replace(BOUNDARIES_RE, '\n')
    .replace(CELL_END_RE, ' ')
    .replace(TAG_RE, '');
  return trimLines(decodeEntities(text).replace(BLANKS_RE, ' '))
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
