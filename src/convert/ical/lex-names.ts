import ICAL from 'ical.js';

/**
 * ical.js's design tables as the lexer (lex.ts) uses them, and the names it meets line by line:
 * property, parameter and component names, found without cutting them out of the line.
 */

export interface ValueDesign {
  fromICAL?: (value: string, structuredEscape: string | boolean | undefined) => unknown;
}
export interface PropertyDesign {
  defaultType?: string;
  multiValue?: string;
  structuredValue?: string;
  detectType?: (value: string) => string;
}
export interface ParamDesign {
  valueType?: string;
  multiValue?: string;
}
interface DesignSet {
  value: Record<string, ValueDesign>;
  property: Record<string, PropertyDesign>;
  param: Record<string, ParamDesign>;
}

/** ICAL.parse takes its design set from the first component; a VCALENDAR gets the iCalendar one. */
export const DESIGN = (ICAL.design as unknown as { getDesignSet(name: string): DesignSet }).getDesignSet('vcalendar');

/**
 * What ical.js's parser looks up in the design for a (lower-case) name: the same `in` lookups and
 * reads, done once, so the lexer reads one shape of record instead of the design's many shapes.
 */
export interface NameInfo {
  readonly name: string;
  readonly property: PropertyDesign | undefined;
  /** Whether the property's design has a detectType (called on `property`). */
  readonly detects: boolean;
  /** The type a value gets without VALUE and detectType: the design's default, "unknown" for unknown names. */
  readonly defaultType: string;
  readonly multiValue: string | false;
  readonly structured: string | false;
  /** As a parameter: whether the design makes it multi-valued, and the type its value decodes as. */
  readonly paramMultiValue: boolean;
  readonly paramType: string;
}

function nameInfo(name: string): NameInfo {
  const property = name in DESIGN.property ? DESIGN.property[name] : undefined;
  const param = name in DESIGN.param ? DESIGN.param[name] : undefined;
  return {
    name,
    property,
    detects: property !== undefined && 'detectType' in property,
    defaultType: property ? property.defaultType! : 'unknown',
    multiValue: property && 'multiValue' in property ? property.multiValue! : false,
    structured: property && 'structuredValue' in property ? property.structuredValue! : false,
    paramMultiValue: Boolean(param?.multiValue),
    paramType: param?.valueType ?? 'text',
  };
}

/** Extension and component names this product reads and writes, besides the design's own. */
const EXTRA_NAMES = [
  'begin', 'end', 'x-alt-desc', 'x-microsoft-cdo-busystatus', 'x-microsoft-cdo-alldayevent', 'x-lic-location',
  'x-calbridge-sensitivity', 'x-calbridge-location', 'x-calbridge-geo', 'x-microsoft-skypeteamsmeetingurl',
  'x-google-conference', 'conference', 'cn', 'email', 'fmttype', 'schedule-agent', 'schedule-status', 'language',
  'altrep', 'dir', 'vcalendar', 'vevent', 'valarm', 'vtimezone', 'standard', 'daylight', 'vtodo', 'vjournal',
];

const hashStep = (hash: number, c: number): number => (Math.imul(hash, 31) + c) | 0;

/** A known name as clients write it (upper case); `next` chains names whose hashes collide. */
interface KnownName {
  readonly upper: string;
  readonly info: NameInfo;
  readonly next: KnownName | undefined;
}

/** Names as clients write them (upper case), by hash: static data, built once. */
const KNOWN = new Map<number, KnownName>();
for (const lower of new Set([...Object.keys(DESIGN.property), ...Object.keys(DESIGN.param), ...EXTRA_NAMES])) {
  const upper = lower.toUpperCase();
  let hash = 0;
  for (let k = 0; k < upper.length; k++) hash = hashStep(hash, upper.charCodeAt(k));
  KNOWN.set(hash, { upper, info: nameInfo(lower), next: KNOWN.get(hash) });
}

/**
 * Where a scan stopped and the hash of what it passed. One shared record, not one per call: the
 * lexer reads it right after each scan.
 */
export const scanned = { end: 0, hash: 0 };

/**
 * Scans text[start, limit) up to the first `stop1` or `stop2` (or `limit`), hashing the characters
 * passed; `strict` also stops (end = -1) at a character no iana-token or x-name holds (RFC 5545
 * §3.1: letters, digits, "-").
 */
export function scanName(text: string, start: number, limit: number, stop1: number, stop2: number, strict: boolean): void {
  let hash = 0;
  let i = start;
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === stop1 || c === stop2) break;
    if (strict && !((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45)) {
      i = -1;
      break;
    }
    hash = hashStep(hash, c);
  }
  scanned.end = i;
  scanned.hash = hash;
}

/** The name in line[start, end) whose hash a scan gave, lower-cased, with its design entries. */
export function nameAt(line: string, start: number, end: number, hash: number): NameInfo {
  const length = end - start;
  for (let known = KNOWN.get(hash); known; known = known.next) {
    const upper = known.upper;
    if (upper.length !== length) continue;
    let k = 0;
    while (k < length && line.charCodeAt(start + k) === upper.charCodeAt(k)) k++;
    if (k === length) return known.info;
  }
  return nameInfo(line.slice(start, end).toLowerCase());
}
