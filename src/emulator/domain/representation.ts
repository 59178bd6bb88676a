import type { GraphDateTimeTimeZone, GraphEvent } from '../../graph/types.js';
import { type BodyType, bodyAs, bodyPreview } from './body.js';
import { badRequest } from './errors.js';
import { occurrenceICalUId, occurrenceId } from './ids.js';
import { type SeriesInstance, betaOccurrenceId } from './series.js';
import type { EventContent, Mailbox, StoredEvent } from './store.js';
import { NEVER_TIMESTAMP, type StoredTime, formatServerTimestamp, formatWallTime, storedTimeToMs, wallTimeIn } from './time.js';
import type { ViewItem } from './view.js';

/**
 * An event as Graph v1.0 returns it: every property, nulls included, in the order of the doc samples
 * (samples 01, 02, 11); enums lower-camel; `@odata.etag` = W/"changeKey"; start/end in UTC unless
 * `Prefer: outlook.timezone` names a zone; all-day events always midnight-to-midnight
 * (graph-api.md §8, microsoft-graph-docs#1802).
 */

/** The zone a reader asked for with `Prefer: outlook.timezone`. */
export interface ReaderZone {
  /** As the client wrote it; echoed in start/end.timeZone. */
  readonly name: string;
  readonly tz: string;
}

export interface RenderOptions {
  readonly mailbox: Mailbox;
  readonly zone?: ReaderZone;
  /** Prefer: outlook.body-content-type; html when absent. */
  readonly bodyType?: BodyType;
  /** $select: property names (case-insensitive); undefined = all. */
  readonly select?: readonly string[];
  /** /beta requests: events also carry occurrenceId (MGDC:api-reference/beta/resources/event.md). */
  readonly beta?: boolean;
  /** Delta items carry "@odata.type" (samples 07-10). */
  readonly withODataType?: boolean;
  /** $expand=singleValueExtendedProperties($filter=…): which properties to include. */
  readonly extendedFilter?: (id: string) => boolean;
}

export type Renderable = { readonly kind: 'stored'; readonly event: StoredEvent } | ViewItem;

const UTC_ZONE: ReaderZone = { name: 'UTC', tz: 'UTC' };

function renderTime(t: StoredTime, isAllDay: boolean, zone: ReaderZone): GraphDateTimeTimeZone {
  if (isAllDay) return { dateTime: formatWallTime(t.local), timeZone: zone.name };
  return { dateTime: formatWallTime(wallTimeIn(storedTimeToMs(t), zone.tz)), timeZone: zone.name };
}

interface Identity {
  id: string;
  type: GraphEvent['type'];
  changeKey: string;
  createdMs: number;
  modifiedMs: number;
  iCalUId: string;
  transactionId: string | null;
  seriesMasterId: string | null;
  originalStart?: string;
  occurrenceId?: string;
  content: EventContent;
  recurrence: StoredEvent['recurrence'];
  source: StoredEvent;
}

function identityOf(item: Renderable): Identity {
  if (item.kind === 'stored' || item.kind === 'single') {
    const e = item.event;
    return {
      id: e.id,
      type: e.recurrence ? 'seriesMaster' : 'singleInstance',
      changeKey: e.changeKey,
      createdMs: e.createdMs,
      modifiedMs: e.modifiedMs,
      iCalUId: e.iCalUId,
      transactionId: e.transactionId,
      seriesMasterId: null,
      content: e.content,
      recurrence: e.recurrence,
      source: e,
    };
  }
  return instanceIdentity(item);
}

function instanceIdentity(i: SeriesInstance): Identity {
  const m = i.master;
  return {
    id: occurrenceId(m.id, i.key),
    type: i.exception ? 'exception' : 'occurrence',
    changeKey: m.changeKey,
    createdMs: m.createdMs,
    modifiedMs: i.exception ? Math.max(i.exception.modifiedMs, m.modifiedMs) : m.modifiedMs,
    iCalUId: occurrenceICalUId(m.iCalUId, i.key.slice(0, 10)),
    transactionId: null,
    seriesMasterId: m.id,
    originalStart: formatServerTimestamp(i.originalStartMs),
    occurrenceId: betaOccurrenceId(m, i.originalStartMs),
    content: i.content,
    recurrence: null,
    source: m,
  };
}

function fullEvent(item: Renderable, opts: RenderOptions): GraphEvent {
  const x = identityOf(item);
  const c = x.content;
  const zone = opts.zone ?? UTC_ZONE;
  const isOrganizer = (c.organizer.emailAddress.address ?? '').toLowerCase() === opts.mailbox.upn;
  const event: GraphEvent = {
    '@odata.etag': `W/"${x.changeKey}"`,
    id: x.id,
    createdDateTime: formatServerTimestamp(x.createdMs),
    lastModifiedDateTime: formatServerTimestamp(x.modifiedMs),
    changeKey: x.changeKey,
    categories: [...c.categories],
    transactionId: x.transactionId,
    originalStartTimeZone: x.source.content.start.zoneName,
    originalEndTimeZone: x.source.content.end.zoneName,
    iCalUId: x.iCalUId,
    reminderMinutesBeforeStart: c.reminderMinutesBeforeStart,
    isReminderOn: c.isReminderOn,
    hasAttachments: false,
    subject: c.subject,
    bodyPreview: bodyPreview(c.body),
    importance: c.importance,
    sensitivity: c.sensitivity,
    isAllDay: c.isAllDay,
    isCancelled: false,
    isOrganizer,
    responseRequested: c.responseRequested,
    seriesMasterId: x.seriesMasterId,
    showAs: c.showAs,
    type: x.type,
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(x.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: c.isOnlineMeeting,
    onlineMeetingProvider: c.onlineMeetingProvider,
    allowNewTimeProposals: c.allowNewTimeProposals,
    isDraft: false,
    hideAttendees: c.hideAttendees,
    ...(opts.beta ? { occurrenceId: x.occurrenceId ?? null } : {}),
    // "not returned for single instances" (MGDC:api-reference/v1.0/resources/event.md, originalStart).
    ...(x.originalStart !== undefined ? { originalStart: x.originalStart } : {}),
    responseStatus: { response: isOrganizer ? 'organizer' : 'none', time: NEVER_TIMESTAMP },
    body: bodyAs(c.body, opts.bodyType ?? 'html'),
    start: renderTime(c.start, c.isAllDay, zone),
    end: renderTime(c.end, c.isAllDay, zone),
    location: structuredClone(c.location),
    locations: structuredClone(c.locations),
    recurrence: x.recurrence ? structuredClone(x.recurrence) : null,
    attendees: structuredClone(c.attendees),
    organizer: structuredClone(c.organizer),
    onlineMeeting: null,
  };
  if (opts.extendedFilter) {
    const filter = opts.extendedFilter;
    event.singleValueExtendedProperties = [...x.source.extendedProperties]
      .filter(([id]) => filter(id))
      .map(([id, value]) => ({ id, value }));
  }
  return event;
}

/** Properties Graph lets $select name on an event. */
const SELECTABLE_NAMES = [
  'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories', 'transactionId', 'originalStartTimeZone',
  'originalEndTimeZone', 'iCalUId', 'reminderMinutesBeforeStart', 'isReminderOn', 'hasAttachments', 'subject',
  'bodyPreview', 'importance', 'sensitivity', 'isAllDay', 'isCancelled', 'isOrganizer', 'responseRequested',
  'seriesMasterId', 'showAs', 'type', 'webLink', 'onlineMeetingUrl', 'isOnlineMeeting', 'onlineMeetingProvider',
  'allowNewTimeProposals', 'isDraft', 'hideAttendees', 'originalStart', 'responseStatus', 'body', 'start', 'end',
  'location', 'locations', 'recurrence', 'attendees', 'organizer', 'onlineMeeting',
];
const SELECTABLE = new Map(SELECTABLE_NAMES.map((k) => [k.toLowerCase(), k]));
/** Beta-only names; the series ones are filled in by beta-series.ts. */
export const BETA_SELECTABLE = new Map(['occurrenceId', 'cancelledOccurrences', 'exceptionOccurrences'].map((k) => [k.toLowerCase(), k]));

const selectable = (name: string, beta: boolean): string | undefined =>
  SELECTABLE.get(name.toLowerCase()) ?? (beta ? BETA_SELECTABLE.get(name.toLowerCase()) : undefined);

/** Validate $select names; Graph refuses unknown ones. */
export function checkSelect(select: readonly string[] | undefined, beta = false): void {
  for (const name of select ?? []) {
    if (selectable(name, beta) === undefined) {
      throw badRequest(`Could not find a property named '${name}' on type 'microsoft.graph.event'.`, 'RequestBroker--ParseUri');
    }
  }
}

export function renderEvent(item: Renderable, opts: RenderOptions): GraphEvent {
  const full = fullEvent(item, opts);
  const typed: GraphEvent = opts.withODataType ? { '@odata.type': '#microsoft.graph.event', ...full } : full;
  if (!opts.select) return typed;
  const wanted = new Set(opts.select.map((s) => selectable(s, opts.beta ?? false)));
  // $select keeps the annotations and the id (sample 04, sample 06).
  const keep = (k: string): boolean => k.startsWith('@') || k === 'id' || k === 'singleValueExtendedProperties' || wanted.has(k);
  return Object.fromEntries(Object.entries(typed).filter(([k]) => keep(k))) as GraphEvent;
}
