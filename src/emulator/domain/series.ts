import { epochMsToLocal, localAsUtcMs } from '../../model/instant.js';
import { expandRecurrence } from '../recurrence/index.js';
import { GraphError } from './errors.js';
import type { EventContent, ExceptionRecord, StoredEvent } from './store.js';
import { type StoredTime, ianaZoneOf, storedTimeToMs } from './time.js';

/**
 * Occurrences of a series master with its exceptions and cancellations applied
 * (graph-api.md §4.3 rules 4-5). A series shares one changeKey: Exchange keeps exceptions inside the
 * master item, and the instances sample (sample 04) shows the exception and occurrences with the
 * same @odata.etag.
 */

/** One expanded instance: an occurrence, or an exception when `exception` is set. */
export interface SeriesInstance {
  readonly master: StoredEvent;
  /** Original start, UTC 'YYYY-MM-DDTHH:mm:ssZ'. */
  readonly key: string;
  readonly originalStartMs: number;
  readonly exception?: ExceptionRecord;
  /** Effective content: master's, then the exception's overrides, with this instance's start/end. */
  readonly content: EventContent;
  readonly startMs: number;
  readonly endMs: number;
}

const DAY_MS = 86_400_000;

function keyOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

export function seriesZone(master: StoredEvent): string {
  const name = master.recurrence?.range.recurrenceTimeZone;
  return name ? ianaZoneOf(name) : master.content.start.tz;
}

function wallDurationMs(master: StoredEvent, tz: string): number {
  const start = epochMsToLocal(storedTimeToMs(master.content.start), tz);
  const end = epochMsToLocal(storedTimeToMs(master.content.end), tz);
  return localAsUtcMs(end) - localAsUtcMs(start);
}

/** A time for an instant, in the zone the master was written in (so originalStartTimeZone stays meaningful). */
function timeAt(ms: number, like: StoredTime): StoredTime {
  return { local: epochMsToLocal(ms, like.tz), tz: like.tz, zoneName: like.zoneName };
}

interface PatternOccurrence {
  readonly startMs: number;
  readonly endMs: number;
}

function pattern(master: StoredEvent, window: { fromMs?: number; toMs?: number; limit?: number }): PatternOccurrence[] {
  if (!master.recurrence) return [];
  const tz = seriesZone(master);
  return expandRecurrence({
    recurrence: master.recurrence,
    startLocal: epochMsToLocal(storedTimeToMs(master.content.start), tz),
    durationMs: wallDurationMs(master, tz),
    seriesTz: tz,
    ...window,
  });
}

function instance(master: StoredEvent, occ: PatternOccurrence): SeriesInstance {
  const key = keyOf(occ.startMs);
  const exception = master.exceptions.get(key);
  const base: EventContent = {
    ...master.content,
    start: timeAt(occ.startMs, master.content.start),
    end: timeAt(occ.endMs, master.content.end),
  };
  if (!exception) return { master, key, originalStartMs: occ.startMs, content: base, startMs: occ.startMs, endMs: occ.endMs };
  const content: EventContent = { ...base, ...exception.overrides };
  return {
    master,
    key,
    originalStartMs: occ.startMs,
    exception,
    content,
    startMs: storedTimeToMs(content.start),
    endMs: storedTimeToMs(content.end),
  };
}

/** Overlap with [from, to); a zero-length event counts when it starts inside. */
export function overlaps(startMs: number, endMs: number, fromMs: number, toMs: number): boolean {
  if (startMs === endMs) return startMs >= fromMs && startMs < toMs;
  return startMs < toMs && endMs > fromMs;
}

/**
 * Instances overlapping [fromMs, toMs). Exceptions may have moved (up to the neighbouring
 * occurrences), so they are placed by their own times, not by their original slot.
 */
export function instancesIn(master: StoredEvent, fromMs: number, toMs: number): SeriesInstance[] {
  const out: SeriesInstance[] = [];
  for (const occ of pattern(master, { fromMs, toMs })) {
    const key = keyOf(occ.startMs);
    if (master.cancelled.has(key) || master.exceptions.has(key)) continue;
    out.push(instance(master, occ));
  }
  for (const key of master.exceptions.keys()) {
    if (master.cancelled.has(key)) continue;
    const found = instanceAt(master, key);
    if (found && overlaps(found.startMs, found.endMs, fromMs, toMs)) out.push(found);
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}

/** The instance whose original start is `key`, if the pattern has one there and it is not cancelled. */
/**
 * Beta's occurrenceId: `OID.{seriesMasterId}.{yyyy-MM-dd}`, the original date in the series zone
 * (MGDC:api-reference/beta/resources/event.md, sample 05).
 */
export function betaOccurrenceId(master: StoredEvent, originalStartMs: number): string {
  return `OID.${master.id}.${epochMsToLocal(originalStartMs, seriesZone(master)).slice(0, 10)}`;
}

export function instanceAt(master: StoredEvent, key: string): SeriesInstance | undefined {
  const keyMs = Date.parse(key);
  if (Number.isNaN(keyMs) || master.cancelled.has(key)) return undefined;
  const occ = pattern(master, { fromMs: keyMs, toMs: keyMs + 1 }).find((o) => o.startMs === keyMs);
  return occ ? instance(master, occ) : undefined;
}

/** A generous span holding at least two periods of the pattern, to find neighbours. */
function neighbourSpanMs(master: StoredEvent): number {
  const p = master.recurrence!.pattern;
  const periodDays = { daily: 1, weekly: 7, absoluteMonthly: 31, relativeMonthly: 31, absoluteYearly: 366, relativeYearly: 366 }[p.type];
  return (2 * periodDays * p.interval + 2) * DAY_MS;
}

/**
 * "Modified occurrence is crossing or overlapping adjacent occurrence": an occurrence cannot move
 * to or before the day of the previous occurrence, nor to or after the day of the next one
 * (MGDC:api-reference/v1.0/api/event-update.md). Days are read in the series zone.
 */
export function assertWithinNeighbours(current: SeriesInstance, newStart: StoredTime): void {
  const { master } = current;
  const tz = seriesZone(master);
  const span = neighbourSpanMs(master);
  const around = instancesIn(master, current.originalStartMs - span, current.originalStartMs + span).filter(
    (i) => i.key !== current.key,
  );
  const before = around.filter((i) => i.originalStartMs < current.originalStartMs).at(-1);
  const after = around.find((i) => i.originalStartMs > current.originalStartMs);
  const day = (ms: number): string => epochMsToLocal(ms, tz).slice(0, 10);
  const newDay = day(storedTimeToMs(newStart));
  if ((before && newDay <= day(before.startMs)) || (after && newDay >= day(after.startMs))) {
    throw new GraphError(400, 'ErrorOccurrenceCrossingBoundary', 'Modified occurrence is crossing or overlapping adjacent occurrence.');
  }
}
