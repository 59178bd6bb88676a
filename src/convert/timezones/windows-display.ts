import { WINDOWS_ZONES, type WindowsZoneRecord } from './windows-zones-data.js';

/**
 * Outlook writes a zone's display name as TZID in some exports: "(UTC+01:00) Amsterdam, Berlin, Bern, Rome,
 * Stockholm, Vienna", in Outlook 2003 "(GMT+01.00) Amsterdam / Berlin / Bern / Rome / Stockholm / Vienna".
 * We compare the place list only: the offset prefix changed spelling (GMT → UTC) and, for some zones, value
 * (Astana: UTC+06:00 → UTC+05:00) across Windows releases while the places stayed.
 */

const OFFSET_PREFIX = /^\(\s*(?:utc|gmt)\s*(?:[+-]\s*\d{1,2}(?:[:.]\d{2})?)?\s*\)\s*/i;

function placeKey(text: string): string | undefined {
  const m = OFFSET_PREFIX.exec(text.trim());
  if (!m) return undefined;
  const places = text
    .trim()
    .slice(m[0].length)
    .toLowerCase()
    .split(/\s*[,/]\s*/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
  return places.length > 0 ? places.join(',') : undefined;
}

let byPlaces: ReadonlyMap<string, WindowsZoneRecord> | undefined;

/** The Windows zone whose display name lists the same places as `displayName`, if any. */
export function windowsZoneByDisplayName(displayName: string): WindowsZoneRecord | undefined {
  const key = placeKey(displayName);
  if (key === undefined) return undefined;
  if (!byPlaces) {
    const map = new Map<string, WindowsZoneRecord>();
    for (const r of WINDOWS_ZONES) {
      const k = placeKey(r.display);
      if (k !== undefined && !map.has(k)) map.set(k, r);
    }
    byPlaces = map;
  }
  return byPlaces.get(key);
}
