import { epochMsToLocal, isKnownZone, localToEpochMs } from '../../model/instant.js';
import { resolveGraphZone } from '../../convert/timezones/windows-zones.js';
import { GraphError, timeZoneNotSupported } from './errors.js';

/**
 * Time values on Graph's wire. Source: MGDC:api-reference/v1.0/resources/datetimetimezone.md and
 * graph-api.md §2/§8: `dateTime` is wall time with exactly 7 fractional digits and no offset;
 * server timestamps are UTC with `Z` and trailing fractional zeros trimmed.
 */

/** A wall time in a zone as the emulator stores it: the IANA zone for arithmetic, the name as given for echoing. */
export interface StoredTime {
  /** 'YYYY-MM-DDTHH:mm:ss' */
  readonly local: string;
  /** IANA id (or 'UTC') used for instants. */
  readonly tz: string;
  /** The zone name exactly as the client sent it (Windows or IANA): originalStartTimeZone echoes it. */
  readonly zoneName: string;
}

/** Windows or IANA zone name → IANA id; unknown or custom zones are rejected as Graph does. */
export function ianaZoneOf(name: string): string {
  const resolved = resolveGraphZone(name);
  if (resolved.kind === 'iana' && isKnownZone(resolved.tz)) return resolved.tz;
  throw timeZoneNotSupported(name);
}

const WALL_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(\.\d{1,7})?$/;

/** Parse a request `dateTime` (no offset, optional fraction) to 'YYYY-MM-DDTHH:mm:ss'. */
export function parseWallTime(value: unknown, property: string): string {
  const m = typeof value === 'string' ? WALL_RE.exec(value) : null;
  if (!m) {
    throw new GraphError(400, 'ErrorInvalidRequest', `Cannot convert the literal '${String(value)}' to the expected type 'Edm.DateTime' (${property}).`);
  }
  return `${m[1]!}${m[2] ?? ':00'}`;
}

/** '2017-04-15T11:00:00' → '2017-04-15T11:00:00.0000000'. */
export function formatWallTime(local: string): string {
  return `${local}.0000000`;
}

/** Epoch ms → '2017-04-15T03:00:50.757Z' with trailing fractional zeros (and a bare dot) removed. */
export function formatServerTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.replace(/\.?0+Z$/, 'Z');
}

/** Graph's "never" for response times (sample 01: responseStatus.time). */
export const NEVER_TIMESTAMP = '0001-01-01T00:00:00Z';

const WINDOW_RE = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2})?(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A calendarView window bound. "interpreted using the timezone offset specified in the value ... If no
 * timezone offset is included in the value, it is interpreted as UTC" (MGDC:api-reference/v1.0/api/user-list-calendarview.md).
 * A '+' sent unencoded arrives as a space and the value is invalid (msgraph-sdk-javascript#529).
 */
export function parseWindowBound(value: string, parameter: 'StartDateTime' | 'EndDateTime'): number {
  const m = WINDOW_RE.exec(value);
  if (!m) {
    throw new GraphError(400, 'ErrorInvalidParameter', `The value of parameter '${parameter}' is invalid.`);
  }
  const local = `${m[1]!}T${m[2] ?? '00:00'}${m[3] ?? ':00'}`;
  const fractionMs = m[4] ? Math.floor(Number(`0${m[4]}`) * 1000) : 0;
  const offset = m[5];
  let offsetMin = 0;
  if (offset && offset.toUpperCase() !== 'Z') {
    const digits = offset.replace(':', '');
    offsetMin = (digits[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return localToEpochMs(local, 'UTC') + fractionMs - offsetMin * 60_000;
}

export function storedTimeToMs(t: StoredTime): number {
  return localToEpochMs(t.local, t.tz);
}

/** The wall time of an instant in the zone a reader asked for. */
export function wallTimeIn(ms: number, tz: string): string {
  return epochMsToLocal(ms, tz);
}
