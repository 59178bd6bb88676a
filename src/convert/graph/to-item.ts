import {
  eventTimeToEpochMs,
  type CalendarItem,
  type CalendarSeries,
  type EventFields,
  type EventOccurrence,
  type EventTime,
  type OccurrenceKey,
} from '../../model/index.js';
import type { GraphEvent } from '../../graph/types.js';
import { claimKey, expectedOccurrences, inferCancelled, instantClaim, nearestUnclaimed, type Claim, type ExpectedOccurrence } from './cancellations.js';
import { EmptySeriesError, GraphRecurrenceError, graphToRule } from './deps.js';
import { GraphConversionError } from './errors.js';
import { graphFields, graphOccurrence, withTimes } from './fields-from-graph.js';
import { canonicalInstantMs, graphOccurrenceKey, parseGraphInstant } from './instants.js';
import { shiftWall } from './occurrences.js';
import { eventZone, graphEventTimes } from './times.js';

/** A Graph single event, or a series master with the `/instances` Graph returned for `window`. */
export type GraphItemInput =
  | { readonly master: GraphEvent; readonly instances?: readonly GraphEvent[]; readonly window?: GraphWindow }
  | { readonly event: GraphEvent };

/** The startDateTime/endDateTime the instances were listed with (no offset = UTC). */
export interface GraphWindow {
  readonly start: string;
  readonly end: string;
}

export interface GraphToItemResult {
  readonly item: CalendarItem;
  readonly warnings: string[];
}

/**
 * The UID: the master's iCalUId. In v1.0 each occurrence has its own iCalUId, so an occurrence's
 * must never become a UID (https://learn.microsoft.com/graph/api/resources/event, iCalUId).
 */
function uidOf(e: GraphEvent, given: string | undefined): string {
  const uid = given ?? e.iCalUId;
  if (!uid) throw new GraphConversionError('no iCalUId and no uid given', e.id, 'iCalUId');
  return uid;
}

function occurrence(e: GraphEvent, zone?: string): EventOccurrence {
  const { start, end } = graphEventTimes(e, zone);
  return graphOccurrence(e, start, end);
}

/**
 * An instance with isAllDay filled in from its master (instances may come without it). Only a copy
 * that would read differently is made: graphEventTimes takes an event as all-day only when
 * isAllDay === true, and a spread copy that gains a key is a slow object in V8.
 */
function withAllDay(e: GraphEvent, isAllDay: boolean | undefined): GraphEvent {
  const own = e.isAllDay;
  const value = own ?? isAllDay;
  return (value === true) === (own === true) ? e : { ...e, isAllDay: value };
}

export function graphToItem(input: GraphItemInput, opts: { uid?: string } = {}): GraphToItemResult {
  if ('event' in input) {
    const e = input.event;
    if (e.recurrence) return seriesToItem(e, [], undefined, opts.uid);
    if (e.type === 'occurrence' || e.type === 'exception') {
      throw new GraphConversionError(`an ${e.type} is part of a series, not an item`, e.id, 'type');
    }
    return { item: { kind: 'single', uid: uidOf(e, opts.uid), event: occurrence(e) }, warnings: [] };
  }
  return seriesToItem(input.master, input.instances ?? [], input.window, opts.uid);
}

function seriesToItem(
  master: GraphEvent,
  instances: readonly GraphEvent[],
  window: GraphWindow | undefined,
  givenUid: string | undefined,
): GraphToItemResult {
  const recurrence = master.recurrence;
  if (!recurrence) throw new GraphConversionError('series master without recurrence', master.id, 'recurrence');
  const uid = uidOf(master, givenUid);
  const warnings: string[] = [];
  const allDay = master.isAllDay === true;
  const recurrenceZone = eventZone(recurrence.range.recurrenceTimeZone);
  const times = graphEventTimes(master, recurrenceZone);
  const zone = times.start.kind === 'zoned' ? times.start.tz : (recurrenceZone ?? 'UTC');
  const converted = ruleOf(master, times.start, zone);
  warnings.push(...converted.warnings);
  const fields = graphFields(master);
  // graphToRule moves a start the pattern skips to the first real occurrence; the end follows.
  const masterOcc = withTimes(fields, converted.start, shiftWall(times.end, times.start, converted.start));
  const windowMs = window && {
    fromMs: parseGraphInstant(window.start, master.id, 'window.start'),
    toMs: parseGraphInstant(window.end, master.id, 'window.end'),
  };
  const expected = windowMs
    ? expectedOccurrences({ start: converted.start, end: masterOcc.end, rule: converted.rule, zone }, windowMs)
    : [];

  const { claimed, overrides } = readInstances(instances, { uid, allDay, zone, expected, master, fields, warnings });
  if (instances.length > 0 && !windowMs) warnings.push(`instances of ${uid} came without a window; no cancellations inferred`);
  const cancelled = windowMs ? inferCancelled(expected, claimed, windowMs) : [];
  const item: CalendarSeries = {
    kind: 'series',
    uid,
    master: masterOcc,
    rule: converted.rule,
    overrides,
    cancelled: cancelled.sort(),
  };
  return { item, warnings };
}

interface InstanceContext {
  readonly uid: string;
  readonly allDay: boolean;
  readonly zone: string;
  readonly expected: readonly ExpectedOccurrence[];
  readonly master: GraphEvent;
  /** The master's fields, which an exception inherits where it says nothing. */
  readonly fields: EventFields;
  readonly warnings: string[];
}

/**
 * Claims every instance's original start: exceptions become overrides, occurrences only count as
 * present. An occurrence starts where the pattern put it, so its start stands in for a missing
 * originalStart; an exception without one takes the nearest expected occurrence nobody claims.
 */
function readInstances(
  instances: readonly GraphEvent[],
  ctx: InstanceContext,
): { claimed: Set<Claim>; overrides: Record<OccurrenceKey, EventOccurrence> } {
  const claimed = new Set<Claim>();
  const overrides: Record<OccurrenceKey, EventOccurrence> = {};
  const unkeyed: GraphEvent[] = [];
  for (const e of instances) {
    const type = e.type;
    const claim = instanceClaim(e, type, ctx);
    if (claim === undefined) {
      if (type === 'exception') unkeyed.push(e);
      continue;
    }
    claimed.add(claim);
    if (type === 'exception') overrides[claimKey(claim)] = asOverride(e, ctx);
  }
  for (const e of unkeyed) {
    const at = nearestUnclaimed(ctx.expected, claimed, instanceStartMs(e, e.isAllDay ?? ctx.allDay, ctx.zone));
    if (!at) throw new GraphConversionError('exception without originalStart', e.id, 'originalStart');
    const key = claimKey(at.claim);
    ctx.warnings.push(`exception ${e.id ?? '?'} of ${ctx.uid} came without originalStart; taken as the one of ${key}`);
    claimed.add(at.claim);
    overrides[key] = asOverride(e, ctx);
  }
  return { claimed, overrides };
}

/** The claim (cancellations.ts) of an instance's original start; undefined when it has none to go by. */
function instanceClaim(e: GraphEvent, type: GraphEvent['type'], ctx: InstanceContext): Claim | undefined {
  const originalStart = e.originalStart;
  if (originalStart) {
    if (ctx.allDay) return graphOccurrenceKey(parseGraphInstant(originalStart, e.id, 'originalStart'), true, ctx.zone);
    return instantClaim(canonicalInstantMs(originalStart) ?? parseGraphInstant(originalStart, e.id, 'originalStart'));
  }
  if (type !== 'occurrence') return undefined;
  const startMs = instanceStartMs(e, e.isAllDay ?? ctx.allDay, ctx.zone);
  return ctx.allDay ? graphOccurrenceKey(startMs, true, ctx.zone) : instantClaim(startMs);
}

/** An exception as an override: its own fields over the master's, its times in the series zone. */
function asOverride(e: GraphEvent, ctx: InstanceContext): EventOccurrence {
  const { start, end } = graphEventTimes(withAllDay(e, ctx.master.isAllDay), eventZone(e.originalStartTimeZone) ?? ctx.zone);
  return graphOccurrence(e, start, end, ctx.fields);
}

function ruleOf(master: GraphEvent, start: EventTime, zone: string): ReturnType<typeof graphToRule> {
  try {
    return graphToRule(master.recurrence!, start, zone);
  } catch (e) {
    if (e instanceof GraphRecurrenceError || e instanceof EmptySeriesError) {
      throw new GraphConversionError(e.message, master.id, 'recurrence', { cause: e });
    }
    throw e;
  }
}

/** Where an instance starts; an all-day date counts as its midnight UTC (see graphOccurrenceKey). */
function instanceStartMs(e: GraphEvent, isAllDay: boolean, zone: string): number {
  const { start } = graphEventTimes(withAllDay(e, isAllDay), zone);
  return start.kind === 'date' ? Date.parse(`${start.date}T00:00:00Z`) : eventTimeToEpochMs(start);
}
