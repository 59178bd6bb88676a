import { resolveGraphZone, ianaToWindows } from './deps.js';
import {
  convertLocal,
  dateValue,
  epochMsToLocal,
  localToEpochMs,
  zoned,
  type EventTime,
  type LocalDateTimeString,
} from '../../model/index.js';
import type { GraphDateTimeTimeZone, GraphEvent } from '../../graph/types.js';
import { GraphConversionError } from './errors.js';

/** Where a Graph time belongs, for error messages. */
export interface TimeContext {
  readonly eventId: string | undefined;
  readonly property: string;
}

const isDigitAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/**
 * True for 'YYYY-MM-DDTHH:mm:ss' with an optional '.' and 1–7 fraction digits (ASCII digits only):
 * what /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d{1,7})?$/ accepts, read by character codes since
 * it runs for every time of every event.
 */
function isGraphLocal(s: string): boolean {
  const n = s.length;
  if (n !== 19 && (n < 21 || n > 27 || s.charCodeAt(19) !== 46)) return false;
  // Character codes: '-' 45, 'T' 84, ':' 58.
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return false;
  const fields = isDigitAt(s, 0) && isDigitAt(s, 1) && isDigitAt(s, 2) && isDigitAt(s, 3) && isDigitAt(s, 5) && isDigitAt(s, 6) && isDigitAt(s, 8) && isDigitAt(s, 9);
  if (!fields || !isDigitAt(s, 11) || !isDigitAt(s, 12) || !isDigitAt(s, 14) || !isDigitAt(s, 15) || !isDigitAt(s, 17) || !isDigitAt(s, 18)) return false;
  for (let i = 20; i < n; i++) if (!isDigitAt(s, i)) return false;
  return true;
}

/** Graph's '2017-04-15T11:00:00.0000000' (7 fraction digits, no offset) as a model local string. */
export function parseGraphLocal(dateTime: string, ctx: TimeContext): LocalDateTimeString {
  if (!isGraphLocal(dateTime)) throw new GraphConversionError(`not a Graph dateTime "${dateTime}"`, ctx.eventId, ctx.property);
  return dateTime.length === 19 ? dateTime : dateTime.slice(0, 19);
}

/**
 * The IANA zone an event was created in, from originalStartTimeZone / recurrenceTimeZone.
 * undefined = not given ($select); 'UTC' for Outlook's legacy custom zones, whose rules Graph never
 * exposes (graph-api.md §8: map tzone://Microsoft/Custom to UTC instants).
 */
export function eventZone(name: string | null | undefined): string | undefined {
  if (!name) return undefined;
  const z = resolveGraphZone(name);
  return z.kind === 'iana' ? z.tz : 'UTC';
}

/**
 * A Graph start/end → model time. Reads are in UTC or in the `Prefer: outlook.timezone` zone
 * (https://learn.microsoft.com/graph/api/event-get, "Prefer: outlook.timezone"); the wall time is
 * moved into the event's own zone so the same event gives the same model either way. All-day values
 * are midnight-to-midnight whatever the zone ("All day events always return midnight-to-midnight
 * regardless of time zone", microsoftgraph/microsoft-graph-docs#1802): their date is taken as-is.
 */
export function graphTimeToModel(
  value: GraphDateTimeTimeZone,
  allDay: boolean,
  ownZone: string | undefined,
  ctx: TimeContext,
): EventTime {
  const { dateTime, timeZone } = value;
  const local = parseGraphLocal(dateTime, ctx);
  if (allDay) return dateValue(local.slice(0, 10));
  const returned = resolveGraphZone(timeZone);
  if (returned.kind !== 'iana') {
    throw new GraphConversionError(`unknown response time zone "${timeZone}"`, ctx.eventId, ctx.property);
  }
  const target = ownZone ?? returned.tz;
  return zoned(target === returned.tz ? local : convertLocal(local, returned.tz, target), target);
}

/** Options for writing times to Graph. */
export interface GraphTimeOptions {
  /** IANA zone that floating times and all-day dates are pinned to on the Graph side (default UTC). */
  readonly floatingZone?: string;
}

/** Graph's name for an IANA zone: its Windows name (accepted by every mailbox), 'UTC' for UTC. */
export function graphZoneName(tz: string): string | undefined {
  return tz === 'UTC' || tz === 'Etc/UTC' ? 'UTC' : ianaToWindows(tz);
}

export interface GraphTimeResult {
  readonly value: GraphDateTimeTimeZone;
  /** Set when the zone had no Windows name and the time was written as UTC instead. */
  readonly warning?: string;
}

/**
 * A model time → Graph start/end. Windows zone names are used because IANA names outside Graph's
 * documented list may be rejected (https://learn.microsoft.com/graph/api/resources/datetimetimezone).
 * All-day dates become midnight in the floating zone (Graph requires midnight-to-midnight, isAllDay).
 */
export function modelTimeToGraph(t: EventTime, opts: GraphTimeOptions = {}): GraphTimeResult {
  const floatingZone = opts.floatingZone ?? 'UTC';
  const local = t.kind === 'date' ? `${t.date}T00:00:00` : t.local;
  const tz = t.kind === 'zoned' ? t.tz : floatingZone;
  const name = graphZoneName(tz);
  if (name) return { value: { dateTime: local, timeZone: name } };
  if (t.kind === 'date') return { value: { dateTime: local, timeZone: 'UTC' } };
  const utc = epochMsToLocal(localToEpochMs(local, tz), 'UTC');
  return {
    value: { dateTime: utc, timeZone: 'UTC' },
    warning: `time zone ${tz} has no Windows name; written to Graph as UTC`,
  };
}

/**
 * Start and end of a Graph event in its own zone: `zone` when given (a series' recurrenceTimeZone),
 * else originalStartTimeZone / originalEndTimeZone, else the zone Graph answered in.
 */
export function graphEventTimes(e: GraphEvent, zone?: string): { start: EventTime; end: EventTime } {
  // Each property read once: events come in many shapes, so every read is a look-up.
  const { start, end, id, isAllDay, originalStartTimeZone, originalEndTimeZone } = e;
  if (!start || !end) {
    throw new GraphConversionError('event has no start/end', id, start ? 'end' : 'start');
  }
  const allDay = isAllDay === true;
  const startZone = zone ?? eventZone(originalStartTimeZone);
  const endZone = eventZone(originalEndTimeZone) ?? startZone;
  return {
    start: graphTimeToModel(start, allDay, startZone, { eventId: id, property: 'start' }),
    end: graphTimeToModel(end, allDay, endZone, { eventId: id, property: 'end' }),
  };
}
