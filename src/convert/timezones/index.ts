export { canonicalIana, icuZoneId } from './iana-names.js';
export { ianaToWindows, resolveGraphZone, windowsToIana, windowsZoneRecord, type GraphZone } from './windows-zones.js';
export { vtimezoneFor } from './vtimezone.js';
export { customZoneOffsetMinutes, parseVtimezone, VtimezoneParseError } from './custom-zone.js';
