import { BoundedCache } from './bounded-cache.js';
import { canonicalIana, icuZoneId } from './iana-names.js';
import { WINDOWS_ZONES, type WindowsZoneRecord } from './windows-zones-data.js';

/**
 * Windows ⇄ IANA zone names from CLDR's windowsZones (vendored in data/cldr/).
 * Graph's dateTimeTimeZone.timeZone takes Windows names and some IANA names
 * (learn.microsoft.com/graph/api/resources/datetimetimezone), and echoes originalStartTimeZone values such as
 * 'tzone://Microsoft/Custom' for desktop Outlook's custom zones (graph-api.md §8).
 */

export type GraphZone = { kind: 'iana'; tz: string } | { kind: 'custom'; name: string };

let byWindowsLower: ReadonlyMap<string, WindowsZoneRecord> | undefined;
let windowsByIcuId: ReadonlyMap<string, string> | undefined;
/** ianaToWindows per name as given: every Graph time write asks for its zone's Windows name. */
const windowsByName = new BoundedCache<string | null>(4096);

/** The CLDR record of a Windows zone name, case-insensitive. */
export function windowsZoneRecord(windowsName: string): WindowsZoneRecord | undefined {
  byWindowsLower ??= new Map(WINDOWS_ZONES.map((r) => [r.windows.toLowerCase(), r]));
  return byWindowsLower.get(windowsName.trim().toLowerCase());
}

/**
 * IANA zone for a Windows zone name (case-insensitive). `territory` picks CLDR's per-country zone; a territory the
 * Windows zone does not list falls back to the 001 default. The result is in current IANA spelling (canonicalIana).
 */
export function windowsToIana(windowsName: string, territory = '001'): string | undefined {
  const record = windowsZoneRecord(windowsName);
  if (!record) return undefined;
  const zone = record.territories[territory.toUpperCase()]?.[0] ?? record.territories['001']?.[0];
  return zone === undefined ? undefined : canonicalIana(zone);
}

function buildWindowsByIcuId(): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  const add = (zone: string, windows: string): void => {
    const id = icuZoneId(zone);
    if (id !== undefined && !map.has(id)) map.set(id, windows);
  };
  // Defaults first, so a zone listed under several Windows zones maps to the one it is the default of.
  for (const r of WINDOWS_ZONES) for (const z of r.territories['001'] ?? []) add(z, r.windows);
  for (const r of WINDOWS_ZONES) {
    for (const zones of Object.values(r.territories)) for (const z of zones) add(z, r.windows);
  }
  return map;
}

/**
 * Windows zone name for any IANA id Node knows, including links and renamed ids (Europe/Kyiv and Europe/Kiev,
 * US/Pacific, Etc/GMT+5, UTC). Keys are compared as ICU canonical ids, computed with the same ICU at run time,
 * so both spellings of a renamed zone meet. Undefined for zones CLDR does not map.
 */
export function ianaToWindows(iana: string): string | undefined {
  const hit = windowsByName.get(iana);
  if (hit !== undefined) return hit ?? undefined;
  const id = icuZoneId(iana.trim());
  windowsByIcuId ??= buildWindowsByIcuId();
  return windowsByName.set(iana, (id === undefined ? undefined : windowsByIcuId.get(id)) ?? null) ?? undefined;
}

const UTC_ALIASES = new Set(['tzone://microsoft/utc', 'utc', 'etc/utc', 'gmt', 'etc/gmt', 'z']);
const CUSTOM_MARKERS = new Set(['tzone://microsoft/custom', 'customized time zone']);

/**
 * resolveGraphZone per name as given: every Graph event read asks for its zones (originalStartTimeZone,
 * originalEndTimeZone and the zone of each returned time), and the answer is static data. Callers share
 * the cached objects and only read them.
 */
const graphZoneByName = new BoundedCache<GraphZone>(4096);

/** Interpret a zone name read from Graph: Windows name, IANA name, a UTC spelling, or an opaque custom zone. */
export function resolveGraphZone(name: string): GraphZone {
  return graphZoneByName.get(name) ?? graphZoneByName.set(name, readGraphZone(name));
}

function readGraphZone(name: string): GraphZone {
  const key = name.trim().toLowerCase();
  if (UTC_ALIASES.has(key)) return { kind: 'iana', tz: 'UTC' };
  if (CUSTOM_MARKERS.has(key)) return { kind: 'custom', name };
  const fromWindows = windowsToIana(name);
  if (fromWindows !== undefined) return { kind: 'iana', tz: fromWindows };
  const iana = canonicalIana(name);
  if (iana !== undefined) return { kind: 'iana', tz: iana };
  return { kind: 'custom', name };
}
