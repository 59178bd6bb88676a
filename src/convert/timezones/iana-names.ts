import * as tzlib from 'timezones-ical-library';
import { BoundedCache } from './bounded-cache.js';
import { offsetFormatter } from '../../model/zone-offsets.js';

/**
 * Spelling of IANA zone names. Node's ICU knows every tzdata name and link but canonicalises to CLDR's legacy ids
 * (Asia/Kolkata → Asia/Calcutta, Europe/Kyiv → Europe/Kiev). Everything we emit should carry the current IANA
 * spelling, which timezones-ical-library (vzic over current tzdata) reports as the TZID of a link's block.
 */

let tzlibNames: ReadonlySet<string> | undefined;

function tzlibKnows(name: string): boolean {
  if (!tzlibNames) {
    const list = tzlib.tzlib_get_timezones();
    tzlibNames = new Set(Array.isArray(list) ? list : (JSON.parse(list) as string[]));
  }
  return tzlibNames.has(name);
}

const canonicalNames = new BoundedCache<string | null>(4096);
const icuIds = new BoundedCache<string | null>(4096);

/**
 * ICU's id for a zone name (case-insensitive; links resolved the CLDR way), or undefined when Node does not know it.
 * Memoised per name: resolvedOptions() builds a fresh options object each call, and every Graph time write asks.
 */
export function icuZoneId(name: string): string | undefined {
  const hit = icuIds.get(name);
  if (hit !== undefined) return hit ?? undefined;
  return icuIds.set(name, offsetFormatter(name)?.resolvedOptions().timeZone ?? null) ?? undefined;
}

function tzlibPrimary(name: string): string | undefined {
  if (!tzlibKnows(name)) return undefined;
  const block = tzlib.tzlib_get_ical_block(name);
  const tzidLine = Array.isArray(block) ? block[1] : undefined;
  return tzidLine?.startsWith('TZID=') ? tzidLine.slice('TZID='.length) : undefined;
}

/**
 * The IANA name to store and emit for `name`, or undefined when it is no zone Node knows.
 * All UTC spellings become 'UTC'. A legacy alias becomes its current IANA name only when ICU treats both as the
 * same zone: IANA has since folded some distinct zones into others (Europe/Amsterdam → Europe/Brussels), and
 * those keep their own name.
 */
export function canonicalIana(name: string): string | undefined {
  const hit = canonicalNames.get(name);
  if (hit !== undefined) return hit ?? undefined;
  const icu = icuZoneId(name.trim());
  let result: string | null = icu ?? null;
  if (icu !== undefined && icu !== 'UTC') {
    const primary = tzlibPrimary(icu);
    if (primary !== undefined && primary !== icu && icuZoneId(primary) === icu) result = primary;
  }
  return canonicalNames.set(name, result) ?? undefined;
}

/**
 * timezones-ical-library's VTIMEZONE for `name` (current rules only: DTSTART 1970 plus today's RRULEs), with TZID
 * set to `name` and CRLF line ends; undefined when the library does not know the zone.
 */
export function currentRulesVtimezone(name: string): string | undefined {
  if (!tzlibKnows(name)) return undefined;
  const block = tzlib.tzlib_get_ical_block(name);
  const text = Array.isArray(block) ? block[0] : undefined;
  if (!text?.startsWith('BEGIN:VTIMEZONE')) return undefined;
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  return lines
    .map((l) => (l.startsWith('TZID:') ? `TZID:${name}` : l.startsWith('X-LIC-LOCATION:') ? `X-LIC-LOCATION:${name}` : l))
    .map((l) => `${l}\r\n`)
    .join('');
}
