import type { CalendarItem, CalendarSeries } from '../../model/index.js';
import type { HtmlReader } from '../../model/fingerprint.js';
import type { GraphEvent } from '../../graph/types.js';
import { htmlReaderMemo } from './field-changes.js';
import { fallbackPlan } from './fallback.js';
import type { GraphWriteOptions } from './fields-to-graph.js';
import { keyToGraphInstant, plainOccurrences } from './occurrences.js';
import { isEmptyPatch, occurrencePatch } from './patch.js';
import { graphRecurrence } from './recurrence-out.js';

export interface GraphCreateOptions extends GraphWriteOptions {
  /** How far ahead (epoch ms) a series Graph cannot express is written out as single events. */
  readonly horizonMs?: number;
}

export interface GraphCreatePlan {
  /** POST body for the single event or series master. */
  readonly payload: GraphEvent;
  /** PATCHes of occurrences after the POST (exceptions), by Graph originalStart (ISO UTC). */
  readonly exceptions: { originalStart: string; patch: GraphEvent }[];
  /** Occurrences to DELETE after the POST, by Graph originalStart (ISO UTC). */
  readonly cancelled: string[];
  /** More events to POST when the series had to be written out occurrence by occurrence. */
  readonly extraSingles?: GraphEvent[];
  readonly warnings: string[];
}

/**
 * The Graph writes that create `item`: a POST, then per-occurrence PATCHes and DELETEs (Graph
 * has no way to create an exception directly, graph-api.md §7). Attendees go into the body unless
 * `includeAttendees` (see attendee-block.ts): creating a meeting in Graph emails invitations.
 */
export function itemToGraphCreate(item: CalendarItem, opts: GraphCreateOptions = {}): GraphCreatePlan {
  const warnings: string[] = [];
  if (item.kind === 'single') {
    return { payload: occurrencePatch(undefined, item.event, opts, warnings), exceptions: [], cancelled: [], warnings };
  }
  const recurrence = graphRecurrence(item, opts);
  if (recurrence.kind !== 'exact') {
    return { ...fallbackPlan(item, recurrence.reason, opts, warnings), warnings };
  }
  const read = htmlReaderMemo();
  const payload = occurrencePatch(undefined, item.master, opts, warnings, read);
  payload.recurrence = recurrence.recurrence;
  const { exceptions, cancelled } = occurrenceWrites(item, opts, warnings, read);
  return { payload, exceptions, cancelled, warnings };
}

function occurrenceWrites(
  series: CalendarSeries,
  opts: GraphCreateOptions,
  warnings: string[],
  read: HtmlReader,
): Pick<GraphCreatePlan, 'exceptions' | 'cancelled'> {
  const exceptions: GraphCreatePlan['exceptions'] = [];
  const plain = plainOccurrences(series);
  for (const key of Object.keys(series.overrides).sort()) {
    const originalStart = keyToGraphInstant(key, opts.floatingZone);
    const patch = occurrencePatch(plain(key), series.overrides[key]!, opts, warnings, read);
    if (!isEmptyPatch(patch)) exceptions.push({ originalStart, patch });
  }
  return { exceptions, cancelled: [...series.cancelled].sort().map((key) => keyToGraphInstant(key, opts.floatingZone)) };
}
