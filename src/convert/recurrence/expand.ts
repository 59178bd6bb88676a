import type { OccurrenceKey } from '../../model/event.js';
import { occurrenceKey } from '../../model/keys.js';
import type { RecurrenceRule } from '../../model/recurrence.js';
import type { EventTime } from '../../model/time.js';
import { isoUtc, isoUtcSecond, utcMsAsLocal, wallToEpochMs } from '../../model/instant.js';
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

/**
 * An occurrence the rule generated. Its EventTime and key are made only when asked for: cancellation
 * inference asks for neither for most occurrences, and formatting a key for each was much of its cost.
 */
class Generated implements ExpandedOccurrence {
  private madeKey: OccurrenceKey | undefined;

  constructor(
    readonly ms: number,
    readonly wall: WallMs,
    private readonly like: EventTime,
  ) {}

  get key(): OccurrenceKey {
    return (this.madeKey ??= generatedKey(this.like, this.ms, this.wall));
  }

  get time(): EventTime {
    return atWall(this.wall, this.like);
  }
}

/** The key of an occurrence generated at `wall` (instant `ms`) in a series starting at `like` (keys.ts). */
function generatedKey(like: EventTime, ms: number, wall: WallMs): OccurrenceKey {
  // A zoned key is its UTC instant: made from `ms`, sparing a second zone lookup.
  return like.kind === 'zoned' ? isoUtc(ms) : like.kind === 'floating' ? utcMsAsLocal(wall) : utcMsAsLocal(wall).slice(0, 10);
}

/**
 * A number that two occurrences of a series share whenever their keys are equal: the key's second
 * (zoned: of the instant; floating: of the wall) or day (dates). Undefined where the key's form does
 * not follow from it (outside years 1000–9999, see isoUtcSecond), so nothing can be vouched for.
 */
function keyIdentity(kind: EventTime['kind'], ms: number, wall: WallMs): number | undefined {
  const second = isoUtcSecond(kind === 'zoned' ? ms : wall);
  return kind === 'date' && second !== undefined ? Math.floor(wall / DAY_MS) : second;
}

/** DTSTART or an RDATE, when its instant lies in the window and it is not excluded. */
function given(time: EventTime, args: ExpandRuleArgs): ExpandedOccurrence | undefined {
  const ms = instantOf(time, args.floatingTz ?? 'UTC');
  // A zoned key is its UTC instant (keys.ts): computed from `ms` to spare a second zone lookup.
  const key = time.kind === 'zoned' ? isoUtc(ms) : occurrenceKey(time);
  return ms >= args.fromMs && ms < args.toMs && !args.exdates?.includes(key) ? { time, ms, key } : undefined;
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
  const startWall = wallOf(start);
  const givens: ExpandedOccurrence[] = [];
  for (const time of [start, ...(args.rdates ?? [])]) {
    const o = given(time, args);
    if (o) givens.push(o);
  }
  const generated: Generated[] = [];
  // Whether the generated keys are certainly distinct: their identities (keyIdentity) strictly increase.
  let increasing = true;
  let lastIdentity = Number.NEGATIVE_INFINITY;

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
        const o = new Generated(ms, wall, start);
        if (excluded?.has(o.key)) return true;
        generated.push(o);
        if (increasing) {
          const identity = keyIdentity(start.kind, ms, wall);
          increasing = identity !== undefined && identity > lastIdentity;
          if (increasing) lastIdentity = identity!;
        }
        accepted += 1;
        return accepted < limit && !(ms >= stopAfterMs);
      });
    }
  }
  const out = (increasing ? distinctFast(givens, generated, start, startWall) : undefined) ?? distinctByKey(givens, generated);
  // Walls come in order, so the instants nearly always do too: sorted only when they are not (DST, RDATEs).
  if (!inInstantOrder(out)) out.sort(byInstant);
  return out.length > limit ? out.slice(0, limit) : out;
}

/**
 * Every occurrence once per key, at the place its key first came, with the value that came last
 * for it (a generated DTSTART replaces the given one): a Map's set, in order.
 */
function distinctByKey(givens: readonly ExpandedOccurrence[], generated: readonly ExpandedOccurrence[]): ExpandedOccurrence[] {
  const found = new Map<OccurrenceKey, ExpandedOccurrence>();
  for (const o of givens) found.set(o.key, o);
  for (const o of generated) found.set(o.key, o);
  return Array.from(found.values());
}

/**
 * distinctByKey for generated occurrences whose keys are known to be distinct, without a key for
 * each: only the one generated occurrence that shares DTSTART's identity can share its key.
 * Undefined when that does not settle it (RDATEs, DTSTART's identity unknown): distinctByKey decides.
 */
function distinctFast(givens: readonly ExpandedOccurrence[], generated: Generated[], start: EventTime, startWall: WallMs): ExpandedOccurrence[] | undefined {
  if (givens.length === 0) return generated;
  const dtstart = givens[0]!;
  const identity = keyIdentity(start.kind, dtstart.ms, startWall);
  if (givens.length > 1 || dtstart.time !== start || identity === undefined) return undefined;
  const i = generated.findIndex((o) => keyIdentity(start.kind, o.ms, o.wall) === identity);
  if (i < 0 || generated[i]!.key !== dtstart.key) return [dtstart, ...generated];
  return [generated[i]!, ...generated.slice(0, i), ...generated.slice(i + 1)];
}

const byInstant = (a: ExpandedOccurrence, b: ExpandedOccurrence): number => a.ms - b.ms;

function inInstantOrder(list: readonly ExpandedOccurrence[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1]!.ms > list[i]!.ms) return false;
  return true;
}
