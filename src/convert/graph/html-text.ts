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

const BODY_OPEN_RE = /<body\b[^>]*>/i;
const BODY_CLOSE_RE = /<\/body\s*>/gi;

function bodyPart(html: string): string {
  const open = BODY_OPEN_RE.exec(html);
  const from = open ? open.index + open[0].length : 0;
  BODY_CLOSE_RE.lastIndex = from;
  const close = BODY_CLOSE_RE.exec(html);
  return close ? html.slice(from, close.index) : html.slice(from);
}

/**
 * A link keeps its target after the text, as Outlook's own text rendering does ("Join<https://…>"):
 * the raw href to append, or undefined when the text already says it (or it is no web/mail link).
 */
function linkTarget(attrs: string, inner: string): string | undefined {
  const href = /\bhref\s*=\s*("([^"]*)"|'([^']*)')/i.exec(attrs);
  const raw = href?.[2] ?? href?.[3] ?? '';
  const target = decodeEntities(raw);
  const text = decodeEntities(inner.replace(/<[^>]*>/g, '')).trim();
  if (!/^(https?:|mailto:)/i.test(target) || text === target || `mailto:${text}` === target) return undefined;
  return raw;
}

/** The target is written escaped, so that stripping tags leaves it alone; decoded with the other entities. */
const linkSuffix = (raw: string): string => `&lt;${raw}&gt;`;

function linkText(attrs: string, inner: string): string {
  const raw = linkTarget(attrs, inner);
  return raw === undefined ? inner : `${inner} ${linkSuffix(raw)}`;
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

/** BLANKS_RE's collapse, skipped (as a no-op) for text that holds no run it would change. */
const collapseBlanks = (t: string): string => (t.includes('  ') || t.includes('\t') || t.includes('\u00a0') ? t.replace(BLANKS_RE, ' ') : t);

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
  const part = bodyPart(html);
  const text = scanSimpleHtml(part) ?? tagPasses(part);
  const lines = trimLines(collapseBlanks(decodeEntities(text)));
  // The regex only for text that holds a run it would change.
  return (lines.includes('\n\n\n') ? lines.replace(/\n{3,}/g, '\n\n') : lines).trim();
}

/** The general reading, one regex pass per rule: tags and source whitespace → text with line breaks. */
function tagPasses(part: string): string {
  return part
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
}

const BLOCK_NAMES: ReadonlySet<string> = new Set(BLOCK_TAGS.replace('h[1-6]', 'h1|h2|h3|h4|h5|h6').split('|'));
/** Elements whose content the general reading drops (HEAD_RE, RAW_TEXT_RE): left to it. */
const DROPPED_NAMES: ReadonlySet<string> = new Set(['head', 'style', 'script', 'title']);
const LINK_CLOSE_RE = /<\/a\s*>/gi;
const ALL_SPACE_RE = /^\s*$/;

/**
 * SPACE_RUN_RE's collapse: whitespace alone (the line breaks between tags) is one space, and the regex
 * is skipped (as a no-op) for text whose only whitespace is lone spaces.
 */
function collapseSpaces(t: string): string {
  if (t.length > 0 && isAllHtmlSpace(t)) return ' ';
  return t.includes('  ') || t.includes('\n') || t.includes('\r') || t.includes('\t') || t.includes('\f') ? t.replace(SPACE_RUN_RE, ' ') : t;
}

function isAllHtmlSpace(t: string): boolean {
  for (let i = 0; i < t.length; i++) if (!isHtmlSpace(t.charCodeAt(i))) return false;
  return true;
}

const isHtmlSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlnum = (c: number): boolean => isLetter(c) || (c >= 48 && c <= 57);

interface SimpleTag {
  readonly close: boolean;
  readonly name: string;
  /** What follows the name up to '>'. */
  readonly tail: string;
  /** Index just after '>'. */
  readonly end: number;
}

/** The tag at s[i] ('<'), when it is `<name …>` or `</name …>` with no '<' before its '>'. */
function simpleTag(s: string, i: number): SimpleTag | undefined {
  const close = s.charCodeAt(i + 1) === 47;
  const from = close ? i + 2 : i + 1;
  let j = from;
  while (isAlnum(s.charCodeAt(j))) j++;
  if (j === from || !isLetter(s.charCodeAt(from))) return undefined;
  const next = s.charCodeAt(j);
  // The name must end where the regexes' \b ends it, and on a character the general reading sees alike.
  if (next !== 62 && next !== 47 && !isHtmlSpace(next)) return undefined;
  const gt = s.indexOf('>', j);
  const lt = s.indexOf('<', j);
  if (gt < 0 || (lt >= 0 && lt < gt)) return undefined;
  return { close, name: s.slice(from, j).toLowerCase(), tail: s.slice(j, gt), end: gt + 1 };
}

/**
 * tagPasses in one scan, for the HTML calendar bodies are made of: every '<' opens a simple tag, no
 * head/style/script/title, no comment, no nested link. Undefined for anything else, which goes to
 * tagPasses (a differential property test holds the two equal: test/convert/graph/html-text.test.ts).
 * Block edges merge as BOUNDARIES_RE merges them: spaces next to an edge go, and edges with only
 * spaces between make one line break; any other tag, even one that vanishes, keeps edges apart.
 */
export function scanSimpleHtml(s: string): string | undefined {
  if (s.includes(BOUNDARY)) return undefined;
  const out = new TextOut();
  let linkClose = -1;
  let linkCloseEnd = -1;
  let suffix: string | undefined;
  for (let i = 0; i < s.length; ) {
    if (s.charCodeAt(i) !== 60) {
      const lt = s.indexOf('<', i);
      const j = lt < 0 ? s.length : lt;
      const run = collapseSpaces(s.slice(i, j));
      const lead = run.charCodeAt(0) === 32 ? 1 : 0;
      const trail = run.length > lead && run.charCodeAt(run.length - 1) === 32 ? 1 : 0;
      if (lead) out.space();
      if (run.length - trail > lead) out.text(run.slice(lead, run.length - trail));
      if (trail) out.space();
      i = j;
      continue;
    }
    if (i === linkClose) {
      // The link's tags vanish; its target follows its text.
      if (suffix !== undefined) {
        out.space();
        out.text(linkSuffix(suffix));
      }
      i = linkCloseEnd;
      linkClose = -1;
      continue;
    }
    const tag = simpleTag(s, i);
    if (!tag || DROPPED_NAMES.has(tag.name)) return undefined;
    i = tag.end;
    if (tag.name === 'a' && !tag.close) {
      if (linkClose >= 0) return undefined;
      LINK_CLOSE_RE.lastIndex = tag.end;
      const close = LINK_CLOSE_RE.exec(s);
      if (!close) {
        out.text('');
        continue;
      }
      linkClose = close.index;
      linkCloseEnd = close.index + close[0].length;
      suffix = linkTarget(tag.tail.replace(SPACE_RUN_RE, ' '), s.slice(tag.end, close.index).replace(SPACE_RUN_RE, ' '));
    } else if (tag.name === 'br' && !tag.close) {
      out.text('\n');
    } else if (tag.name === 'li' && !tag.close) {
      out.edge();
      out.text('-');
      out.space();
    } else if (tag.name === 'li' || BLOCK_NAMES.has(tag.name)) {
      out.edge();
    } else if (tag.close && (tag.name === 'td' || tag.name === 'th') && ALL_SPACE_RE.test(tag.tail)) {
      out.text(' ');
    } else {
      // Stripped later in the general reading, but present while edges merge: it keeps them apart.
      out.text('');
    }
  }
  return out.done();
}

/** The scan's output: spaces are held back, since an edge that follows swallows them. */
class TextOut {
  private out = '';
  private spaces = 0;
  private afterEdge = false;

  text(t: string): void {
    this.out += this.spaces === 0 ? t : `${' '.repeat(this.spaces)}${t}`;
    this.spaces = 0;
    this.afterEdge = false;
  }

  space(): void {
    if (!this.afterEdge) this.spaces += 1;
  }

  /** A block edge: one line break for a run of edges with only spaces between. */
  edge(): void {
    if (!this.afterEdge) this.out += '\n';
    this.spaces = 0;
    this.afterEdge = true;
  }

  done(): string {
    return this.out + ' '.repeat(this.spaces);
  }
}

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `fragment` placed at the end of the HTML body (before </body> when there is one). */
export function appendToHtmlBody(html: string, fragment: string): string {
  const close = html.search(/<\/body\s*>/i);
  return close >= 0 ? html.slice(0, close) + fragment + html.slice(close) : html + fragment;
}
