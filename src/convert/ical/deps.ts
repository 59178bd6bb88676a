/**
 * The one place this folder reaches the time-zone and RRULE converters, so they stay swappable.
 */
export { vtimezoneFor, customZoneOffsetMinutes, resolveIcalTzid } from '../timezones/index.js';
export { ianaZoneForTzidName } from '../timezones/ical-tzid.js';
export { parseRrule, formatRrule, ruleFromJcalRecur } from '../recurrence/index.js';
