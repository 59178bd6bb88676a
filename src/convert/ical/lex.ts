import ICAL from 'ical.js';
import { unescapeIcalText } from './lex-text.js';

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

interface ValueDesign {
  fromICAL?: (value: string, structuredEscape: string | boolean | undefined) => unknown;
}
interface PropertyDesign {
  defaultType?: string;
  multiValue?: string;
  structuredValue?: string;
  detectType?: (value: string) => string;
}
interface ParamDesign {
  valueType?: string;
  multiValue?: string;
}
interface DesignSet {
  value: Record<string, ValueDesign>;
  property: Record<string, PropertyDesign>;
  param: Record<string, ParamDesign>;
}

/** ICAL.parse takes its design set from the first component; a VCALENDAR gets the iCalendar one. */
const DESIGN = (ICAL.design as unknown as { getDesignSet(name: string): DesignSet }).getDesignSet('vcalendar');

/** Thrown inside the lexer when the input leaves the plain grammar; never escapes this file. */
class NotPlain extends Error {}

/** Parameter names are iana-token / x-name (RFC 5545 §3.1): letters, digits and dashes. */
const PARAM_NAME = /^[A-Za-z0-9-]+$/;
/** RFC 6868 escapes in parameter values, decoded as ical.js does. */
const RFC6868 = /\^['n^]/g;
const RFC6868_MAP: Readonly<Record<string, string>> = { "^'": '"', '^n': '\n', '^^': '^' };

/**
 * Names as clients write them (upper case) → ical.js's lower-case name, so the common names are
 * neither cut out, lower-cased nor hashed line by line: they are found by length and first letter
 * and compared in place. Static data: the design's own names plus the extension names this product
 * reads and writes.
 */
const EXTRA_NAMES = [
  'begin', 'end', 'x-alt-desc', 'x-microsoft-cdo-busystatus', 'x-microsoft-cdo-alldayevent', 'x-lic-location',
  'x-calbridge-sensitivity', 'x-calbridge-location', 'x-calbridge-geo', 'x-microsoft-skypeteamsmeetingurl',
  'x-google-conference', 'conference', 'cn', 'email', 'fmttype', 'schedule-agent', 'schedule-status', 'language',
  'altrep', 'dir', 'vcalendar', 'vevent', 'valarm', 'vtimezone', 'standard', 'daylight', 'vtodo', 'vjournal',
];
/** What ical.js's parser looks up in the design for a name: the same `in` lookups, done once. */
interface NameInfo {
  readonly name: string;
  readonly property: PropertyDesign | undefined;
  readonly multiValue: string | false;
  readonly structured: string | false;
  readonly param: ParamDesign | undefined;
}

function nameInfo(name: string): NameInfo {
  const property = name in DESIGN.property ? DESIGN.property[name] : undefined;
  return {
    name,
    property,
    multiValue: property && 'multiValue' in property ? property.multiValue! : false,
    structured: property && 'structuredValue' in property ? property.structuredValue! : false,
    param: name in DESIGN.param ? DESIGN.param[name] : undefined,
  };
}

const MAX_NAME = 64;
// Dense (filled) so that element reads stay fast array loads.
const BY_SHAPE: (readonly [upper: string, info: NameInfo][] | undefined)[] = new Array<undefined>(MAX_NAME * 128).fill(undefined);
for (const lower of new Set([...Object.keys(DESIGN.property), ...Object.keys(DESIGN.param), ...EXTRA_NAMES])) {
  const upper = lower.toUpperCase();
  const slot = upper.length * 128 + upper.charCodeAt(0);
  BY_SHAPE[slot] = [...(BY_SHAPE[slot] ?? []), [upper, nameInfo(lower)]];
}

/** The name written in line[start, end), lower-cased, with its design entries. */
function nameAt(line: string, start: number, end: number): NameInfo {
  const length = end - start;
  const candidates = length < MAX_NAME ? BY_SHAPE[length * 128 + (line.charCodeAt(start) & 127)] : undefined;
  if (candidates) for (const [upper, info] of candidates) if (line.startsWith(upper, start)) return info;
  return nameInfo(line.slice(start, end).toLowerCase());
}

function decode(value: string, type: string, structured: string | boolean | undefined): unknown {
  if (type === 'text') return unescapeIcalText(value);
  if (!(type in DESIGN.value)) return value;
  const fromICAL = DESIGN.value[type]!.fromICAL;
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
    const eq = line.indexOf('=', i + 1);
    if (eq === -1) throw new NotPlain();
    const info = nameAt(line, i + 1, eq);
    if (!PARAM_NAME.test(info.name)) throw new NotPlain();
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
      end = valueStart;
      for (let c = line.charCodeAt(end); end < line.length && c !== 59 /* ; */ && c !== 58 /* : */; c = line.charCodeAt(++end));
      if (end === line.length) throw new NotPlain();
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
function lexProperty(line: string, colon: number, semicolon: number, component: JcalComponent): void {
  const params: Record<string, unknown> = {};
  let info: NameInfo;
  let value: string;
  let typeParam: unknown;
  if (semicolon !== -1 && (colon === -1 || semicolon < colon)) {
    info = nameAt(line, 0, semicolon);
    const from = lexParams(line, semicolon, params);
    const valueColon = line.indexOf(':', from);
    if (valueColon === -1) throw new NotPlain();
    value = line.slice(valueColon + 1);
    if ('value' in params) {
      typeParam = params.value;
      delete params.value;
    }
  } else {
    info = nameAt(line, 0, colon);
    value = line.slice(colon + 1);
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

/** The jCal of `text` as ICAL.parse gives it, or undefined when `text` is not plain (see above). */
export function lexCalendar(text: string): JcalComponent | JcalComponent[] | undefined {
  try {
    return lexLines(text);
  } catch {
    // Not plain, or a value ical.js's decoders reject: ICAL.parse reads it (and reports the error).
    return undefined;
  }
}

function semicolonBefore(line: string, colon: number): number {
  for (let i = 0; i < colon; i++) if (line.charCodeAt(i) === 59 /* ; */) return i;
  return -1;
}

/** One content line: opens or closes a component, or adds a property to `current`. */
function lexLine(line: string, current: JcalComponent | undefined, stack: JcalComponent[], root: JcalComponent[]): JcalComponent | undefined {
  const colon = line.indexOf(':');
  // Only a ";" before the ":" matters; the value after it may be long.
  const semicolon = colon === -1 ? line.indexOf(';') : semicolonBefore(line, colon);
  if (colon === -1 && semicolon === -1) throw new NotPlain();
  // Only BEGIN (5 letters) and END (3) without parameters open or close components, in any case.
  if ((colon === 5 || colon === 3) && (semicolon === -1 || semicolon > colon)) {
    const name = nameAt(line, 0, colon).name;
    if (name === 'begin') {
      const component: JcalComponent = [nameAt(line, colon + 1, line.length).name, [], []];
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
    if (name === 'end') {
      if (!current) throw new NotPlain();
      return stack.pop();
    }
  }
  if (!current) throw new NotPlain();
  lexProperty(line, colon, semicolon, current);
  return current;
}

/**
 * Unfolds content lines (RFC 5545 §3.1) exactly as ical.js's _eachLine does: lines end at LF (a CR
 * before it is dropped), a line starting with space or tab continues the previous one, empty lines
 * are skipped, the last line is trimmed.
 */
function lexLines(text: string): JcalComponent | JcalComponent[] | undefined {
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
    }
    last = pos;
  } while (pos !== len);
  const tail = line!.trim();
  if (tail.length > 0) current = lexLine(tail, current, stack, root);
  if (current) return undefined;
  return root.length === 1 ? root[0] : root;
}
