import type { CalendarItem, CalendarSeries, EventOccurrence, OccurrenceKey } from '../../model/index.js';
import type { GraphEvent } from '../../graph/types.js';
import { normalizeRule, readHtml, type HtmlReader } from '../../model/fingerprint.js';
import { GraphConversionError } from './errors.js';
import { htmlReaderMemo, sameFields, sameNormal, sameTime } from './field-changes.js';
import { appendToHtmlBody, escapeHtml } from './html-write.js';
import { fieldGroups, fieldsToGraph, groupFields, writeGroup, type GraphWriteOptions } from './fields-to-graph.js';
import { keyToGraphInstant, plainOccurrences } from './occurrences.js';
import { graphRecurrence } from './recurrence-out.js';
import { graphToItem } from './to-item.js';
import { modelTimeToGraph } from './times.js';

/**
 * Minimal PATCH bodies (https://learn.microsoft.com/graph/api/event-update: "include only the
 * properties to update"). Fields are compared in the fingerprint's normal form, so reordered
 * attendees or CRLF-vs-LF are no change; properties calbridge does not map are never sent, so
 * whatever else the Graph event holds survives untouched.
 */

/** Writes the times of `o` into `out` (no separate object to merge) and returns it. */
function writeTimes(o: EventOccurrence, opts: GraphWriteOptions, warnings: string[], out: GraphEvent): GraphEvent {
  const start = modelTimeToGraph(o.start, opts);
  const end = modelTimeToGraph(o.end, opts);
  if (start.warning) warnings.push(start.warning);
  if (end.warning) warnings.push(end.warning);
  out.start = start.value;
  out.end = end.value;
  out.isAllDay = o.start.kind === 'date';
  return out;
}

/** A patch that sends nothing (no own property). */
export function isEmptyPatch(patch: GraphEvent): boolean {
  for (const key in patch) if (Object.hasOwn(patch, key)) return false;
  return true;
}

/**
 * Graph properties that turn occurrence `from` into `to` (all of them when `from` is undefined).
 * `read` renders HTML as text; one memo (htmlReaderMemo) may serve every occurrence of one conversion.
 */
export function occurrencePatch(
  from: EventOccurrence | undefined,
  to: EventOccurrence,
  opts: GraphWriteOptions = {},
  warnings: string[] = [],
  read: HtmlReader = readHtml,
): GraphEvent {
  if (!from) return writeTimes(to, opts, warnings, fieldsToGraph(to, opts, read));
  const patch: GraphEvent = {};
  for (const group of fieldGroups(opts)) {
    if (!sameFields(groupFields(group, opts), from, to, read)) writeGroup(group, to, opts, read, patch);
  }
  const moved = !sameTime(from.start, to.start) || !sameTime(from.end, to.end);
  return moved ? writeTimes(to, opts, warnings, patch) : patch;
}

const JOIN_LABEL = 'Join online meeting:';

const masterOf = (item: CalendarItem): EventOccurrence => (item.kind === 'single' ? item.event : item.master);

/**
 * The PATCH for the master (or single event) `existing`: what changed from `base` (the last synced
 * model) to `next`; without a base, what differs between `existing` and `next`.
 */
export function graphPatchFor(
  base: CalendarItem | undefined,
  next: CalendarItem,
  existing: GraphEvent,
  opts: GraphWriteOptions = {},
): GraphEvent {
  const ref = base ?? graphToItem({ event: existing }, { uid: next.uid }).item;
  const patch = keepJoinLink(occurrencePatch(masterOf(ref), masterOf(next), opts), existing);
  if (next.kind === 'single') return ref.kind === 'series' ? { ...patch, recurrence: null } : patch;
  const ruleSame =
    ref.kind === 'series' &&
    sameNormal(normalizeRule(ref.rule), normalizeRule(next.rule)) &&
    sameTime(ref.master.start, next.master.start);
  if (ruleSame) return patch;
  const out = graphRecurrence(next, opts);
  if (out.kind !== 'exact') throw new GraphConversionError(out.reason, next.uid, 'recurrence');
  return { ...patch, recurrence: out.recurrence };
}

/**
 * A new body must not lose the online meeting's join link that Graph put into the old one
 * (event-update.md: preserve the online-meeting blob when updating the body; graph-api.md §9.2).
 * The blob's HTML cannot be rebuilt, so the link is kept as one line when the new body lacks it.
 */
function keepJoinLink(patch: GraphEvent, existing: GraphEvent): GraphEvent {
  const url = existing.onlineMeeting?.joinUrl ?? existing.onlineMeetingUrl;
  const body = patch.body;
  if (!url || !body || body.content.includes(url) || body.content.includes(escapeHtml(url))) return patch;
  const content =
    body.contentType === 'text'
      ? `${body.content}\n\n${JOIN_LABEL} ${url}`
      : appendToHtmlBody(body.content, `<p>${JOIN_LABEL} <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`);
  return { ...patch, body: { contentType: body.contentType, content } };
}

export interface OccurrenceChanges {
  /** PATCHes of occurrences, addressed by their Graph originalStart (ISO UTC). */
  readonly patch: { originalStart: string; patch: GraphEvent }[];
  /** Occurrences to DELETE. */
  readonly cancel: string[];
  /** Occurrences cancelled in `base` but not in `next`; Graph cannot undelete them (the caller decides). */
  readonly restore: string[];
}

/**
 * Per-occurrence changes from `base` to `next`, to apply after the master PATCH: a new override is
 * diffed against the plain occurrence of `next`'s master, an edited one against its base version, a
 * dropped one is patched back to the plain occurrence.
 */
export function occurrenceChanges(
  base: CalendarItem | undefined,
  next: CalendarItem,
  opts: GraphWriteOptions = {},
): OccurrenceChanges {
  if (next.kind !== 'series') return { patch: [], cancel: [], restore: [] };
  const prev: CalendarSeries | undefined = base?.kind === 'series' ? base : undefined;
  const prevCancelled = new Set(prev?.cancelled ?? []);
  const nextCancelled = new Set(next.cancelled);
  const at = (key: OccurrenceKey): string => keyToGraphInstant(key, opts.floatingZone);
  const keys = [...new Set([...Object.keys(prev?.overrides ?? {}), ...Object.keys(next.overrides)])].sort();
  const read = htmlReaderMemo();
  const plain = plainOccurrences(next);
  const patch = keys
    .filter((key) => !nextCancelled.has(key) && !prevCancelled.has(key))
    .map((key) => {
      const from = prev?.overrides[key] ?? plain(key);
      const to = next.overrides[key] ?? plain(key);
      return { originalStart: at(key), patch: occurrencePatch(from, to, opts, [], read) };
    })
    .filter((p) => !isEmptyPatch(p.patch));
  return {
    patch,
    cancel: next.cancelled.filter((k) => !prevCancelled.has(k)).map(at),
    restore: [...prevCancelled].filter((k) => !nextCancelled.has(k)).sort().map(at),
  };
}
