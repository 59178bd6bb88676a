import { resolveGraphZone } from '../../../src/convert/timezones/index.js';
import { expandRule } from '../../../src/convert/recurrence/index.js';
import { expandRecurrence } from '../../../src/emulator/recurrence/index.js';
import type { GraphEvent } from '../../../src/graph/types.js';
import { convertLocal, eventTimeToEpochMs, localAsUtcMs, zoned, type CalendarItem, type EventTime } from '../../../src/model/index.js';

/**
 * Occurrence sets, each as sorted strings: an ISO UTC instant for timed events, the local date for
 * all-day ones (an all-day date has no instant of its own). Graph events are expanded with the
 * emulator's engine (an implementation of Graph's documented semantics written apart from
 * src/convert), model items with the convert layer's own expansion.
 */

export interface Span {
  readonly fromMs: number;
  readonly toMs: number;
  /** Compare at most this many occurrences (the earliest). */
  readonly limit: number;
}

const DAY_MS = 86_400_000;

/**
 * Expansions run two days past the span and are then cut at its end: an all-day date sits at
 * midnight of whichever zone a side pins it to, and must not fall in or out of the span by that.
 */
function cut(found: readonly string[], span: Span): string[] {
  const endIso = iso(span.toMs);
  return found.filter((o) => (o.length === 10 ? o < endIso.slice(0, 10) : o < endIso)).slice(0, span.limit);
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * A Graph event's start on its series zone's wall clock, its wall duration and that zone. Graph
 * answers in UTC or the Prefer zone; the pattern runs on the series zone's wall clock.
 */
export function seriesWallClock(e: GraphEvent): { startLocal: string; durationMs: number; tz: string } {
  const allDay = e.isAllDay === true;
  const zoneName = e.recurrence?.range.recurrenceTimeZone ?? e.originalStartTimeZone ?? e.start!.timeZone;
  const zone = resolveGraphZone(zoneName);
  const answered = resolveGraphZone(e.start!.timeZone);
  if (zone.kind !== 'iana' || answered.kind !== 'iana') throw new Error(`zone ${zoneName} or ${e.start!.timeZone} does not resolve`);
  const inSeriesZone = (dateTime: string): string => (allDay ? dateTime.slice(0, 19) : convertLocal(dateTime.slice(0, 19), answered.tz, zone.tz));
  const startLocal = inSeriesZone(e.start!.dateTime);
  return { startLocal, durationMs: localAsUtcMs(inSeriesZone(e.end!.dateTime)) - localAsUtcMs(startLocal), tz: zone.tz };
}

export function graphOccurrences(e: GraphEvent, span: Span): string[] {
  const allDay = e.isAllDay === true;
  const { startLocal, durationMs, tz } = seriesWallClock(e);
  if (!e.recurrence) return [allDay ? startLocal.slice(0, 10) : iso(eventTimeToEpochMs(zoned(startLocal, tz)))];
  const found = expandRecurrence({ recurrence: e.recurrence, startLocal, durationMs, seriesTz: tz, fromMs: span.fromMs, toMs: span.toMs + 2 * DAY_MS, limit: span.limit });
  return cut(found.map((o) => (allDay ? o.originalStartLocal.slice(0, 10) : iso(o.startMs))), span);
}

export function itemOccurrences(item: CalendarItem, span: Span, floatingTz: string): string[] {
  const render = (t: EventTime): string =>
    t.kind === 'date' ? t.date : iso(eventTimeToEpochMs(t, floatingTz));
  if (item.kind === 'single') return [render(item.event.start)];
  const found = expandRule({
    start: item.master.start,
    rule: item.rule,
    rdates: item.rdates,
    exdates: item.cancelled,
    fromMs: span.fromMs,
    toMs: span.toMs + 2 * DAY_MS,
    floatingTz,
    limit: span.limit,
  });
  return cut(found.map(render), span);
}
