import {
  DEFAULT_EVENT_FIELDS,
  type Attendee,
  type AttendeeRole,
  type EventFields,
  type EventLocation,
  type ParticipationStatus,
  type Person,
} from '../../model/index.js';
import type {
  GraphAttendee,
  GraphEvent,
  GraphLocation,
  GraphRecipient,
  GraphResponse,
} from '../../graph/types.js';
import { ATTENDEE_BLOCK_HEADING, extractAttendeeText, stripAttendeeHtml } from './attendee-block.js';
import { compact } from './compact.js';
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
  return { ...p, role, status: RESPONSE_STATUS[a.status?.response ?? 'none'] ?? 'needs-action' };
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
function locations(e: GraphEvent): EventLocation[] {
  const primary = e.location ? location(e.location) : undefined;
  const all = (e.locations ?? []).map(location).filter((l): l is EventLocation => l !== undefined);
  if (all.length === 0) return primary ? [primary] : [];
  const first = all[0]!;
  if (!first.geo && primary?.geo && primary.displayName === first.displayName) all[0] = primary;
  return all;
}

function body(e: GraphEvent): Pick<EventFields, 'description' | 'descriptionHtml'> {
  const b = e.body;
  if (!b) return { description: '', descriptionHtml: undefined };
  if (b.contentType === 'text') {
    return { description: b.content.replace(/\r\n?/g, '\n').trim(), descriptionHtml: undefined };
  }
  return { description: htmlToText(b.content), descriptionHtml: b.content };
}

function onlineMeetingUrl(e: GraphEvent): string | undefined {
  return e.onlineMeeting?.joinUrl ?? e.onlineMeetingUrl ?? undefined;
}

export function graphFields(e: GraphEvent, inherited: EventFields = DEFAULT_EVENT_FIELDS): EventFields {
  const has = (k: keyof GraphEvent): boolean => e[k] !== undefined;
  const reminderKnown = has('isReminderOn') || has('reminderMinutesBeforeStart');
  const reminder = reminderKnown
    ? e.isReminderOn === false
      ? undefined
      : (e.reminderMinutesBeforeStart ?? inherited.reminderMinutesBefore)
    : inherited.reminderMinutesBefore;
  const url = has('onlineMeeting') || has('onlineMeetingUrl') ? onlineMeetingUrl(e) : inherited.onlineMeetingUrl;
  const organizer = has('organizer') ? person(e.organizer) : inherited.organizer;
  const fields = compact({
    ...inherited,
    summary: has('subject') ? (e.subject ?? '') : inherited.summary,
    ...(has('body') ? body(e) : {}),
    locations: has('location') || has('locations') ? locations(e) : inherited.locations,
    categories: e.categories ? [...e.categories] : inherited.categories,
    busyStatus: e.showAs ?? inherited.busyStatus,
    sensitivity: e.sensitivity ?? inherited.sensitivity,
    importance: e.importance ?? inherited.importance,
    reminderMinutesBefore: reminder,
    status: has('isCancelled') ? (e.isCancelled ? 'cancelled' : 'confirmed') : inherited.status,
    onlineMeetingUrl: url,
    organizer,
    attendees: e.attendees
      ? e.attendees.map(attendee).filter((a): a is Attendee => a !== undefined)
      : inherited.attendees,
  });
  return e.body !== undefined && !e.attendees?.length ? withBlockAttendees(fields) : fields;
}

/** Takes back the attendees that itemToGraphCreate wrote into the body (see attendee-block.ts). */
function withBlockAttendees(fields: EventFields): EventFields {
  const found = extractAttendeeText(fields.description);
  if (!found) return fields;
  const stripped = fields.descriptionHtml === undefined ? undefined : stripAttendeeHtml(fields.descriptionHtml);
  // Still holding the block: Graph's HTML rendering of a text body we wrote, which says nothing more.
  const html = stripped !== undefined && htmlToText(stripped).includes(ATTENDEE_BLOCK_HEADING) ? undefined : stripped;
  return compact({ ...fields, description: found.text, descriptionHtml: html, attendees: found.attendees });
}
