import { BoundedCache } from './bounded-cache.js';
import { canonicalIana, icuZoneId } from './iana-names.js';
import { offsetAt, parseVtimezone, vtimezoneTransitions } from './custom-zone.js';
import { windowsZoneByDisplayName } from './windows-display.js';
import { WINDOWS_ZONES } from './windows-zones-data.js';
import { windowsToIana } from './windows-zones.js';
import { localToEpochMs } from '../../model/instant.js';
import { probeOffsetMinutes } from '../../model/zone-offsets.js';
import { vtimezoneMatchesIana } from './zone-match.js';

/**
 * What a TZID met in iCalendar data means. Clients write non-IANA TZIDs with their own VTIMEZONE (RFC 5545
 * §3.2.19 leaves TZID free-form): Outlook uses Windows names or display names, old Lightning
 * "/mozilla.org/20050126_1/Europe/Berlin", Lotus Notes short names such as "Eastern". When no name is
 * recognised, the VTIMEZONE's rules are compared with real zones; without an exact match the zone stays custom
 * and instants go through the VTIMEZONE itself (customZoneOffsetMinutes).
 */

export type IcalZone = { kind: 'iana'; tz: string } | { kind: 'custom'; tzid: string; vtimezone: string };

export class UnresolvableTzidError extends Error {
  constructor(readonly tzid: string) {
    super(`TZID "${tzid}" names no known zone and comes without a VTIMEZONE`);
    this.name = 'UnresolvableTzidError';
  }
}

/**
 * Years over which a VTIMEZONE must agree with a zone to be taken as that zone. Clients write today's rules
 * (Outlook starts them in 1601), so only the present is comparable; older events keep exact offsets anyway
 * through the custom path.
 */
const RULE_WINDOW_YEARS_BACK = 1;
const RULE_WINDOW_YEARS_AHEAD = 3;

const cache = new BoundedCache<IcalZone>(512);

function byName(tzid: string): string | undefined {
  const direct = canonicalIana(tzid);
  if (direct !== undefined) return direct;
  // Vendor prefixes: /mozilla.org/20050126_1/Europe/Berlin, /freeassociation.sourceforge.net/Tzfile/Europe/London,
  // /citadel.org/20190914_1/Asia/Tokyo, /softwarestudio.org/Olson_20011030_5/America/New_York. They hold no
  // spaces, unlike Outlook 2003 display names ("(GMT+01.00) Amsterdam / Berlin / ...").
  if (tzid.includes('/') && !/\s/.test(tzid)) {
    const parts = tzid.split('/').filter((p) => p !== '');
    for (let k = 1; k < parts.length; k++) {
      const zone = canonicalIana(parts.slice(k).join('/'));
      if (zone !== undefined) return zone;
    }
  }
  const windows = windowsToIana(tzid);
  if (windows !== undefined) return windows;
  const display = windowsZoneByDisplayName(tzid);
  return display ? windowsToIana(display.windows) : undefined;
}

/** Zones to try against a VTIMEZONE, most plausible first; duplicates (by ICU id) are skipped later. */
function candidates(tzid: string, vtimezoneText: string): string[] {
  const lower = tzid.toLowerCase();
  const hinted: string[] = [];
  const location = /^X-LIC-LOCATION:(.+)$/im.exec(vtimezoneText)?.[1]?.trim();
  if (location) hinted.push(location);
  for (const r of WINDOWS_ZONES) {
    const zone = r.territories['001']![0]!;
    const city = zone.split('/').pop()!.replace(/_/g, ' ').toLowerCase();
    if (lower.includes(city) || (lower.length >= 4 && r.windows.toLowerCase().startsWith(lower))) hinted.push(zone);
  }
  const defaults = WINDOWS_ZONES.map((r) => r.territories['001']![0]!);
  const others = WINDOWS_ZONES.flatMap((r) => Object.values(r.territories).flat());
  return [...hinted, ...defaults, ...others, ...Intl.supportedValuesOf('timeZone')];
}

// Offsets on four days of the year: a cheap fingerprint that rules out almost every candidate before the exact
// comparison, which has to scan a zone's transitions day by day.
const PROBE_MONTHS = [0, 3, 6, 9];
const fingerprints = new BoundedCache<string>(4096);

function probeInstants(year: number): number[] {
  return PROBE_MONTHS.map((m) => Date.UTC(year, m, 15, 12));
}

function zoneFingerprint(id: string, year: number): string {
  const key = `${year} ${id}`;
  return fingerprints.get(key) ?? fingerprints.set(key, probeInstants(year).map((ms) => probeOffsetMinutes(id, ms)).join());
}

function byRules(tzid: string, vtimezoneText: string): string | undefined {
  const year = new Date().getUTCFullYear();
  const custom = vtimezoneTransitions(vtimezoneText, year + RULE_WINDOW_YEARS_AHEAD + 1);
  const wanted = probeInstants(year).map((ms) => offsetAt(custom, ms)).join();
  const seen = new Set<string>();
  for (const candidate of candidates(tzid, vtimezoneText)) {
    const id = icuZoneId(candidate);
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    if (zoneFingerprint(id, year) !== wanted) continue;
    const startMs = localToEpochMs(`${year - RULE_WINDOW_YEARS_BACK}-01-01T00:00:00`, id);
    const endMs = localToEpochMs(`${year + RULE_WINDOW_YEARS_AHEAD + 1}-01-01T00:00:00`, id);
    if (vtimezoneMatchesIana(vtimezoneText, id, startMs, endMs)) return canonicalIana(id);
  }
  return undefined;
}

/**
 * The IANA zone a TZID names by itself (IANA, vendor-prefixed, Windows or display name), without its
 * VTIMEZONE; when there is one, resolveIcalTzid gives this zone whatever the VTIMEZONE says.
 */
export function ianaZoneForTzidName(tzid: string): string | undefined {
  return byName(tzid.trim().replace(/^"(.*)"$/, '$1'));
}

/**
 * Resolve a TZID: IANA name (any case, aliases), vendor-prefixed IANA name, Windows name, Outlook display name,
 * then the VTIMEZONE's rules against real zones (exact match over the surrounding years); else a custom zone.
 * Throws UnresolvableTzidError for an unknown name without VTIMEZONE, VtimezoneParseError for a broken one.
 */
export function resolveIcalTzid(tzid: string, vtimezoneText?: string): IcalZone {
  const name = tzid.trim().replace(/^"(.*)"$/, '$1');
  const key = `${name}\u0000${vtimezoneText ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let result: IcalZone;
  const named = byName(name);
  if (named !== undefined) {
    result = { kind: 'iana', tz: named };
  } else if (vtimezoneText === undefined) {
    throw new UnresolvableTzidError(name);
  } else {
    parseVtimezone(vtimezoneText);
    const ruled = byRules(name, vtimezoneText);
    result = ruled !== undefined ? { kind: 'iana', tz: ruled } : { kind: 'custom', tzid, vtimezone: vtimezoneText };
  }
  return cache.set(key, result);
}
