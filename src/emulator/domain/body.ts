import type { GraphItemBody } from '../../graph/types.js';

/**
 * Event bodies. Exchange stores HTML wrapped into a full document (graph-api.md §2, sample 02) and
 * converts on read: "Prefer: outlook.body-content-type" picks text or html; without it the body is
 * returned as HTML (MGDC:api-reference/v1.0/api/event-get.md, Prefer header table).
 */

export type BodyType = GraphItemBody['contentType'];

export function wrapHtml(content: string): string {
  if (content === '' || /^\s*<html[\s>]/i.test(content)) return content;
  return `<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n${content}\r\n</body>\r\n</html>\r\n`;
}

const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

export function htmlToText(html: string): string {
  return html
    .replace(/<head[\s\S]*?<\/head>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(nbsp|lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e]!)
    .replace(/\r\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function textToHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return wrapHtml(escaped === '' ? '' : `<div>${escaped.replace(/\r?\n/g, '<br>\r\n')}</div>`);
}

/** The body as a reader asked for it. */
export function bodyAs(body: GraphItemBody, wanted: BodyType): GraphItemBody {
  if (body.contentType === wanted) return { ...body };
  return wanted === 'text'
    ? { contentType: 'text', content: htmlToText(body.content) }
    : { contentType: 'html', content: textToHtml(body.content) };
}

/** bodyPreview: the start of the body as plain text (at most 255 characters). */
export function bodyPreview(body: GraphItemBody): string {
  const text = body.contentType === 'html' ? htmlToText(body.content) : body.content.trim();
  return text.slice(0, 255);
}
