import ICAL from 'ical.js';
import { unescapeIcalText } from './lex-text.js';

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

const DATE_TIME = /^\d{8}T\d{6}$/;
const DATE_TIME_UTC = /^\d{8}T\d{6}Z$/;
const UTC_OFFSET = /^[+-]\d{4}$/;
/**
 * The yearly rules VTIMEZONE observances are written with, in values ical.js's Recur parser
 * accepts (its BYMONTH/BYMONTHDAY ranges, its BYDAY pattern) so it cannot throw on them.
 */
const YEARLY_RULE =
  /^FREQ=YEARLY(?:;(?:BYMONTH=(?:1[0-2]|[1-9])|BYDAY=(?:-?[1-5])?(?:SU|MO|TU|WE|TH|FR|SA)|BYMONTHDAY=-?(?:3[01]|[12]\d|[1-9])|UNTIL=\d{8}T\d{6}Z))*$/;

/** Property lines allowed in the VTIMEZONE itself (depth 0) and in its observances (depth 1), by name. */
const ZONE_LINES: Readonly<Record<string, RegExp | undefined>> = { 'TZID': /^/, 'X-LIC-LOCATION': /^/, 'LAST-MODIFIED': DATE_TIME_UTC };
const OBSERVANCE_LINES: Readonly<Record<string, RegExp | undefined>> = {
  'TZNAME': /^/,
  'TZOFFSETFROM': UTC_OFFSET,
  'TZOFFSETTO': UTC_OFFSET,
  'DTSTART': DATE_TIME,
  'RRULE': YEARLY_RULE,
};

/**
 * If a simple VTIMEZONE starts at text[start] (at "BEGIN:VTIMEZONE"), the index right after its
 * END line and its TZID; else undefined. Lines end at LF with one CR before it dropped, as
 * ical.js reads them.
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
    const line = text.slice(pos, text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline);
    pos = newline + 1;
    if (depth === -1) {
      if (line !== 'BEGIN:VTIMEZONE') return undefined;
      depth = 0;
      continue;
    }
    if (line === 'END:VTIMEZONE' && depth === 0) return { end: pos, tzid };
    if (depth === 0 && (line === 'BEGIN:STANDARD' || line === 'BEGIN:DAYLIGHT')) depth = 1;
    else if (depth === 1 && (line === 'END:STANDARD' || line === 'END:DAYLIGHT')) depth = 0;
    else {
      // NAME:value with a name of capitals and "-" (no parameters: the first ";" or ":" is this ":").
      let colon = 0;
      while (colon < line.length && isNameChar(line.charCodeAt(colon))) colon++;
      if (colon === 0 || line.charCodeAt(colon) !== 58) return undefined;
      const name = line.slice(0, colon);
      const shape = (depth === 0 ? ZONE_LINES : OBSERVANCE_LINES)[name];
      const value = line.slice(colon + 1);
      if (!shape || !shape.test(value)) return undefined;
      if (name === 'TZID' && tzid === undefined) tzid = unescapeIcalText(value);
    }
  }
}

const isNameChar = (c: number): boolean => (c >= 65 && c <= 90) || c === 45;

/**
 * The text of a kept VTIMEZONE as ical.js's Component writes it (what Component.toString() gives
 * for the one lexing would have made), for resolving a TZID by its rules.
 */
export function skippedZoneText(zone: SkippedZone): string {
  const calendar = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${zone.text}END:VCALENDAR\r\n`) as unknown[]);
  return calendar.getFirstSubcomponent('vtimezone')!.toString();
}
