import {
  dateValue,
  eventTimeToEpochMs,
  localAsUtcMs,
  occurrenceKey,
  utcMsAsLocal,
  type CalendarSeries,
  type EventOccurrence,
  type EventTime,
  type OccurrenceKey,
} from '../../model/index.js';
import type { GraphEvent } from '../../graph/types.js';
import type { FallbackArgs, FallbackCarrier } from '../recurrence/index.js';
import { fallbackCarrier, NoOccurrencesError } from './deps.js';
import { GraphConversionError } from './errors.js';
import { htmlReaderMemo } from './field-changes.js';
import type { GraphWriteOptions } from './fields-to-graph.js';
import { keyToGraphInstant, plainOccurrence, shiftWall } from './occurrences.js';
import { isEmptyPatch, occurrencePatch } from './patch.js';
import { seriesZone } from './recurrence-out.js';
import { graphZoneName } from './times.js';

const DEFAULT_HORIZON_MS = 366 * 86_400_000;
const DAY_MS = 86_400_000;

export interface FallbackPlan {
  readonly payload: GraphEvent;
  readonly exceptions: { originalStart: string; patch: GraphEvent }[];
  readonly cancelled: string[];
  readonly extraSingles: GraphEvent[];
}

/**
 * A series Graph cannot express, written through the recurrence module's daily carrier
 * (fallbackCarrier: a daily series whose empty days are cancelled and whose other-time occurrences
 * are moved exceptions, plus single events for second occurrences of a day), up to `horizonMs`
 * (default: one year after the series starts). Overrides are applied on top of the carrier.
 */
export function fallbackPlan(
  series: CalendarSeries,
  reason: string,
  opts: GraphWriteOptions & { readonly horizonMs?: number },
  warnings: string[],
): FallbackPlan {
  const tz = seriesZone(series, opts);
  const carrier = carry(series, {
    start: series.master.start,
    end: series.master.end,
    rule: series.rule,
    rdates: series.rdates,
    exdates: series.cancelled,
    horizonMs: opts.horizonMs ?? eventTimeToEpochMs(series.master.start, tz) + DEFAULT_HORIZON_MS,
    seriesTz: tz,
    windowsZone: graphZoneName(tz) ?? 'UTC',
    label: series.uid,
    reason,
  });
  warnings.push(carrier.warning);
  // The carrier works in the series zone; a floating series keys its occurrences by wall time.
  const keyOf = (t: EventTime): OccurrenceKey =>
    series.master.start.kind === 'floating' && t.kind === 'zoned' ? t.local : occurrenceKey(t);
  const target = (t: EventTime): EventOccurrence => series.overrides[keyOf(t)] ?? plainOccurrence(series, keyOf(t));
  const carrierOccurrence = (t: EventTime): EventOccurrence => ({
    ...series.master,
    start: t,
    end: shiftWall(carrier.masterEnd, carrier.masterStart, t),
  });
  const at = (t: EventTime): string => keyToGraphInstant(occurrenceKey(t), opts.floatingZone);
  const read = htmlReaderMemo();

  const cancelled = new Set(carrier.cancelledStarts.map((t) => occurrenceKey(t)));
  const moved = new Map(carrier.moved.map((m) => [occurrenceKey(m.originalStart), m.start]));
  const exceptions = carrierStarts(carrier.masterStart, carrier.recurrence.range.endDate!)
    .filter((t) => !cancelled.has(occurrenceKey(t)))
    .map((t) => ({
      originalStart: at(t),
      patch: occurrencePatch(carrierOccurrence(t), target(moved.get(occurrenceKey(t)) ?? t), opts, warnings, read),
    }))
    .filter((e) => !isEmptyPatch(e.patch));
  return {
    payload: {
      ...occurrencePatch(undefined, carrierOccurrence(carrier.masterStart), opts, warnings, read),
      recurrence: carrier.recurrence,
    },
    exceptions,
    cancelled: carrier.cancelledStarts.map(at),
    extraSingles: carrier.extraSingles.map((s) => occurrencePatch(undefined, target(s.start), opts, warnings, read)),
  };
}

/** The carrier's occurrence starts: the master's time of day on every day up to `lastDay`. */
function carrierStarts(first: EventTime, lastDay: string): EventTime[] {
  const out: EventTime[] = [];
  const firstDay = first.kind === 'date' ? first.date : first.local.slice(0, 10);
  for (let ms = localAsUtcMs(`${firstDay}T00:00:00`); ms <= localAsUtcMs(`${lastDay}T00:00:00`); ms += DAY_MS) {
    const day = utcMsAsLocal(ms).slice(0, 10);
    out.push(first.kind === 'date' ? dateValue(day) : { ...first, local: `${day}${first.local.slice(10)}` });
  }
  return out;
}

function carry(series: CalendarSeries, args: FallbackArgs): FallbackCarrier {
  try {
    return fallbackCarrier(args);
  } catch (e) {
    if (e instanceof NoOccurrencesError) throw new GraphConversionError(e.message, series.uid, 'rule', { cause: e });
    throw e;
  }
}
