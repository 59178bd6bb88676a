import ICAL from 'ical.js';
import { NO_PARAMS, type Params } from './write-spec.js';

/**
 * Our own iCalendar content-line writer, for objects we write from scratch (itemToIcs).
 *
 * Why not ical.js: ICAL.stringify alone, on the jCal of the bench mix, runs at about 16,700 events/s
 * (its foldline re-slices the rest of the line for every fold, and X-ALT-DESC HTML lines are long),
 * while model → ICS needs about 45,000/s for issue #3's end-to-end target. ical.js still parses, and
 * still writes every object we patch in place (patch.ts). The bytes here are exactly what ical.js
 * 2.2.1 writes for the same jCal (test/convert/ical/serialize.test.ts checks it), so a written object
 * does not change when it goes through a patch.
 */

const CRLF = '\r\n';
/** What a fold puts in (one string, not made anew for every fold). */
const FOLD = '\r\n ';
/** RFC 5545 §3.1: lines SHOULD NOT exceed 75 octets; ical.js puts up to 75 octets after each fold's space. */
const FOLD_OCTETS = 75;

/**
 * RFC 5545 §3.1 folding: a CRLF and a space before the code point that would take the line past 75
 * octets, so a UTF-8 sequence (or a UTF-16 surrogate pair) is never split.
 */
export function foldLine(line: string): string {
  // 25 UTF-16 units are at most 75 octets (3 per unit, 4 per surrogate pair).
  if (line.length <= 25) return line;
  if (isAscii(line)) return foldAscii(line);
  let out = '';
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    let size = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < line.length && (line.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) size = 4;
    if (octets + size > FOLD_OCTETS) {
      out += (start === 0 ? '' : `${CRLF} `) + line.slice(start, i);
      start = i;
      octets = 0;
    }
    octets += size;
    if (pair) i++;
  }
  return start === 0 ? line : `${out}${CRLF} ${line.slice(start)}`;
}

/** One octet per character: a fold every 75. */
function foldAscii(line: string): string {
  if (line.length <= FOLD_OCTETS) return line;
  let out = line.slice(0, FOLD_OCTETS);
  for (let i = FOLD_OCTETS; i < line.length; i += FOLD_OCTETS) out = out + FOLD + line.slice(i, i + FOLD_OCTETS);
  return out;
}

/**
 * The content line `head` + `value` with its CRLF, folded; ASCII lines are folded by length alone
 * (`head` is a LineHead's text, ':' included).
 */
export function contentLine(head: LineHead, value: string): string {
  const text = head.text;
  const length = text.length + value.length;
  if (length <= 25) return text + value + CRLF;
  if (!head.ascii || !isAscii(value)) return foldLine(text + value) + CRLF;
  if (length <= FOLD_OCTETS || text.length > FOLD_OCTETS) return foldAscii(text + value) + CRLF;
  // Folded from the value itself, so the joined line is never made (and copied) only to be cut up.
  let at = FOLD_OCTETS - text.length;
  let out = text + value.slice(0, at);
  for (; at < value.length; at += FOLD_OCTETS) out = out + FOLD + value.slice(at, at + FOLD_OCTETS);
  return out + CRLF;
}

/**
 * Very short strings are scanned with a loop: a regular expression costs more to start than the scan.
 * Anything longer goes to the regular expression engine: a JavaScript loop over characters costs a few
 * nanoseconds a character here (measured on the bench: 16 beat 64 by about 8%, 4 was no better).
 */
const SHORT = 16;
const NON_ASCII = /[\u0080-\uffff]/;
/** Measured: the UTF-8 count beat the regex from about 100 characters on (1,000: 8 times faster). */
const LONG = 128;

function isAscii(s: string): boolean {
  // Every non-ASCII UTF-16 unit takes more than one UTF-8 octet: on long text (bodies) the native
  // count is several times faster than the regex, which costs less to start on shorter ones.
  if (s.length > LONG) return Buffer.byteLength(s) === s.length;
  if (s.length > SHORT) return !NON_ASCII.test(s);
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Whether `s` holds any character for which `special` (indexed by char code, below 128) is true. */
function hasSpecial(s: string, special: Uint8Array, re: RegExp): boolean {
  if (s.length > SHORT) return re.test(s);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128 && special[c] === 1) return true;
  }
  return false;
}

function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

const TEXT_SPECIAL_TABLE = charTable('\\;,\n');
const TEXT_SPECIALS = /[\\;,\n]/;

/** RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and line feed are escaped (a CR is left as it is, like ical.js). */
export function escapeText(value: string): string {
  if (!hasSpecial(value, TEXT_SPECIAL_TABLE, TEXT_SPECIALS)) return value;
  // Four native passes beat one regex pass with a replacer function on long HTML bodies.
  return value.replaceAll('\\', '\\\\').replaceAll(';', '\\;').replaceAll(',', '\\,').replaceAll('\n', '\\n');
}

const TEXT_LINES_TABLE = charTable('\\;,\n\r');
const TEXT_LINES_SPECIALS = /[\\;,\n\r]/;
/**
 * escapeText of the text with CRLF and CR taken as LF (PropWriter.text): Graph bodies come with CRLF
 * line ends. Native passes, each skipped when its character is absent, beat one scan in JavaScript
 * on long HTML bodies.
 */
export function escapeTextLines(value: string): string {
  if (!hasSpecial(value, TEXT_LINES_TABLE, TEXT_LINES_SPECIALS)) return value;
  let out = value.includes('\\') ? value.replaceAll('\\', '\\\\') : value;
  if (out.includes(';')) out = out.replaceAll(';', '\\;');
  if (out.includes(',')) out = out.replaceAll(',', '\\,');
  if (out.includes('\r')) {
    out = out.replaceAll('\r\n', '\\n');
    if (out.includes('\r')) out = out.replaceAll('\r', '\\n');
  }
  return out.includes('\n') ? out.replaceAll('\n', '\\n') : out;
}

const PARAM_SPECIAL_TABLE = charTable('\n^":;,');
const PARAM_SPECIALS = /[\n^":;,]/;
const CARET_SPECIALS = /[\n^"]/g;
const QUOTE_SPECIAL = /[:;,]/;
const CARET_ESCAPES: Readonly<Record<string, string>> = { '\n': '^n', '^': '^^', '"': "^'" };

/**
 * A parameter value: RFC 6868 ^-escapes for line feed, caret and double quote, then RFC 5545 §3.2
 * DQUOTEs around a value holding ':' ';' or ','.
 */
export function paramText(value: string): string {
  if (!hasSpecial(value, PARAM_SPECIAL_TABLE, PARAM_SPECIALS)) return value;
  const escaped = value.replace(CARET_SPECIALS, (c) => CARET_ESCAPES[c]!);
  return QUOTE_SPECIAL.test(escaped) ? `"${escaped}"` : escaped;
}

/** 'YYYY-MM-DD' → 'YYYYMMDD' (RFC 5545 §3.3.4), as ical.js's design table does it, odd lengths included. */
function basicDate(value: string): string {
  if (value.length === 10) return value.slice(0, 4) + value.slice(5, 7) + value.slice(8, 10);
  return value.length >= 19 ? basicDateTime(value) : value;
}

/** 'YYYY-MM-DDTHH:mm:ss[Z]' → 'YYYYMMDDTHHmmss[Z]' (RFC 5545 §3.3.5). */
function basicDateTime(value: string): string {
  if (value.length === 10) return basicDate(value);
  if (value.length < 19) return value;
  const basic = value.slice(0, 4) + value.slice(5, 7) + value.slice(8, 13) + value.slice(14, 16) + value.slice(17, 19);
  return value[19] === 'Z' ? `${basic}Z` : basic;
}

/** One value as written (TEXT escaped, dates in basic form). */
export function valueText(value: string | number, type: string): string {
  switch (type) {
    case 'text':
      return escapeText(String(value));
    case 'date':
      return basicDate(String(value));
    case 'date-time':
      return basicDateTime(String(value));
    default:
      return String(value);
  }
}

interface PropertyDesign {
  readonly defaultType?: string;
  readonly multiValue?: string;
  readonly structuredValue?: string;
}

/** ical.js's design table: it decides which value types need VALUE= and how lists are joined. */
const PROPERTY_DESIGN = ICAL.design.icalendar.property as Readonly<Record<string, PropertyDesign>>;

interface LineDesign {
  readonly upper: string;
  readonly defaultType: string;
  readonly multiValue?: string;
  readonly structuredValue?: string;
}

/** Per property name (static: the few names the mapping writes), what a content line needs of the design. */
const lineDesigns = new Map<string, LineDesign>();

function lineDesign(name: string): LineDesign {
  let d = lineDesigns.get(name);
  if (d === undefined) {
    const design = Object.hasOwn(PROPERTY_DESIGN, name) ? PROPERTY_DESIGN[name]! : {};
    d = { ...design, upper: name.toUpperCase(), defaultType: design.defaultType ?? 'unknown' };
    lineDesigns.set(name, d);
  }
  return d;
}

/** VALUE= type and component names in upper case (static: the few names the mapping writes). */
const upperNames = new Map<string, string>();

export function upperName(name: string): string {
  let upper = upperNames.get(name);
  if (upper === undefined) upperNames.set(name, (upper = name.toUpperCase()));
  return upper;
}

/** ';NAME=' per parameter name (static: the few names the mapping writes). */
const paramPrefixes = new Map<string, string>();

function paramPrefix(name: string): string {
  let prefix = paramPrefixes.get(name);
  if (prefix === undefined) paramPrefixes.set(name, (prefix = `;${upperName(name)}=`));
  return prefix;
}

/** Everything before a content line's value ('NAME;PARAM=x;VALUE=TYPE:'), and whether it is ASCII. */
export interface LineHead {
  readonly text: string;
  readonly ascii: boolean;
}

function buildHead(name: string, type: string, params: Params): LineHead {
  const design = lineDesign(name);
  let text = design.upper;
  let ascii = true;
  for (const key in params) {
    const value = params[key]!;
    text += paramPrefix(key) + paramText(value);
    if (ascii && !isAscii(value)) ascii = false;
  }
  return { text: type === design.defaultType ? `${text}:` : `${text};VALUE=${upperName(type)}:`, ascii };
}

/** A memoized head, with the value type it is for. */
interface TypedHead extends LineHead {
  readonly type: string;
}

/**
 * Heads of lines whose parameter set is frozen (the writers' constants and per-zone TZID sets): every
 * object repeats them (DTSTART;TZID=…, SUMMARY). Per set and property name, the one or two value
 * types the name is written with.
 */
const fixedHeads = new WeakMap<Params, Map<string, TypedHead[]>>();

/** The head of a property's content line; `params` undefined is the same as none. */
export function lineHead(name: string, type: string, params: Params = NO_PARAMS): LineHead {
  let byName = fixedHeads.get(params);
  if (byName === undefined) {
    if (!Object.isFrozen(params)) return buildHead(name, type, params);
    fixedHeads.set(params, (byName = new Map()));
  }
  let heads = byName.get(name);
  if (heads === undefined) byName.set(name, (heads = []));
  for (let i = 0; i < heads.length; i++) if (heads[i]!.type === type) return heads[i]!;
  const head = { ...buildHead(name, type, params), type };
  heads.push(head);
  return head;
}

/**
 * The value of a property with several values: like ical.js, one that is neither a list (CATEGORIES,
 * EXDATE) nor structured (GEO) keeps its first value only.
 */
export function listValue(name: string, type: string, values: readonly (string | number)[], structured: boolean): string {
  const design = lineDesign(name);
  let value = valueText(values[0]!, type);
  const separator = structured ? design.structuredValue : design.multiValue;
  if (separator !== undefined) for (let i = 1; i < values.length; i++) value += separator + valueText(values[i]!, type);
  return value;
}
