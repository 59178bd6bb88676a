import type { GraphEvent } from '../../graph/types.js';
import { eventTimeToEpochMs } from '../../model/instant.js';
import { itemToGraphCreate } from '../graph/index.js';
import { icsToItem } from '../ical/index.js';
import { horizonMs, type Horizon } from './horizon.js';
import { usageError } from './input-errors.js';

export interface IcsToGraphOptions {
  /** Write attendees as Graph attendees (Exchange then emails invitations); default: a body block. */
  readonly includeAttendees?: boolean;
  /** IANA zone for floating times and all-day dates on the Graph side (default UTC). */
  readonly floatingZone?: string;
  readonly horizon?: Horizon;
}

/**
 * The stable output of `calbridge convert ics-to-graph`. Exact series: `master` is the POST body,
 * `exceptions` the PATCHes of occurrences and `cancelled` the DELETEs, both by Graph originalStart
 * (ISO UTC). A series Graph cannot express (the fallback) travels in the same envelope: its
 * occurrences are written out as `master` plus `extraSingles`, and `warnings` says so.
 */
export interface GraphEnvelope {
  readonly master: GraphEvent;
  readonly exceptions: { readonly originalStart: string; readonly patch: GraphEvent }[];
  readonly cancelled: string[];
  readonly extraSingles?: GraphEvent[];
  readonly warnings: string[];
}

export function convertIcsToGraph(text: string, opts: IcsToGraphOptions = {}): GraphEnvelope {
  if (text.trim() === '') throw usageError('no input: expected one VCALENDAR');
  const parsed = icsToItem(text);
  const { item } = parsed;
  const start = item.kind === 'single' ? item.event.start : item.master.start;
  const plan = itemToGraphCreate(item, {
    includeAttendees: opts.includeAttendees ?? false,
    ...(opts.floatingZone !== undefined ? { floatingZone: opts.floatingZone } : {}),
    ...(opts.horizon !== undefined
      ? { horizonMs: horizonMs(opts.horizon, eventTimeToEpochMs(start, opts.floatingZone ?? 'UTC')) }
      : {}),
  });
  return {
    master: plan.payload,
    exceptions: plan.exceptions,
    cancelled: plan.cancelled,
    ...(plan.extraSingles?.length ? { extraSingles: plan.extraSingles } : {}),
    warnings: [...parsed.warnings, ...plan.warnings],
  };
}
