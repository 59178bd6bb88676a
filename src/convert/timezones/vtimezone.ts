import { UnknownTimeZoneError, localToEpochMs, zoneOffsetMinutes } from '../../model/instant.js';
import { BoundedCache } from './bounded-cache.js';
import { canonicalIana, currentRulesVtimezone } from './iana-names.js';
import { offsetTransitions } from '../../model/zone-offsets.js';
import { buildVtimezone } from './vtimezone-rules.js';
import { vtimezoneMatchesIana } from './zone-match.js';

/**
 * VTIMEZONE text for the wire. timezones-ical-library's blocks are what Apple and Google send, but they carry
 * current rules only (caldav-ical.md §4): America/New_York before 2007 would be off by an hour for weeks each
 * year. So a library block is used only when it reproduces Node's tz data exactly over the years asked for;
 * otherwise the block is generated from Intl's transitions.
 */

const UTC_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:UTC',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0000',
  'END:STANDARD',
  'END:VTIMEZONE',
]
  .map((l) => `${l}\r\n`)
  .join('');

const LOOKAHEAD_MS = 2 * 366 * 86_400_000;
const cache = new BoundedCache<string>(1024);

/**
 * VTIMEZONE (BEGIN:VTIMEZONE … END:VTIMEZONE, CRLF line ends) for IANA zone `tz`, exact for every instant from
 * local midnight on 1 January `fromYear` to the end of `toYear`; defaults: the current year and ten more.
 * TZID is the zone's current IANA spelling (canonicalIana). Throws UnknownTimeZoneError for unknown zones.
 */
export function vtimezoneFor(tz: string, fromYear?: number, toYear?: number): string {
  const id = canonicalIana(tz);
  if (id === undefined) throw new UnknownTimeZoneError(tz);
  if (id === 'UTC') return UTC_VTIMEZONE;
  const from = fromYear ?? new Date().getUTCFullYear();
  const to = toYear ?? from + 10;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) {
    throw new RangeError(`bad year range ${from}..${to} for VTIMEZONE ${id}`);
  }
  const key = `${id} ${from} ${to}`;
  return cache.get(key) ?? cache.set(key, generate(id, from, to));
}

function generate(tz: string, fromYear: number, toYear: number): string {
  const startMs = localToEpochMs(`${String(fromYear).padStart(4, '0')}-01-01T00:00:00`, tz);
  const endMs = localToEpochMs(`${String(toYear + 1).padStart(4, '0')}-01-01T00:00:00`, tz);
  const transitions = offsetTransitions(tz, startMs, endMs + LOOKAHEAD_MS);
  const library = currentRulesVtimezone(tz);
  if (library !== undefined && vtimezoneMatchesIana(library, tz, startMs, endMs, transitions)) return library;
  return buildVtimezone({ tzid: tz, startMs, endMs, startOffsetMinutes: zoneOffsetMinutes(tz, startMs), transitions });
}
