import { eventTimeToEpochMs, isoUtc, isoUtcSecond, type EventTime, type OccurrenceKey, type RecurrenceRule } from '../../model/index.js';
import { expandOccurrences, type ExpandedOccurrence } from './deps.js';

/**
 * Graph v1.0 has no list of deleted occurrences: a deleted occurrence is one the pattern expects
 * but `/instances` does not return (graph-api.md §7, "Detection without beta"). Absence is weak
 * evidence, so it is believed only where the window proves it: an occurrence moved by the user
 * stays strictly between its neighbours' days (event-update: ErrorOccurrenceCrossingBoundary,
 * https://learn.microsoft.com/graph/api/event-update), so a missing occurrence counts as cancelled
 * only when the window covers both neighbours too — a moved occurrence would have been returned.
 */

/**
 * An occurrence key in the form instances are matched by: for a timed series the second of the
 * instant (its key is isoUtc of it), so that no key is formatted for the many occurrences only
 * compared; the key itself for all-day series and for instants isoUtcSecond does not cover.
 */
export type Claim = number | OccurrenceKey;

/** The claim of a timed series' occurrence starting at `ms` (throws for NaN, as isoUtc does). */
export function instantClaim(ms: number): Claim {
  return isoUtcSecond(ms) ?? isoUtc(ms);
}

export function claimKey(claim: Claim): OccurrenceKey {
  return typeof claim === 'number' ? isoUtc(claim * 1000) : claim;
}

export interface ExpectedOccurrence {
  readonly claim: Claim;
  readonly startMs: number;
  readonly endMs: number;
}

export interface SeriesShape {
  readonly start: EventTime;
  readonly end: EventTime;
  readonly rule: RecurrenceRule;
  /** Zone that all-day dates are read in to place them on the instant line. */
  readonly zone: string;
}

/** How far beyond the window the expansion looks for neighbours (Feb 29 yearly needs 4 years). */
const NEIGHBOUR_REACH_MS = 4 * 366 * 86_400_000;
/** Growing look-back spans for the neighbour before the window: cheap for frequent series, bounded for rare ones. */
const LOOK_BACK_DAYS = [8, 32, 370, 4 * 366 + 1];

/** The series' occurrences in the window, with their neighbours on either side. */
export function expectedOccurrences(s: SeriesShape, window: { fromMs: number; toMs: number }): ExpectedOccurrence[] {
  const startMs = eventTimeToEpochMs(s.start, s.zone);
  const durationMs = eventTimeToEpochMs(s.end, s.zone) - startMs;
  // One pass for the window and the next neighbour: everything before window.toMs and the first after it.
  const inAndNext = expand(s, Math.max(startMs, window.fromMs), window.toMs + NEIGHBOUR_REACH_MS, window.toMs);
  let previous: ExpandedOccurrence | undefined;
  for (const days of LOOK_BACK_DAYS) {
    const fromMs = Math.max(startMs, window.fromMs - days * 86_400_000);
    if (fromMs >= window.fromMs) break;
    previous = expand(s, fromMs, window.fromMs).at(-1);
    if (previous !== undefined || fromMs === startMs) break;
  }
  // Both are sorted by instant and previous lies before window.fromMs: previous, then up to the first after the window.
  const timed = s.start.kind === 'zoned';
  const expected = (o: ExpandedOccurrence): ExpectedOccurrence => ({ claim: timed ? instantClaim(o.ms) : o.key, startMs: o.ms, endMs: o.ms + durationMs });
  const out: ExpectedOccurrence[] = [];
  if (previous !== undefined) out.push(expected(previous));
  for (const o of inAndNext) {
    out.push(expected(o));
    if (o.ms >= window.toMs) break;
  }
  return out;
}

function expand(s: SeriesShape, fromMs: number, toMs: number, stopAfterMs = Number.POSITIVE_INFINITY): ExpandedOccurrence[] {
  return expandOccurrences({ start: s.start, rule: s.rule, fromMs, toMs, floatingTz: s.zone, stopAfterMs });
}

/** The span a moved copy of expected[i] must lie in. */
function reach(expected: readonly ExpectedOccurrence[], i: number): { from: number; to: number } {
  const o = expected[i]!;
  const prev = expected[i - 1];
  const next = expected[i + 1];
  const before = prev ? o.startMs - prev.startMs : next ? next.startMs - o.startMs : 0;
  const after = next ? next.startMs - o.startMs : before;
  return { from: o.startMs - before, to: o.endMs + after };
}

/** Keys expected inside the window, unclaimed by instances, whose whole reach the window covers. */
export function inferCancelled(
  expected: readonly ExpectedOccurrence[],
  claimed: ReadonlySet<Claim>,
  window: { fromMs: number; toMs: number },
): OccurrenceKey[] {
  const cancelled: OccurrenceKey[] = [];
  for (let i = 0; i < expected.length; i++) {
    const o = expected[i]!;
    if (claimed.has(o.claim)) continue;
    const r = reach(expected, i);
    if (r.from >= window.fromMs && r.to <= window.toMs) cancelled.push(claimKey(o.claim));
  }
  return cancelled;
}

/**
 * The original of an exception Graph returned without originalStart (a `$select` without it, as in
 * the /instances doc sample): the nearest expected occurrence no other instance claims.
 */
export function nearestUnclaimed(
  expected: readonly ExpectedOccurrence[],
  claimed: ReadonlySet<Claim>,
  startMs: number,
): ExpectedOccurrence | undefined {
  let best: ExpectedOccurrence | undefined;
  for (const o of expected) {
    if (claimed.has(o.claim)) continue;
    if (!best || Math.abs(o.startMs - startMs) < Math.abs(best.startMs - startMs)) best = o;
  }
  return best;
}
