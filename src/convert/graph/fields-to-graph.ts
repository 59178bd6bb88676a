import type { Attendee, EventFields, EventLocation } from '../../model/index.js';
import type { GraphAttendee, GraphEvent, GraphLocation, GraphResponse } from '../../graph/types.js';
import { normalizeText, readHtml, type HtmlReader } from '../../model/fingerprint.js';
import { appendAttendeeHtml, appendAttendeeText } from './attendee-block.js';
import type { GraphTimeOptions } from './times.js';

/**
 * Model EventFields → writable Graph properties, in groups: one group is the unit a PATCH sends
 * (https://learn.microsoft.com/graph/api/event-update lists the writable properties). Status,
 * organizer and the online-meeting URL are read-only in Graph and are never written.
 */

export interface GraphWriteOptions extends GraphTimeOptions {
  /** Write attendees as Graph attendees (Exchange then emails them). Default false: body block. */
  readonly includeAttendees?: boolean;
}

export type FieldGroup =
  | 'subject'
  | 'body'
  | 'location'
  | 'categories'
  | 'showAs'
  | 'sensitivity'
  | 'importance'
  | 'reminder'
  | 'attendees';

const GROUP_FIELDS: Readonly<Record<FieldGroup, readonly (keyof EventFields)[]>> = {
  subject: ['summary'],
  body: ['description', 'descriptionHtml', 'attendees'],
  location: ['locations'],
  categories: ['categories'],
  showAs: ['busyStatus'],
  sensitivity: ['sensitivity'],
  importance: ['importance'],
  reminder: ['reminderMinutesBefore'],
  attendees: ['attendees'],
};
const BODY_WITHOUT_ATTENDEES: readonly (keyof EventFields)[] = ['description', 'descriptionHtml'];

/** The model fields each group is written from. */
export function groupFields(group: FieldGroup, opts: GraphWriteOptions): readonly (keyof EventFields)[] {
  return group === 'body' && opts.includeAttendees ? BODY_WITHOUT_ATTENDEES : GROUP_FIELDS[group];
}

const GROUPS: readonly FieldGroup[] = ['subject', 'body', 'location', 'categories', 'showAs', 'sensitivity', 'importance', 'reminder'];
const GROUPS_WITH_ATTENDEES: readonly FieldGroup[] = [...GROUPS, 'attendees'];

export function fieldGroups(opts: GraphWriteOptions): readonly FieldGroup[] {
  return opts.includeAttendees ? GROUPS_WITH_ATTENDEES : GROUPS;
}

const PARTSTAT_RESPONSE: Readonly<Record<Attendee['status'], GraphResponse>> = {
  'needs-action': 'none',
  accepted: 'accepted',
  declined: 'declined',
  tentative: 'tentativelyAccepted',
  delegated: 'none',
};

function graphAttendee(a: Attendee): GraphAttendee {
  return {
    type: a.role === 'optional' ? 'optional' : a.role === 'resource' ? 'resource' : 'required',
    status: { response: PARTSTAT_RESPONSE[a.status] },
    emailAddress: a.name ? { name: a.name, address: a.email } : { address: a.email },
  };
}

function graphLocation(l: EventLocation): GraphLocation {
  return l.geo
    ? { displayName: l.displayName, coordinates: { latitude: l.geo.latitude, longitude: l.geo.longitude } }
    : { displayName: l.displayName };
}

/** The HTML is trusted only while it still says what the text says (a CalDAV client may edit only DESCRIPTION). */
function usableHtml(f: EventFields, read: HtmlReader): string | undefined {
  const html = f.descriptionHtml;
  return html !== undefined && read(html) === normalizeText(f.description) ? html : undefined;
}

function body(f: EventFields, opts: GraphWriteOptions, read: HtmlReader): GraphEvent {
  const extra = opts.includeAttendees ? [] : f.attendees;
  const html = usableHtml(f, read);
  return html !== undefined
    ? { body: { contentType: 'html', content: appendAttendeeHtml(html, extra) } }
    : { body: { contentType: 'text', content: appendAttendeeText(f.description, extra) } };
}

function location(f: EventFields): GraphEvent {
  const [first, ...rest] = f.locations;
  if (!first) return { location: { displayName: '' } };
  return rest.length === 0 ? { location: graphLocation(first) } : { locations: f.locations.map(graphLocation) };
}

/** `read` renders HTML descriptions as text (pass a memo when writing several occurrences of one series). */
export function writeGroup(group: FieldGroup, f: EventFields, opts: GraphWriteOptions, read: HtmlReader = readHtml): GraphEvent {
  switch (group) {
    case 'subject':
      return { subject: f.summary };
    case 'body':
      return body(f, opts, read);
    case 'location':
      return location(f);
    case 'categories':
      return { categories: [...f.categories] };
    case 'showAs':
      return { showAs: f.busyStatus };
    case 'sensitivity':
      return { sensitivity: f.sensitivity };
    case 'importance':
      return { importance: f.importance };
    case 'reminder':
      return f.reminderMinutesBefore === undefined
        ? { isReminderOn: false }
        : { isReminderOn: true, reminderMinutesBeforeStart: f.reminderMinutesBefore };
    case 'attendees':
      return { attendees: f.attendees.map(graphAttendee) };
  }
}

/** Every writable field, for a create. An empty location is left out rather than cleared. */
export function fieldsToGraph(f: EventFields, opts: GraphWriteOptions, read: HtmlReader = readHtml): GraphEvent {
  const out: GraphEvent = {};
  for (const g of fieldGroups(opts)) if (g !== 'location' || f.locations.length > 0) Object.assign(out, writeGroup(g, f, opts, read));
  return out;
}
