import {
  dateValue,
  epochMsToLocal,
  floating,
  isoUtc,
  localAsUtcMs,
  localToEpochMs,
  utcMsAsLocal,
  zoned,
  type CalendarSeries,
  type EventOccurrence,
  type EventTime,
  type OccurrenceKey,
} from '../../model/index.js';

/** The plain (unmodified) occurrence of `series` whose original start has key `key`. */
export function plainOccurrence(series: CalendarSeries, key: OccurrenceKey): EventOccurrence {
  return plainOccurrences(series)(key);
}

/**
 * The plain occurrences of `series`, by key. A series writes or diffs each override against its plain
 * occurrence: the master's length is worked out once for all of them (at the first call, so that a
 * series without overrides costs nothing, and a bad master time throws where it always did).
 */
export function plainOccurrences(series: CalendarSeries): (key: OccurrenceKey) => EventOccurrence {
  const master = series.master;
  const times = occurrenceTimes(master.start, master.end);
  return (key) => ({ ...master, ...times(key) });
}

const DAY_MS = 86_400_000;

/** Wall clock of a time as UTC-as-local ms; a date is its midnight. */
const wallOf = (t: EventTime): number => localAsUtcMs(t.kind === 'date' ? `${t.date}T00:00:00` : t.local);

type OccurrenceTimes = (key: OccurrenceKey) => { start: EventTime; end: EventTime };

function occurrenceTimes(start: EventTime, end: EventTime): OccurrenceTimes {
  if (start.kind === 'date') {
    let days: number | undefined;
    return (key) => {
      days ??= Math.round((wallOf(end) - wallOf(start)) / DAY_MS);
      return { start: dateValue(key), end: dateValue(utcMsAsLocal(wallOf(dateValue(key)) + days * DAY_MS).slice(0, 10)) };
    };
  }
  if (start.kind === 'floating') {
    let wallMs: number | undefined;
    return (key) => {
      const from = floating(key);
      wallMs ??= wallOf(end) - wallOf(start);
      return { start: from, end: floating(utcMsAsLocal(localAsUtcMs(key) + wallMs)) };
    };
  }
  // Zoned: every occurrence lasts as long (elapsed time) as the master, wherever DST falls.
  const endTz = end.kind === 'zoned' ? end.tz : start.tz;
  let durationMs: number | undefined;
  return (key) => {
    const startMs = Date.parse(key);
    durationMs ??= localToEpochMs(utcMsAsLocal(wallOf(end)), endTz) - localToEpochMs(start.local, start.tz);
    return {
      start: zoned(epochMsToLocal(startMs, start.tz), start.tz),
      end: zoned(epochMsToLocal(startMs + durationMs, endTz), endTz),
    };
  };
}

/**
 * The Graph originalStart (ISO UTC) of an occurrence key. Dates and floating times are pinned to
 * `floatingZone`, the zone calbridge writes all-day and floating events in.
 */
export function keyToGraphInstant(key: OccurrenceKey, floatingZone = 'UTC'): string {
  if (key.endsWith('Z')) return key;
  const local = key.length === 10 ? `${key}T00:00:00` : key;
  return isoUtc(localToEpochMs(local, floatingZone));
}

/** `t` moved by the wall-clock distance from `from` to `to`, keeping its own kind and zone. */
export function shiftWall(t: EventTime, from: EventTime, to: EventTime): EventTime {
  const local = utcMsAsLocal(wallOf(t) + wallOf(to) - wallOf(from));
  // Built as literals, not spread copies ({ ...t, local }): V8 makes those slow objects.
  return t.kind === 'date' ? dateValue(local.slice(0, 10)) : t.kind === 'zoned' ? zoned(local, t.tz) : floating(local);
}
