export { canonicalIana, icuZoneId } from './iana-names.js';
export { ianaToWindows, resolveGraphZone, windowsToIana, windowsZoneRecord, type GraphZone } from './windows-zones.js';
export { vtimezoneFor } from './vtimezone.js';
export { resolveIcalTzid, UnresolvableTzidError, type IcalZone } from './ical-tzid.js';
export { customZoneOffsetMinutes, parseVtimezone, VtimezoneParseError, EXACT_FROM_YEAR } from './custom-zone.js';
