import { decodeEntities } from './html-entities.js';

/**
 * What both readings of HTML as text (html-text.ts's regex passes and html-scan.ts's one scan) share:
 * a differential test holds them equal, so each rule is written once, here.
 */

/** Marks a block element's edge until adjacent edges are merged. */
export const BOUNDARY = '\u0000';

export const BLOCK_TAGS =
  'p|div|ul|ol|table|tr|h[1-6]|blockquote|pre|hr|section|article|header|footer|address|dl|dt|dd|center';

/**
 * Runs of HTML whitespace other than a lone space (which would stay as it is): matching every gap
 * between words made this pass the slowest of all.
 */
export const SPACE_RUN_RE = /[\t\r\n\f][ \t\r\n\f]*| [ \t\r\n\f]+/g;

/**
 * A link keeps its target after the text, as Outlook's own text rendering does ("Join<https://…>"):
 * the raw href to append, or undefined when the text already says it (or it is no web/mail link).
 */
export function linkTarget(attrs: string, inner: string): string | undefined {
  const href = /\bhref\s*=\s*("([^"]*)"|'([^']*)')/i.exec(attrs);
  const raw = href?.[2] ?? href?.[3] ?? '';
  const target = decodeEntities(raw);
  const text = decodeEntities(inner.replace(/<[^>]*>/g, '')).trim();
  if (!/^(https?:|mailto:)/i.test(target) || text === target || `mailto:${text}` === target) return undefined;
  return raw;
}

/** The target is written escaped, so that stripping tags leaves it alone; decoded with the other entities. */
export const linkSuffix = (raw: string): string => `&lt;${raw}&gt;`;

export function linkText(attrs: string, inner: string): string {
  const raw = linkTarget(attrs, inner);
  return raw === undefined ? inner : `${inner} ${linkSuffix(raw)}`;
}
