import type { OccurrenceKey } from '../../model/event.js';
import { occurrenceKey } from '../../model/keys.js';
import type { RecurrenceRule } from '../../model/recurrence.js';
import type { EventTime } from '../../model/time.js';
import { isoUtc, utcMsAsLocal, wallToEpochMs } from '../../model/instant.js';
import { eachWall, firstMatch, neverMatches } from './rrule-engine.js';
import { untilTest, untilWallBound } from './until.js';
import { atWall, DAY_MS, instantOf, type WallMs, wallOf } from './wall.js';

export interface ExpandRuleArgs {
  /** DTSTART: always the first instance (RFC 5545 §3.8.5.3), even when the rule does not match it. */
  readonly start: EventTime;
  readonly rule: RecurrenceRule;
  /** RDATE starts, added as they are (RDATEs are not bounded by COUNT/UNTIL). */
  readonly rdates?: readonly EventTime[];
  /** EXDATEs as occurrence keys (keys.ts): matched by instant for zoned times. */
  readonly exdates?: readonly OccurrenceKey[];
  /** Occurrences whose start instant lies in [fromMs, toMs) are returned; ±Infinity are allowed (give `limit` or an end). */
  readonly fromMs: number;
  readonly toMs: number;
  /** Zone in which floating times and dates are read as instants (default UTC). */
  readonly floatingTz?: string;
  /** At most this many occurrences, the earliest ones. */
  readonly limit?: number;
  /** Stop generating after the first occurrence at or after this instant (a window and its next neighbour). */
  readonly stopAfterMs?: number;
}

/** Offsets lie within ±14 h, so this margin turns an instant window into a safe wall window. */
const MARGIN_MS = 2 * DAY_MS;
/** The JS Date range: open windows (±Infinity) are clamped to it. */
const DATE_LIMIT_MS = 8.64e15 - MARGIN_MS;

/** One expanded occurrence with what the expansion already knew about it. */
export interface ExpandedOccurrence {
  readonly time: EventTime;
  /** Its instant (floating times and dates read in the expansion's zone). */
  readonly ms: number;
  readonly key: OccurrenceKey;
}

/** An occurrence the rule generated: its EventTime is made only when asked for (cancellation inference never asks). */
class Generated implements ExpandedOccurrence {
  constructor(
    readonly ms: number,
    readonly key: OccurrenceKey,
    private readonly wall: WallMs,
    private readonly like: EventTime,
  ) {}

  get time(): EventTime {
    return atWall(this.wall, this.like);
  }
}

/** DTSTART or an RDATE, when its instant lies in the window and it is not excluded. */
function addGiven(found: Map<OccurrenceKey, ExpandedOccurrence>, time: EventTime, args: ExpandRuleArgs): void {
  const ms = instantOf(time, args.floatingTz ?? 'UTC');
  // A zoned key is its UTC instant (keys.ts): computed from `ms` to spare a second zone lookup.
  const key = time.kind === 'zoned' ? isoUtc(ms) : occurrenceKey(time);
  if (ms >= args.fromMs && ms < args.toMs && !args.exdates?.includes(key)) found.set(key, { time, ms, key });
}

/**
 * Expand a rule in local wall time, then attach the start's zone (or kind) to each occurrence.
 * Sorted by instant, no duplicates (by occurrence key). Cost is bounded by the window, not by
 * the series' age, unless the rule has a COUNT (then by COUNT).
 */
export function expandRule(args: ExpandRuleArgs): EventTime[] {
  return expandOccurrences(args).map((o) => o.time);
}

/** expandRule with each occurrence's instant and key. */
export function expandOccurrences(args: ExpandRuleArgs): ExpandedOccurrence[] {
  const { start, rule, fromMs, toMs } = args;
  const zone = args.floatingTz ?? 'UTC';
  const limit = args.limit ?? Number.POSITIVE_INFINITY;
  const stopAfterMs = args.stopAfterMs ?? Number.POSITIVE_INFINITY;
  const excluded = args.exdates && args.exdates.length > 0 ? new Set(args.exdates) : undefined;
  const found = new Map<OccurrenceKey, ExpandedOccurrence>();
  const startWall = wallOf(start);
  addGiven(found, start, args);
  for (const r of args.rdates ?? []) addGiven(found, r, args);

  // RFC 5545 counts a non-matching DTSTART towards COUNT; rrule does not generate it at all.
  const count = rule.count !== undefined && firstMatch(rule, startWall) !== startWall ? rule.count - 1 : rule.count;
  if (count !== 0 && !neverMatches(rule)) {
    let toWall = Math.min(toMs, DATE_LIMIT_MS) + MARGIN_MS;
    if (rule.until) toWall = Math.min(toWall, untilWallBound(rule.until, start, zone));
    const fromWall = Math.max(fromMs, -DATE_LIMIT_MS) - MARGIN_MS;
    const tz = start.kind === 'zoned' ? start.tz : zone;
    const within = rule.until ? untilTest(rule.until, zone) : undefined;
    let accepted = 0;
    if (toWall >= fromWall) {
      eachWall(count === rule.count ? rule : { ...rule, count }, startWall, fromWall, toWall, (wall) => {
        const ms = wallToEpochMs(wall, tz);
        if (ms < fromMs || ms >= toMs || (within && !within(wall, ms))) return true;
        const key = start.kind === 'zoned' ? isoUtc(ms) : start.kind === 'floating' ? utcMsAsLocal(wall) : utcMsAsLocal(wall).slice(0, 10);
        if (excluded?.has(key)) return true;
        found.set(key, new Generated(ms, key, wall, start));
        accepted += 1;
        return accepted < limit && !(ms >= stopAfterMs);
      });
    }
  }
  const out = Array.from(found.values());
  // Walls come in order, so the instants nearly always do too: sorted only when they are not (DST, RDATEs).
  if (!inInstantOrder(out)) out.sort(byInstant);
  return out.length > limit ? out.slice(0, limit) : out;
}

const byInstant = (a: ExpandedOccurrence, b: ExpandedOccurrence): number => a.ms - b.ms;

function inInstantOrder(list: readonly ExpandedOccurrence[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1]!.ms > list[i]!.ms) return false;
  return true;
}
