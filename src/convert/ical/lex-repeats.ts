import type { JcalProperty } from './lex.js';

/** Shorter lines are lexed again: a lookup (a key cut out and hashed) costs about as much. */
const MIN_LENGTH = 24;

/**
 * For read-only lexing of one object (lex.ts, given `skipped`): a long property line that a later
 * VEVENT repeats word for word (an override repeats its master's description, HTML, organizer,
 * attendees and alarm) shares the jCal decoded for its first appearance instead of being decoded
 * again; the same line always lexes to the same jCal. Lines of the first VEVENT are only noted by
 * position and keyed when a second VEVENT begins, so an object with one VEVENT pays for no keys.
 * Never kept beyond the object.
 */
export class RepeatedLines {
  private vevents = 0;
  private noted: { src: string; start: number; end: number; prop: JcalProperty }[] = [];
  private readonly byText = new Map<string, JcalProperty>();
  /** The key of the last line find() did not know, which note() then records. */
  private missed: string | undefined;

  static worthLookingUp(start: number, end: number): boolean {
    return end - start >= MIN_LENGTH;
  }

  /** A component named `name` was opened. */
  began(name: string): void {
    if (name !== 'vevent' || ++this.vevents !== 2) return;
    for (const n of this.noted) this.byText.set(n.src.slice(n.start, n.end), n.prop);
    this.noted = [];
  }

  /** The jCal of a line equal to src[start, end) lexed earlier, once a second VEVENT has begun. */
  find(src: string, start: number, end: number): JcalProperty | undefined {
    if (this.vevents < 2) return undefined;
    const key = src.slice(start, end);
    const known = this.byText.get(key);
    this.missed = known ? undefined : key;
    return known;
  }

  /** `prop` was lexed from src[start, end), a line find() did not know. */
  note(src: string, start: number, end: number, prop: JcalProperty): void {
    if (this.vevents < 2) this.noted.push({ src, start, end, prop });
    else this.byText.set(this.missed ?? src.slice(start, end), prop);
    this.missed = undefined;
  }
}
