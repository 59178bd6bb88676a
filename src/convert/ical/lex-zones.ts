import ICAL from 'ical.js';
import { unescapeText } from './text-escape.js';

/**
 * VTIMEZONEs left unread. Reading an event only needs a VTIMEZONE when its TZID does not name a
 * zone by itself (read-time.ts), which the zones real clients send almost always do; yet lexing
 * their observances (RRULEs, offsets, date-times) is a fifth of the lexer's work. So a VTIMEZONE
 * at the top of the VCALENDAR whose every line has one of the simple shapes below is kept as text
 * and lexed only when asked for. The shapes are chosen so that ICAL.parse could neither reject the
 * block nor read it differently than lex.ts does: any other line (parameters, folds, blank lines,
 * lower case, values its decoders might refuse) makes the lexer read the block as before.
 */

/** A root VTIMEZONE kept as text; `position` is the index it would have among the root's subcomponents. */
export interface SkippedZone {
  /** Its own TZID value as ical.js decodes it (TEXT, RFC 5545 §3.3.11), when it has one. */
  readonly tzid: string | undefined;
  readonly text: string;
  readonly position: number;
}

/** Whether text[from, to) has a value shape ical.js's decoder for that property reads without fail. */
type Shape = (text: string, from: number, to: number) => boolean;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const digits = (text: string, from: number, to: number): boolean => {
  for (let i = from; i < to; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
};
const anyValue: Shape = () => true;
/** 19700329T020000 */
const dateTime: Shape = (t, from, to) => to - from === 15 && digits(t, from, from + 8) && t.charCodeAt(from + 8) === 84 && digits(t, from + 9, to);
/** 20260715T220651Z */
const dateTimeUtc: Shape = (t, from, to) => to - from === 16 && t.charCodeAt(to - 1) === 90 && dateTime(t, from, to - 1);
/** +0100 */
const utcOffset: Shape = (t, from, to) => to - from === 5 && (t.charCodeAt(from) === 43 || t.charCodeAt(from) === 45) && digits(t, from + 1, to);
/**
 * The yearly rules VTIMEZONE observances are written with, in values ical.js's Recur parser
 * accepts (its BYMONTH/BYMONTHDAY ranges, its BYDAY pattern) so it cannot throw on them.
 */
const YEARLY_RULE =
  /^FREQ=YEARLY(?:;(?:BYMONTH=(?:1[0-2]|[1-9])|BYDAY=(?:-?[1-5])?(?:SU|MO|TU|WE|TH|FR|SA)|BYMONTHDAY=-?(?:3[01]|[12]\d|[1-9])|UNTIL=\d{8}T\d{6}Z))*$/;
const yearlyRule: Shape = (t, from, to) => YEARLY_RULE.test(t.slice(from, to));

/** Property lines allowed in the VTIMEZONE itself (depth 0) and in its observances (depth 1): "NAME:" and value shape. */
const ZONE_LINES: readonly (readonly [string, Shape])[] = [['TZID:', anyValue], ['X-LIC-LOCATION:', anyValue], ['LAST-MODIFIED:', dateTimeUtc]];
const OBSERVANCE_LINES: readonly (readonly [string, Shape])[] = [
  ['TZNAME:', anyValue],
  ['TZOFFSETFROM:', utcOffset],
  ['TZOFFSETTO:', utcOffset],
  ['DTSTART:', dateTime],
  ['RRULE:', yearlyRule],
];

/**
 * The entry of `lines` whose "NAME:" the line at text[from, to) starts with. Within each list the
 * names differ in length, so the first ":" tells which one it can be.
 */
function lineShape(lines: readonly (readonly [string, Shape])[], text: string, from: number, to: number): readonly [string, Shape] | undefined {
  const colon = text.indexOf(':', from);
  if (colon === -1 || colon >= to) return undefined;
  for (const line of lines) if (line[0].length === colon + 1 - from) return text.startsWith(line[0], from) ? line : undefined;
  return undefined;
}

/** Whether text[from, to) is exactly `line`. */
const lineIs = (text: string, from: number, to: number, line: string): boolean => to - from === line.length && text.startsWith(line, from);

/**
 * If a simple VTIMEZONE starts at text[start] (at "BEGIN:VTIMEZONE"), the index right after its
 * END line and its TZID; else undefined. Lines end at LF with one CR before it dropped, as
 * ical.js reads them. Read in place, without cutting lines out of the text.
 */
export function simpleVtimezoneAt(text: string, start: number): { end: number; tzid: string | undefined } | undefined {
  if (!text.startsWith('BEGIN:VTIMEZONE', start)) return undefined;
  let tzid: string | undefined;
  let depth = -1;
  let pos = start;
  for (;;) {
    const newline = text.indexOf('\n', pos);
    // The line after each line must exist and not continue it (RFC 5545 §3.1 folding).
    if (newline === -1 || newline + 1 >= text.length) return undefined;
    const follower = text.charCodeAt(newline + 1);
    if (follower === 32 || follower === 9) return undefined;
    const from = pos;
    const to = newline > from && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    pos = newline + 1;
    if (depth === -1) {
      if (!lineIs(text, from, to, 'BEGIN:VTIMEZONE')) return undefined;
      depth = 0;
    } else if (depth === 0 && lineIs(text, from, to, 'END:VTIMEZONE')) {
      return { end: pos, tzid };
    } else if (depth === 0 && (lineIs(text, from, to, 'BEGIN:STANDARD') || lineIs(text, from, to, 'BEGIN:DAYLIGHT'))) {
      depth = 1;
    } else if (depth === 1 && (lineIs(text, from, to, 'END:STANDARD') || lineIs(text, from, to, 'END:DAYLIGHT'))) {
      depth = 0;
    } else {
      const shape = lineShape(depth === 0 ? ZONE_LINES : OBSERVANCE_LINES, text, from, to);
      if (!shape || !shape[1](text, from + shape[0].length, to)) return undefined;
      if (shape[0] === 'TZID:' && tzid === undefined) tzid = unescapeText(text.slice(from + 5, to));
    }
  }
}

/**
 * The text of a kept VTIMEZONE as ical.js's Component writes it (what Component.toString() gives
 * for the one lexing would have made), for resolving a TZID by its rules.
 */
export function skippedZoneText(zone: SkippedZone): string {
  const calendar = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${zone.text}END:VCALENDAR\r\n`) as unknown[]);
  return calendar.getFirstSubcomponent('vtimezone')!.toString();
}
