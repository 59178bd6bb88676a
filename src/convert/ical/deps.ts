/**
 * The one place this folder reaches the time-zone and RRULE converters, so they stay swappable.
 */
export { vtimezoneFor, customZoneOffsetMinutes } from '../timezones/index.js';
export { resolveIcalTzid } from '../timezones/ical-tzid.js';
export { parseRrule, formatRrule } from '../recurrence/index.js';
