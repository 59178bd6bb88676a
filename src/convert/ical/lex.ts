import { DESIGN, nameAt, scanName, scanned, type NameInfo } from './lex-names.js';
import { recurFromIcal } from './lex-recur.js';
import { dateTimeFromIcal } from './lex-text.js';
import { unescapeText } from './text-escape.js';
import { simpleVtimezoneAt, type SkippedZone } from './lex-zones.js';

/**
 * A fast reader of iCalendar text into jCal (RFC 7265), for the shapes real clients write. It gives
 * exactly what ICAL.parse gives, so ical.js's Component, Time and Recur API works on the result as
 * before; values are decoded by ICAL.design's own tables (TEXT by an equal loop, text-escape.ts).
 * Anything outside the plain grammar (malformed lines, multi-valued parameters, text before BEGIN,
 * unclosed components, vCard) returns undefined: the caller then lets ICAL.parse read it, which
 * also produces its usual errors. Proven equal to ICAL.parse by test/convert/ical/lex.test.ts.
 */

/** One property in jCal: name, parameters, value type, values. */
export type JcalProperty = [string, Record<string, unknown>, string, ...unknown[]];
/** One component in jCal: name, properties, subcomponents. */
export type JcalComponent = [string, JcalProperty[], JcalComponent[]];

/** Thrown inside the lexer when the input leaves the plain grammar; never escapes this file. */
class NotPlain extends Error {}

/** RFC 6868 escapes in parameter values, decoded as ical.js does. */
const RFC6868 = /\^['n^]/g;
const RFC6868_MAP: Readonly<Record<string, string>> = { "^'": '"', '^n': '\n', '^^': '^' };

/**
 * The design's value decoders by type, as ical.js's _parseValue finds them (`type in value` and
 * `'fromICAL' in value[type]`); only own types have one, so a Map of them answers the same.
 */
const DECODERS = new Map(
  Object.entries(DESIGN.value).flatMap(([type, design]) => (design.fromICAL ? [[type, design.fromICAL.bind(design)] as const] : [])),
);

function decode(value: string, type: string, structured: string | boolean | undefined): unknown {
  if (type === 'text') return unescapeText(value);
  if (type === 'date-time' && (value.length === 15 || value.length === 16)) return dateTimeFromIcal(value);
  if (type === 'recur') return recurFromIcal(value);
  const fromICAL = DECODERS.get(type);
  return fromICAL ? fromICAL(value, structured) : value;
}

/** ical.js's unescapedIndexOf: a delimiter right after a backslash does not split. */
function unescapedIndexOf(buffer: string, search: string, from: number): number {
  let pos = from;
  while ((pos = buffer.indexOf(search, pos)) !== -1) {
    if (pos > 0 && buffer[pos - 1] === '\\') pos += 1;
    else return pos;
  }
  return -1;
}

/** Splits a multi-valued (or structured) value on unescaped `delim` and decodes each piece into `out`. */
function splitValues(buffer: string, delim: string, type: string, out: unknown[], structured: string | boolean): unknown[] {
  let last = 0;
  let pos: number;
  while ((pos = unescapedIndexOf(buffer, delim, last)) !== -1) {
    out.push(decode(buffer.slice(last, pos), type, structured));
    last = pos + 1;
  }
  out.push(decode(buffer.slice(last), type, structured));
  return out;
}

/**
 * What lexParams saw of VALUE: the property's value type, kept out of the parameter object rather
 * than added and deleted as ical.js does (same result; a delete would turn every such object into
 * a slow dictionary). One shared record, read right after each call.
 */
const valueParam: { type: unknown } = { type: undefined };

/**
 * Parameters from `src[start]` (a ";") on, up to `end` (the line's end), RFC 5545 §3.2: NAME=value
 * or NAME="value", decoded as ical.js does (RFC 6868, then the parameter's value type: TEXT unescapes
 * backslashes). Returns the index where ical.js starts looking for the ":" before the value.
 */
function lexParams(src: string, start: number, end: number, params: Record<string, unknown>): number {
  let i = start;
  valueParam.type = undefined;
  for (;;) {
    scanName(src, i + 1, end, 61 /* = */, 61, true);
    const eq = scanned.end;
    if (eq === -1 || eq === end || eq === i + 1) throw new NotPlain();
    const info = nameAt(src, i + 1, eq, scanned.hash);
    if (info.paramMultiValue) throw new NotPlain();
    let rawEnd: number;
    let valueStart: number;
    // Whether the value holds neither "^" nor a backslash: RFC 6868 and TEXT decoding then leave it as it is.
    let plain = false;
    if (src.charCodeAt(eq + 1) === 34 /* " */) {
      valueStart = eq + 2;
      rawEnd = src.indexOf('"', valueStart);
      if (rawEnd === -1 || rawEnd >= end) throw new NotPlain();
      i = rawEnd + 1;
    } else {
      valueStart = eq + 1;
      // An unquoted value runs to the next ";" or ":", whichever comes first.
      rawEnd = valueStart;
      plain = true;
      for (let c = src.charCodeAt(rawEnd); c !== 59 && c !== 58; c = src.charCodeAt(rawEnd)) {
        if (c === 94 /* ^ */ || c === 92 /* backslash */) plain = false;
        if (++rawEnd >= end) throw new NotPlain();
      }
      i = rawEnd;
    }
    const raw = src.slice(valueStart, rawEnd);
    const unescaped = !plain && raw.includes('^') ? raw.replace(RFC6868, (x) => RFC6868_MAP[x]!) : raw;
    const value = plain && info.paramType === 'text' ? raw : decode(unescaped, info.paramType, undefined);
    if (info.name === 'value') valueParam.type = value;
    else params[info.name] = value;
    const next = src.charCodeAt(i);
    if (next === 58 /* : */) {
      // ical.js looks for the value's ":" from the decoded length past the value's start, which
      // falls short by what decoding removed: repeat its arithmetic so the same ":" is found.
      if (typeof value !== 'string') throw new NotPlain();
      return valueStart + (raw.length - unescaped.length) + value.length;
    }
    if (next !== 59 /* ; */ || i >= end) throw new NotPlain();
  }
}

/** One property line, src[start, end), into `component`, as ical.js's _handleContentLine does. */
function lexProperty(src: string, end: number, info: NameInfo, nameEnd: number, withParams: boolean, component: JcalComponent): void {
  const params: Record<string, unknown> = {};
  let value: string;
  let typeParam: unknown;
  if (withParams) {
    const from = lexParams(src, nameEnd, end, params);
    typeParam = valueParam.type;
    // Mostly the ":" is right there (the last parameter's value ended at it).
    const valueColon = src.charCodeAt(from) === 58 ? from : src.indexOf(':', from);
    if (valueColon === -1 || valueColon >= end) throw new NotPlain();
    value = src.slice(valueColon + 1, end);
  } else {
    value = src.slice(nameEnd + 1, end);
  }
  const { name, multiValue, structured } = info;
  let type: string | undefined;
  if (info.detects && value) type = info.property!.detectType!(value);
  if (!type) type = typeParam !== undefined ? String(typeParam).toLowerCase() : info.defaultType;
  if (multiValue && structured) throw new NotPlain();
  if (multiValue) {
    const prop: JcalProperty = [name, params, type];
    splitValues(value, multiValue, type, prop, false);
    component[1].push(prop);
  } else if (structured) {
    const parts = splitValues(value, structured, type, [], structured);
    component[1].push([name, params, type, parts.length === 1 ? parts[0] : parts]);
  } else {
    component[1].push([name, params, type, decode(value, type, false)]);
  }
}

/**
 * The jCal of `text` as ICAL.parse gives it, or undefined when `text` is not plain (see above).
 * Given `skipped`, simple VTIMEZONEs at the top of the VCALENDAR go there as text instead of into
 * the jCal (lex-zones.ts); `skipped` is left empty when the result is undefined.
 */
export function lexCalendar(text: string, skipped?: SkippedZone[]): JcalComponent | JcalComponent[] | undefined {
  try {
    return lexLines(text, skipped);
  } catch {
    // Not plain, or a value ical.js's decoders reject: ICAL.parse reads it (and reports the error).
    if (skipped) skipped.length = 0;
    return undefined;
  }
}

/**
 * One content line, src[start, end), not cut out of the text: opens or closes a component, or adds a
 * property to `current`.
 */
function lexLine(
  src: string, start: number, end: number, current: JcalComponent | undefined, stack: JcalComponent[], root: JcalComponent[],
): JcalComponent | undefined {
  // The name runs to the first ":" (a value follows) or ";" (parameters follow).
  scanName(src, start, end, 58 /* : */, 59 /* ; */, false);
  const nameEnd = scanned.end;
  if (nameEnd === end) throw new NotPlain();
  const info = nameAt(src, start, nameEnd, scanned.hash);
  const withParams = src.charCodeAt(nameEnd) === 59;
  // Only BEGIN and END without parameters open or close components, in any case.
  if (!withParams && info.name === 'begin') {
    scanName(src, nameEnd + 1, end, -1, -1, false);
    const component: JcalComponent = [nameAt(src, nameEnd + 1, end, scanned.hash).name, [], []];
    if (current) {
      current[2].push(component);
      stack.push(current);
    } else if (root.length === 0 && component[0] === 'vcalendar') {
      root.push(component);
    } else {
      throw new NotPlain();
    }
    return component;
  }
  if (!withParams && info.name === 'end') {
    if (!current) throw new NotPlain();
    return stack.pop();
  }
  if (!current) throw new NotPlain();
  lexProperty(src, end, info, nameEnd, withParams, current);
  return current;
}

/**
 * Unfolds content lines (RFC 5545 §3.1) exactly as ical.js's _eachLine does: lines end at LF (a CR
 * before it is dropped), a line starting with space or tab continues the previous one, empty lines
 * are skipped, the last line is trimmed. A line is lexed in place in `text` (lineStart, lineEnd);
 * only a folded one is joined into a string of its own (`folded`).
 */
function lexLines(text: string, skipped: SkippedZone[] | undefined): JcalComponent | JcalComponent[] | undefined {
  const root: JcalComponent[] = [];
  const stack: JcalComponent[] = [];
  let current: JcalComponent | undefined;
  const len = text.length;
  let last = text.search(/[^ \t]/);
  if (last === -1) throw new NotPlain();
  // The pending line: empty when lineEnd === lineStart and `folded` is unset (also before the first line).
  let lineStart = 0;
  let lineEnd = 0;
  let folded: string | undefined;
  let pos: number;
  do {
    pos = text.indexOf('\n', last) + 1;
    let newline = pos > 1 && text.charCodeAt(pos - 2) === 13 ? 2 : 1;
    if (pos === 0) {
      pos = len;
      newline = 0;
    }
    const first = text.charCodeAt(last);
    if (first === 32 || first === 9) {
      if (folded === undefined) {
        if (lineEnd === lineStart) throw new NotPlain();
        folded = text.slice(lineStart, lineEnd);
      }
      folded += text.slice(last + 1, pos - newline);
    } else {
      if (folded !== undefined) current = lexLine(folded, 0, folded.length, current, stack, root);
      else if (lineEnd > lineStart) current = lexLine(text, lineStart, lineEnd, current, stack, root);
      folded = undefined;
      lineStart = last;
      lineEnd = pos - newline;
      // Directly inside the VCALENDAR (open, nothing else open) a VTIMEZONE may be kept as text.
      if (skipped && current && stack.length === 0 && first === 66 /* B */) {
        const zone = simpleVtimezoneAt(text, last);
        if (zone) {
          skipped.push({ tzid: zone.tzid, text: text.slice(last, zone.end), position: current[2].length });
          lineEnd = lineStart;
          pos = zone.end;
        }
      }
    }
    last = pos;
  } while (pos !== len);
  const tail = (folded ?? text.slice(lineStart, lineEnd)).trim();
  if (tail.length > 0) current = lexLine(tail, 0, tail.length, current, stack, root);
  if (current) return undefined;
  return root.length === 1 ? root[0] : root;
}
