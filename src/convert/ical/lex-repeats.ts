import type { JcalProperty } from './lex.js';

/** Shorter lines are lexed again: a lookup costs about as much. */
const MIN_LENGTH = 24;

/** A line seen earlier in the object: its text and jCal; `next` chains lines of the same fingerprint. */
interface SeenLine {
  readonly text: string;
  readonly prop: JcalProperty;
  readonly next: SeenLine | undefined;
}

/**
 * A cheap fingerprint of src[start, end): its length and eight characters spread over it. Hashing
 * whole lines (a Map keyed by their text) costs as much as lexing the short ones again; a match
 * is confirmed by comparing the text.
 */
function fingerprint(src: string, start: number, end: number): number {
  const length = end - start;
  const step = length >> 3;
  let hash = length;
  for (let i = start + step; i < end; i += step) hash = (Math.imul(hash, 31) + src.charCodeAt(i)) | 0;
  return hash;
}

/**
 * For read-only lexing of one object (lex.ts, given `skipped`): a long property line that a later
 * VEVENT repeats word for word (an override repeats its master's description, HTML, organizer,
 * attendees and alarm) shares the jCal decoded for its first appearance instead of being decoded
 * again; the same line always lexes to the same jCal. Lines of the first VEVENT are only noted by
 * position and filed when a second VEVENT begins, so an object with one VEVENT pays nothing more.
 * Never kept beyond the object.
 */
export class RepeatedLines {
  private vevents = 0;
  private noted: { src: string; start: number; end: number; prop: JcalProperty }[] = [];
  private readonly seen = new Map<number, SeenLine>();

  static worthLookingUp(start: number, end: number): boolean {
    return end - start >= MIN_LENGTH;
  }

  /** A component named `name` was opened. */
  began(name: string): void {
    if (name !== 'vevent' || ++this.vevents !== 2) return;
    for (const n of this.noted) this.file(n.src, n.start, n.end, n.prop);
    this.noted = [];
  }

  /** The jCal of a line equal to src[start, end) lexed earlier, once a second VEVENT has begun. */
  find(src: string, start: number, end: number): JcalProperty | undefined {
    if (this.vevents < 2) return undefined;
    const length = end - start;
    for (let line = this.seen.get(fingerprint(src, start, end)); line; line = line.next) {
      if (line.text.length === length && src.startsWith(line.text, start)) return line.prop;
    }
    return undefined;
  }

  /** `prop` was lexed from src[start, end), a line find() did not know. */
  note(src: string, start: number, end: number, prop: JcalProperty): void {
    if (this.vevents < 2) this.noted.push({ src, start, end, prop });
    else this.file(src, start, end, prop);
  }

  private file(src: string, start: number, end: number, prop: JcalProperty): void {
    const hash = fingerprint(src, start, end);
    this.seen.set(hash, { text: src.slice(start, end), prop, next: this.seen.get(hash) });
  }
}
