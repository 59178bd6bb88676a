import type { OccurrenceKey } from '../../model/event.js';
import { occurrenceKey } from '../../model/keys.js';
import type { RecurrenceRule } from '../../model/recurrence.js';
import type { EventTime } from '../../model/time.js';
import { firstMatch, makeRrule, neverMatches } from './rrule-engine.js';
import { skipAhead } from './skip-ahead.js';
import { untilWallBound, withinUntil } from './until.js';
import { atWall, DAY_MS, instantOf, wallOf } from './wall.js';

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
}

/** Offsets lie within ±14 h, so this margin turns an instant window into a safe wall window. */
const MARGIN_MS = 2 * DAY_MS;
/** The JS Date range: open windows (±Infinity) are clamped to it. */
const DATE_LIMIT_MS = 8.64e15 - MARGIN_MS;

/**
 * Expand a rule in local wall time, then attach the start's zone (or kind) to each occurrence.
 * Sorted by instant, no duplicates (by occurrence key). Cost is bounded by the window, not by
 * the series' age, unless the rule has a COUNT (then by COUNT).
 */
export function expandRule(args: ExpandRuleArgs): EventTime[] {
  const { start, rule, fromMs, toMs } = args;
  const zone = args.floatingTz ?? 'UTC';
  const limit = args.limit ?? Number.POSITIVE_INFINITY;
  const excluded = new Set(args.exdates ?? []);
  const found = new Map<OccurrenceKey, { t: EventTime; ms: number }>();
  // A zoned key is its UTC instant (keys.ts): computed from `ms` to spare a second zone lookup.
  const keyOf = (t: EventTime, ms: number): OccurrenceKey => (t.kind === 'zoned' ? `${new Date(ms).toISOString().slice(0, 19)}Z` : occurrenceKey(t));
  const inWindow = (t: EventTime): number | undefined => {
    const ms = instantOf(t, zone);
    return ms >= fromMs && ms < toMs && !excluded.has(keyOf(t, ms)) ? ms : undefined;
  };
  const add = (t: EventTime, ms: number): void => {
    found.set(keyOf(t, ms), { t, ms });
  };

  const startWall = wallOf(start);
  const startMs = inWindow(start);
  if (startMs !== undefined) add(start, startMs);
  for (const r of args.rdates ?? []) {
    const ms = inWindow(r);
    if (ms !== undefined) add(r, ms);
  }

  // RFC 5545 counts a non-matching DTSTART towards COUNT; rrule does not generate it at all.
  const startMatches = firstMatch(rule, startWall) === startWall;
  const count = rule.count !== undefined && !startMatches ? rule.count - 1 : rule.count;
  if (count !== 0 && !neverMatches(rule)) {
    let toWall = Math.min(toMs, DATE_LIMIT_MS) + MARGIN_MS;
    if (rule.until) toWall = Math.min(toWall, untilWallBound(rule.until, start, zone));
    const fromWall = Math.max(fromMs, -DATE_LIMIT_MS) - MARGIN_MS;
    const rebased = skipAhead({ ...rule, count }, startWall, fromWall);
    let accepted = 0;
    if (toWall >= fromWall) {
      makeRrule(rebased.rule, rebased.dtstart).between(new Date(fromWall), new Date(toWall), true, (d) => {
        const t = atWall(d.getTime(), start);
        const ms = inWindow(t);
        if (ms !== undefined && (!rule.until || withinUntil(rule.until, t, zone))) {
          add(t, ms);
          accepted += 1;
        }
        return accepted < limit;
      });
    }
  }
  return [...found.values()]
    .sort((a, b) => a.ms - b.ms)
    .slice(0, limit)
    .map((o) => o.t);
}
