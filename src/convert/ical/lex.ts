import { DESIGN, nameAt, scanName, scanned, type NameInfo } from './lex-names.js';
import { recurFromIcal } from './lex-recur.js';
import { dateTimeFromIcal, unescapeIcalText } from './lex-text.js';
import { simpleVtimezoneAt, type SkippedZone } from './lex-zones.js';

/**
 * A fast reader of iCalendar text into jCal (RFC 7265), for the shapes real clients write. It gives
 * exactly what ICAL.parse gives, so ical.js's Component, Time and Recur API works on the result as
 * before; values are decoded by ICAL.design's own tables (TEXT by an equal loop, lex-text.ts).
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
  if (type === 'text') return unescapeIcalText(value);
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
 * Parameters from `line[start]` (a ";") on, RFC 5545 §3.2: NAME=value or NAME="value", decoded as
 * ical.js does (RFC 6868, then the parameter's value type: TEXT unescapes backslashes). Returns the
 * index where ical.js starts looking for the ":" before the value.
 */
function lexParams(line: string, start: number, params: Record<string, unknown>): number {
  let i = start;
  for (;;) {
    scanName(line, i + 1, 61 /* = */, 61, true);
    const eq = scanned.end;
    if (eq === -1 || eq === line.length || eq === i + 1) throw new NotPlain();
    const info = nameAt(line, i + 1, eq, scanned.hash);
    const lcname = info.name;
    const design = info.param;
    if (design?.multiValue) throw new NotPlain();
    let raw: string;
    let end: number;
    let valueStart: number;
    if (line.charCodeAt(eq + 1) === 34 /* " */) {
      valueStart = eq + 2;
      const close = line.indexOf('"', valueStart);
      if (close === -1) throw new NotPlain();
      raw = line.slice(valueStart, close);
      end = close + 1;
    } else {
      valueStart = eq + 1;
      // An unquoted value runs to the next ";" or ":", whichever comes first.
      const semicolon = line.indexOf(';', valueStart);
      const colon = line.indexOf(':', valueStart);
      end = semicolon === -1 ? colon : colon === -1 ? semicolon : Math.min(semicolon, colon);
      if (end === -1) throw new NotPlain();
      raw = line.slice(valueStart, end);
    }
    const unescaped = raw.includes('^') ? raw.replace(RFC6868, (x) => RFC6868_MAP[x]!) : raw;
    const value = decode(unescaped, design?.valueType ?? 'text', undefined);
    params[lcname] = value;
    const next = line.charCodeAt(end);
    if (next === 58 /* : */) {
      // ical.js looks for the value's ":" from the decoded length past the value's start, which
      // falls short by what decoding removed: repeat its arithmetic so the same ":" is found.
      if (typeof value !== 'string') throw new NotPlain();
      return valueStart + (raw.length - unescaped.length) + value.length;
    }
    if (next !== 59 /* ; */) throw new NotPlain();
    i = end;
  }
}

/** One property line into `component`, as ical.js's _handleContentLine does. */
function lexProperty(line: string, info: NameInfo, nameEnd: number, withParams: boolean, component: JcalComponent): void {
  const params: Record<string, unknown> = {};
  let value: string;
  let typeParam: unknown;
  if (withParams) {
    const from = lexParams(line, nameEnd, params);
    const valueColon = line.indexOf(':', from);
    if (valueColon === -1) throw new NotPlain();
    value = line.slice(valueColon + 1);
    if ('value' in params) {
      typeParam = params.value;
      delete params.value;
    }
  } else {
    value = line.slice(nameEnd + 1);
  }
  const { name, property: details, multiValue, structured } = info;
  let type: string | undefined;
  if (details && value && 'detectType' in details) type = details.detectType!(value);
  if (!type) {
    if (typeParam !== undefined) type = String(typeParam).toLowerCase();
    else type = details ? details.defaultType! : 'unknown';
  }
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

/** One content line: opens or closes a component, or adds a property to `current`. */
function lexLine(line: string, current: JcalComponent | undefined, stack: JcalComponent[], root: JcalComponent[]): JcalComponent | undefined {
  // The name runs to the first ":" (a value follows) or ";" (parameters follow).
  scanName(line, 0, 58 /* : */, 59 /* ; */, false);
  const nameEnd = scanned.end;
  if (nameEnd === line.length) throw new NotPlain();
  const info = nameAt(line, 0, nameEnd, scanned.hash);
  const withParams = line.charCodeAt(nameEnd) === 59;
  // Only BEGIN and END without parameters open or close components, in any case.
  if (!withParams && info.name === 'begin') {
    scanName(line, nameEnd + 1, -1, -1, false);
    const component: JcalComponent = [nameAt(line, nameEnd + 1, line.length, scanned.hash).name, [], []];
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
  lexProperty(line, info, nameEnd, withParams, current);
  return current;
}

/**
 * Unfolds content lines (RFC 5545 §3.1) exactly as ical.js's _eachLine does: lines end at LF (a CR
 * before it is dropped), a line starting with space or tab continues the previous one, empty lines
 * are skipped, the last line is trimmed.
 */
function lexLines(text: string, skipped: SkippedZone[] | undefined): JcalComponent | JcalComponent[] | undefined {
  const root: JcalComponent[] = [];
  const stack: JcalComponent[] = [];
  let current: JcalComponent | undefined;
  const len = text.length;
  let last = text.search(/[^ \t]/);
  if (last === -1) throw new NotPlain();
  let line: string | undefined;
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
      if (!line) throw new NotPlain();
      line += text.slice(last + 1, pos - newline);
    } else {
      if (line) current = lexLine(line, current, stack, root);
      line = text.slice(last, pos - newline);
      // Directly inside the VCALENDAR (open, nothing else open) a VTIMEZONE may be kept as text.
      if (skipped && current && stack.length === 0 && first === 66 /* B */) {
        const zone = simpleVtimezoneAt(text, last);
        if (zone) {
          skipped.push({ tzid: zone.tzid, text: text.slice(last, zone.end), position: current[2].length });
          line = undefined;
          pos = zone.end;
        }
      }
    }
    last = pos;
  } while (pos !== len);
  // A kept VTIMEZONE is always followed by a line (simpleVtimezoneAt), so `line` is set here.
  const tail = line!.trim();
  if (tail.length > 0) current = lexLine(tail, current, stack, root);
  if (current) return undefined;
  return root.length === 1 ? root[0] : root;
}
