export { canonicalIana, icuZoneId } from './iana-names.js';
export { ianaToWindows, resolveGraphZone, windowsToIana, windowsZoneRecord, type GraphZone } from './windows-zones.js';
