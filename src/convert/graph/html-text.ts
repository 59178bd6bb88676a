import { bodyCloseAt, bodyContentStart } from './html-body.js';
import { decodeEntities } from './html-entities.js';
import { BLOCK_TAGS, BOUNDARY, linkText, SPACE_RUN_RE } from './html-rules.js';
import { scanSimpleHtml } from './html-scan.js';

/**
 * Graph bodies are HTML by default (Outlook wraps even plain text in `<html><head>…</head><body>`),
 * while iCalendar DESCRIPTION is plain text. This turns HTML into readable text: block elements and
 * <br> become line breaks, links keep their target, entities are decoded, the boilerplate head goes.
 * Not a full HTML parser: calendar bodies are simple, and the HTML itself is kept in X-ALT-DESC.
 */

function bodyPart(html: string): string {
  const from = bodyContentStart(html);
  const close = bodyCloseAt(html, from);
  return close >= 0 ? html.slice(from, close) : html.slice(from);
}

const HEAD_RE = /<head\b[\s\S]*?<\/head\s*>/gi;
const RAW_TEXT_RE = /<(style|script|title)\b[\s\S]*?<\/\1\s*>/gi;
const COMMENT_RE = /<!--[\s\S]*?-->/g;
const LINK_RE = /<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi;
const BR_RE = /<br\b[^>]*>/gi;
const LI_RE = /<li\b[^>]*>/gi;
const BLOCK_RE = new RegExp(`</?(?:${BLOCK_TAGS}|li)\\b[^>]*>`, 'gi');
const BOUNDARIES_RE = new RegExp(`([ \\t]*${BOUNDARY}[ \\t]*)+`, 'g');
const CELL_END_RE = /<\/t[dh]\s*>/gi;
const TAG_RE = /<[^>]*>/g;
/** Within a line, runs of blanks become one space (a lone space already is one). */
const BLANKS_RE = / [ \t\u00a0]+|[\t\u00a0][ \t\u00a0]*/g;

/**
 * BLANKS_RE's collapse, skipped (as a no-op) for text that holds no run it would change. `spacePairs`
 * false: the text is known to hold no two spaces in a row, the costliest of the three to look for.
 */
const collapseBlanks = (t: string, spacePairs: boolean): string =>
  (spacePairs && t.includes('  ')) || t.includes('\t') || t.includes('\u00a0') ? t.replace(BLANKS_RE, ' ') : t;

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

/**
 * The last HTML read and its text. One object's HTML is read several times in a row: reading an ICS
 * object judges X-ALT-DESC by its text (read-html.ts), writing it to Graph judges it again
 * (fields-to-graph.ts), and the sync engine's fingerprint once more. The text is a function of the
 * HTML alone, so the memo can never be stale; one entry costs one string comparison per call.
 */
let lastHtml: string | undefined;
let lastText = '';

/** Readable plain text of an HTML body. */
export function htmlToText(html: string): string {
  if (html !== lastHtml) {
    lastText = readText(html);
    lastHtml = html;
  }
  return lastText;
}

function readText(html: string): string {
  const part = bodyPart(html);
  const scanned = scanSimpleHtml(part);
  const text = scanned?.text ?? tagPasses(part);
  const decoded = decodeEntities(text);
  // What the scan knows of its text holds while no entity was decoded; decoding only shortens (every
  // reference is longer than its text), so the same length is the same text.
  const known = scanned !== undefined && decoded.length === text.length ? scanned : undefined;
  const blanks = collapseBlanks(decoded, known?.spacePairs ?? true);
  // Blanks at the very start or end are left to the final trim.
  const lines = known?.blankLineEdges === false ? blanks : trimLines(blanks);
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
