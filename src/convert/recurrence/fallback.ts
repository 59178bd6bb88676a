import type { GraphPatternedRecurrence } from '../../graph/types.js';
import type { OccurrenceKey } from '../../model/event.js';
import { convertLocal } from '../../model/instant.js';
import type { RecurrenceRule } from '../../model/recurrence.js';
import type { EventTime } from '../../model/time.js';
import { expandRule } from './expand.js';
import { formatRrule } from './rrule-text.js';
import { addDays, atWall, DAY_MS, instantOf, localDateOf, timePart, wallOf } from './wall.js';

/** A series with no occurrence up to the horizon: there is nothing for a carrier to carry. */
export class NoOccurrencesError extends Error {
  constructor(readonly label: string) {
    super(`${label}: no occurrence before the horizon; nothing to write to Graph`);
    this.name = 'NoOccurrencesError';
  }
}

export interface FallbackArgs {
  /** Master start (DTSTART) and end (DTEND): the end gives every occurrence's duration. */
  readonly start: EventTime;
  readonly end: EventTime;
  readonly rule: RecurrenceRule;
  readonly rdates?: readonly EventTime[];
  readonly exdates?: readonly OccurrenceKey[];
  /** Occurrences starting before this instant are carried (the sync window's end). */
  readonly horizonMs: number;
  readonly seriesTz: string;
  readonly windowsZone: string;
  /** Names the item in the warning (uid or summary). */
  readonly label?: string;
  /** Why the rule went to the fallback (ruleToGraph's reason), quoted in the warning. */
  readonly reason?: string;
}

export interface TimeSpan {
  readonly start: EventTime;
  readonly end: EventTime;
}

export interface FallbackCarrier {
  readonly recurrence: GraphPatternedRecurrence;
  readonly masterStart: EventTime;
  readonly masterEnd: EventTime;
  /** Carrier occurrences (original starts) to delete: days with no real occurrence. */
  readonly cancelledStarts: EventTime[];
  /** Carrier occurrences to patch into exceptions, each moved within its own day. */
  readonly moved: { readonly originalStart: EventTime; readonly start: EventTime; readonly end: EventTime }[];
  /** Second and later occurrences of one local day: a daily carrier holds one per day. */
  readonly extraSingles: TimeSpan[];
  readonly warning: string;
}

/**
 * The one fallback for rules Graph cannot express (docs/recurrence.md): every occurrence up to
 * the horizon, exactly, carried by a daily interval-1 Graph series from the first to the last
 * occurrence's day. Days without an occurrence are cancelled; an occurrence at another time of day
 * than the master becomes an exception moved within its day (Graph forbids moves across the
 * neighbours' days, event-update.md ErrorOccurrenceCrossingBoundary); further occurrences on the
 * same day become single events. All times are in the series zone.
 */
export function fallbackCarrier(args: FallbackArgs): FallbackCarrier {
  const { seriesTz } = args;
  const label = args.label ?? 'series';
  const toSeries = (t: EventTime): EventTime => {
    if (t.kind === 'date' || (t.kind === 'zoned' && t.tz === seriesTz)) return t;
    return { kind: 'zoned', local: t.kind === 'zoned' ? convertLocal(t.local, t.tz, seriesTz) : t.local, tz: seriesTz };
  };
  const start = toSeries(args.start);
  const durationMs = wallOf(toSeries(args.end)) - wallOf(start);
  const spanFrom = (t: EventTime): TimeSpan => ({ start: t, end: atWall(wallOf(t) + durationMs, t) });

  const earliest = Math.min(...[args.start, ...(args.rdates ?? [])].map((t) => instantOf(t, seriesTz)));
  const occurrences = expandRule({
    start: args.start,
    rule: args.rule,
    rdates: args.rdates,
    exdates: args.exdates,
    fromMs: earliest,
    toMs: args.horizonMs,
    floatingTz: seriesTz,
  }).map(toSeries);
  const first = occurrences[0];
  if (!first) throw new NoOccurrencesError(label);

  const byDay = new Map<string, EventTime>();
  const extraSingles: TimeSpan[] = [];
  for (const o of occurrences) {
    const day = localDateOf(o);
    if (byDay.has(day)) extraSingles.push(spanFrom(o));
    else byDay.set(day, o);
  }

  const firstDay = localDateOf(first);
  const lastDay = localDateOf(occurrences.at(-1)!);
  const carrierAt = (day: string): EventTime => (first.kind === 'date' ? { kind: 'date', date: day } : { ...first, local: `${day}T${timePart(first.local)}` });
  const cancelledStarts: EventTime[] = [];
  const moved: FallbackCarrier['moved'] = [];
  const days = Math.round((wallOf({ kind: 'date', date: lastDay }) - wallOf({ kind: 'date', date: firstDay })) / DAY_MS);
  for (let i = 0; i <= days; i += 1) {
    const day = addDays(firstDay, i);
    const carrier = carrierAt(day);
    const real = byDay.get(day);
    if (!real) cancelledStarts.push(carrier);
    else if (wallOf(real) !== wallOf(carrier)) moved.push({ originalStart: carrier, ...spanFrom(real) });
  }

  const master = spanFrom(first);
  const why = args.reason ? ` (${args.reason})` : '';
  return {
    recurrence: {
      pattern: { type: 'daily', interval: 1 },
      range: { type: 'endDate', startDate: firstDay, endDate: lastDay, recurrenceTimeZone: args.windowsZone },
    },
    masterStart: master.start,
    masterEnd: master.end,
    cancelledStarts,
    moved,
    extraSingles,
    warning:
      `${label}: RRULE ${formatRrule(args.rule)} has no Graph pattern${why}; written as a daily series ${firstDay}..${lastDay} ` +
      `with ${cancelledStarts.length} cancelled day(s), ${moved.length} moved and ${extraSingles.length} extra single event(s), ` +
      `covering occurrences before ${new Date(args.horizonMs).toISOString()}`,
  };
}
