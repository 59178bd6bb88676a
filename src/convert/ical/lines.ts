/**
 * Physical line numbers for content lines, because ical.js's parser does not keep them and an
 * error should point at the line a user can open. Lines are unfolded (RFC 5545 §3.1): a line
 * starting with a space or tab continues the previous one and keeps the previous one's number.
 */

export interface ContentLine {
  /** 1-based physical line where the content line starts. */
  readonly line: number;
  readonly text: string;
}

export function unfoldLines(text: string): ContentLine[] {
  const out: { line: number; text: string }[] = [];
  text.split(/\r\n|\n|\r/).forEach((physical, i) => {
    const last = out[out.length - 1];
    if ((physical.startsWith(' ') || physical.startsWith('\t')) && last) last.text += physical.slice(1);
    else if (physical.length > 0) out.push({ line: i + 1, text: physical });
  });
  return out;
}

/**
 * For each VEVENT in document order, the line numbers of its own properties in order (not those
 * of nested VALARMs). ical.js keeps both orders, so index k of a VEVENT's getAllProperties()
 * starts at veventPropertyLines(text)[v][k].
 */
export function veventPropertyLines(text: string): number[][] {
  const result: number[][] = [];
  const stack: string[] = [];
  for (const { line, text: content } of unfoldLines(text)) {
    const begin = /^BEGIN:(.+)$/i.exec(content);
    const end = /^END:(.+)$/i.exec(content);
    if (begin) {
      stack.push(begin[1]!.trim().toUpperCase());
      if (stack[stack.length - 1] === 'VEVENT') result.push([]);
    } else if (end) {
      stack.pop();
    } else if (stack[stack.length - 1] === 'VEVENT') {
      result[result.length - 1]!.push(line);
    }
  }
  return result;
}

/** Line of the first content line containing `fragment`, for errors raised by ical.js's parser. */
export function lineContaining(text: string, fragment: string): number | undefined {
  return unfoldLines(text).find((l) => l.text.includes(fragment))?.line;
}
