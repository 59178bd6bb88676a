import { BLOCK_TAGS, BOUNDARY, linkSuffix, linkTarget, SPACE_RUN_RE } from './html-rules.js';

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
export function scanSimpleHtml(s: string): ScannedText | undefined {
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

export interface ScannedText {
  readonly text: string;
  /**
   * False when the text holds no two spaces in a row. Looking for them costs a look at every space of
   * the text (indexOf stops at each); the scan knows it from the few places where spaces meet.
   */
  readonly spacePairs: boolean;
  /** False when no line break has a blank (whitespace but LF) next to it: no line needs trimming inside. */
  readonly blankLineEdges: boolean;
}

const NON_ASCII_SPACE_RE = /\s/;
/** Whitespace as trim() sees it (the regexes' \s), LF left out. */
const isLineBlank = (c: number): boolean =>
  c === 32 || c === 9 || c === 11 || c === 12 || c === 13 || (c >= 0x80 && NON_ASCII_SPACE_RE.test(String.fromCharCode(c)));

/**
 * The scan's output: spaces are held back, since an edge that follows swallows them. The pieces given
 * to text() hold no two spaces in a row and no LF unless they are one (runs are collapsed first, a link
 * target is collapsed, the rest are fixed strings), so pairs of spaces, and blanks next to a line
 * break, can only form where pieces meet.
 */
class TextOut {
  private out = '';
  private spaces = 0;
  private afterEdge = false;
  private endsWithSpace = false;
  private endsWithBlank = false;
  private endsWithLf = false;
  private spacePairs = false;
  private blankLineEdges = false;

  text(t: string): void {
    if (this.spaces > 0) {
      if (this.spaces > 1) this.spacePairs = true;
      this.put(' '.repeat(this.spaces));
    }
    this.put(t);
    this.spaces = 0;
    this.afterEdge = false;
  }

  private put(t: string): void {
    if (t.length === 0) return;
    const first = t.charCodeAt(0);
    if (this.endsWithSpace && first === 32) this.spacePairs = true;
    if (first === 10 ? this.endsWithBlank : this.endsWithLf && isLineBlank(first)) this.blankLineEdges = true;
    this.out += t;
    const last = t.charCodeAt(t.length - 1);
    this.endsWithSpace = last === 32;
    this.endsWithBlank = isLineBlank(last);
    this.endsWithLf = last === 10;
  }

  space(): void {
    if (!this.afterEdge) this.spaces += 1;
  }

  /** A block edge: one line break for a run of edges with only spaces between. */
  edge(): void {
    if (!this.afterEdge) this.put('\n');
    this.spaces = 0;
    this.afterEdge = true;
  }

  done(): ScannedText {
    this.text('');
    return { text: this.out, spacePairs: this.spacePairs, blankLineEdges: this.blankLineEdges };
  }
}
