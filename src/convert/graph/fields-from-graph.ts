import {
  DEFAULT_EVENT_FIELDS,
  type Attendee,
  type EventOccurrence,
  type EventTime,
  type AttendeeRole,
  type EventFields,
  type EventLocation,
  type ParticipationStatus,
  type Person,
} from '../../model/index.js';
import type {
  GraphAttendee,
  GraphEvent,
  GraphItemBody,
  GraphLocation,
  GraphRecipient,
  GraphResponse,
} from '../../graph/types.js';
import { ATTENDEE_BLOCK_HEADING, extractAttendeeText, stripAttendeeHtml } from './attendee-block.js';
import { htmlToText } from './html-text.js';

/**
 * Graph event properties → the model's EventFields (everything but times and recurrence).
 * A property absent from the JSON (a `$select`ed response, such as /instances in sample 04) takes
 * the `inherited` value: an occurrence inherits what its master says.
 */

const RESPONSE_STATUS: Readonly<Record<GraphResponse, ParticipationStatus>> = {
  none: 'needs-action',
  notResponded: 'needs-action',
  organizer: 'accepted',
  accepted: 'accepted',
  declined: 'declined',
  tentativelyAccepted: 'tentative',
};

function person(r: GraphRecipient | undefined): Person | undefined {
  const email = r?.emailAddress?.address?.trim();
  if (!email) return undefined;
  const name = r?.emailAddress?.name?.trim();
  // Graph fills a missing display name with the address itself: that is no name.
  return name && name.toLowerCase() !== email.toLowerCase() ? { email, name } : { email };
}

function attendee(a: GraphAttendee): Attendee | undefined {
  const p = person(a);
  if (!p) return undefined;
  const role: AttendeeRole = a.type ?? 'required';
  const status = RESPONSE_STATUS[a.status?.response ?? 'none'] ?? 'needs-action';
  return p.name === undefined ? { email: p.email, role, status } : { email: p.email, name: p.name, role, status };
}

function location(l: GraphLocation): EventLocation | undefined {
  const displayName = l.displayName?.trim();
  if (!displayName) return undefined;
  const lat = l.coordinates?.latitude;
  const lon = l.coordinates?.longitude;
  return typeof lat === 'number' && typeof lon === 'number'
    ? { displayName, geo: { latitude: lat, longitude: lon } }
    : { displayName };
}

/** `locations` when present (it holds every place); `location` alone otherwise, and for its coordinates. */
function locations(single: GraphLocation | undefined, list: readonly GraphLocation[] | undefined): EventLocation[] {
  const primary = single ? location(single) : undefined;
  const all = (list ?? []).map(location).filter((l): l is EventLocation => l !== undefined);
  if (all.length === 0) return primary ? [primary] : [];
  const first = all[0]!;
  if (!first.geo && primary?.geo && primary.displayName === first.displayName) all[0] = primary;
  return all;
}

/** The body as DESCRIPTION text, and the HTML it came from (kept for X-ALT-DESC). */
function bodyText(b: GraphItemBody | undefined): Pick<EventFields, 'description' | 'descriptionHtml'> {
  if (!b) return { description: '', descriptionHtml: undefined };
  if (b.contentType === 'text') {
    return { description: b.content.replace(/\r\n?/g, '\n').trim(), descriptionHtml: undefined };
  }
  return { description: htmlToText(b.content), descriptionHtml: b.content };
}

export function graphFields(e: GraphEvent, inherited: EventFields = DEFAULT_EVENT_FIELDS): EventFields {
  // Each property is read once: events come in many shapes (singles, masters, $select-ed instances),
  // so every read is a look-up that inline caches cannot spare.
  const {
    body,
    subject,
    location: single,
    locations: list,
    categories,
    showAs,
    sensitivity,
    importance,
    isCancelled,
    attendees: people,
    isReminderOn,
    reminderMinutesBeforeStart: minutes,
    onlineMeeting,
    onlineMeetingUrl,
    organizer,
  } = e;
  const text = body !== undefined ? bodyText(body) : inherited;
  // The object layout() would make, built directly in its key order.
  const fields: Mutable<EventFields> = {
    summary: subject !== undefined ? (subject ?? '') : inherited.summary,
    description: text.description,
    locations: single !== undefined || list !== undefined ? locations(single, list) : inherited.locations,
    categories: categories ? [...categories] : inherited.categories,
    busyStatus: showAs ?? inherited.busyStatus,
    sensitivity: sensitivity ?? inherited.sensitivity,
    importance: importance ?? inherited.importance,
    status: isCancelled !== undefined ? (isCancelled ? 'cancelled' : 'confirmed') : inherited.status,
    attendees: people ? attendees(people) : inherited.attendees,
  };
  const reminder = isReminderOn !== undefined || minutes !== undefined
    ? isReminderOn === false ? undefined : (minutes ?? inherited.reminderMinutesBefore)
    : inherited.reminderMinutesBefore;
  const meetingUrl = onlineMeeting !== undefined || onlineMeetingUrl !== undefined
    ? (onlineMeeting?.joinUrl ?? onlineMeetingUrl ?? undefined)
    : inherited.onlineMeetingUrl;
  const organizerPerson = organizer !== undefined ? person(organizer) : inherited.organizer;
  if (text.descriptionHtml !== undefined) fields.descriptionHtml = text.descriptionHtml;
  if (reminder !== undefined) fields.reminderMinutesBefore = reminder;
  if (meetingUrl !== undefined) fields.onlineMeetingUrl = meetingUrl;
  if (organizerPerson !== undefined) fields.organizer = organizerPerson;
  return body !== undefined && !people?.length ? withBlockAttendees(fields) : fields;
}

/** graphFields with the event's start and end: an occurrence, made as one object. */
export function graphOccurrence(e: GraphEvent, start: EventTime, end: EventTime, inherited: EventFields = DEFAULT_EVENT_FIELDS): EventOccurrence {
  // graphFields' result is fresh and nobody else holds it, so the times go onto it, last, where layout() puts them.
  const o = graphFields(e, inherited) as Mutable<EventOccurrence>;
  o.start = start;
  o.end = end;
  return o;
}

/** `fields` with its start and end: an occurrence. */
export function withTimes(fields: EventFields, start: EventTime, end: EventTime): EventOccurrence {
  return layout(fields, { start, end });
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The fields as a fresh object in one fixed key order, optional fields present only when defined (so
 * "absent" stays absent for deepStrictEqual and JSON). Built key by key on purpose: V8 turns an object
 * spread that then gains keys ({ ...fields, start }) into a slow dictionary object, about a microsecond
 * each and much of the garbage of a conversion.
 */
function layout(f: EventFields): EventFields;
function layout(f: EventFields, times: Pick<EventOccurrence, 'start' | 'end'>): EventOccurrence;
function layout(f: EventFields, times?: Pick<EventOccurrence, 'start' | 'end'>): EventFields | EventOccurrence {
  const o: Mutable<EventOccurrence> = {
    summary: f.summary,
    description: f.description,
    locations: f.locations,
    categories: f.categories,
    busyStatus: f.busyStatus,
    sensitivity: f.sensitivity,
    importance: f.importance,
    status: f.status,
    attendees: f.attendees,
  } as EventOccurrence;
  if (f.descriptionHtml !== undefined) o.descriptionHtml = f.descriptionHtml;
  if (f.reminderMinutesBefore !== undefined) o.reminderMinutesBefore = f.reminderMinutesBefore;
  if (f.onlineMeetingUrl !== undefined) o.onlineMeetingUrl = f.onlineMeetingUrl;
  if (f.organizer !== undefined) o.organizer = f.organizer;
  if (times) {
    o.start = times.start;
    o.end = times.end;
  }
  return o;
}

function attendees(list: readonly GraphAttendee[]): Attendee[] {
  const out: Attendee[] = [];
  for (const a of list) {
    const read = attendee(a);
    if (read) out.push(read);
  }
  return out;
}

/** Takes back the attendees that itemToGraphCreate wrote into the body (see attendee-block.ts). */
function withBlockAttendees(fields: EventFields): EventFields {
  const found = extractAttendeeText(fields.description);
  if (!found) return fields;
  const stripped = fields.descriptionHtml === undefined ? undefined : stripAttendeeHtml(fields.descriptionHtml);
  // Still holding the block: Graph's HTML rendering of a text body we wrote, which says nothing more.
  const html = stripped !== undefined && htmlToText(stripped).includes(ATTENDEE_BLOCK_HEADING) ? undefined : stripped;
  return layout({ ...fields, description: found.text, descriptionHtml: html, attendees: found.attendees });
}
