import type { Attendee, EventFields, EventLocation } from '../../model/index.js';
import type { GraphAttendee, GraphEvent, GraphLocation, GraphResponse } from '../../graph/types.js';
import { normalizeText } from '../../model/fingerprint.js';
import { appendAttendeeHtml, appendAttendeeText } from './attendee-block.js';
import { htmlToText } from './html-text.js';
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

/** The model fields each group is written from. */
export function groupFields(group: FieldGroup, opts: GraphWriteOptions): readonly (keyof EventFields)[] {
  switch (group) {
    case 'subject':
      return ['summary'];
    case 'body':
      return opts.includeAttendees ? ['description', 'descriptionHtml'] : ['description', 'descriptionHtml', 'attendees'];
    case 'location':
      return ['locations'];
    case 'showAs':
      return ['busyStatus'];
    case 'reminder':
      return ['reminderMinutesBefore'];
    default:
      return [group];
  }
}

export function fieldGroups(opts: GraphWriteOptions): readonly FieldGroup[] {
  const all: FieldGroup[] = ['subject', 'body', 'location', 'categories', 'showAs', 'sensitivity', 'importance', 'reminder'];
  return opts.includeAttendees ? [...all, 'attendees'] : all;
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
function usableHtml(f: EventFields): string | undefined {
  const html = f.descriptionHtml;
  return html !== undefined && normalizeText(htmlToText(html)) === normalizeText(f.description) ? html : undefined;
}

function body(f: EventFields, opts: GraphWriteOptions): GraphEvent {
  const extra = opts.includeAttendees ? [] : f.attendees;
  const html = usableHtml(f);
  return html !== undefined
    ? { body: { contentType: 'html', content: appendAttendeeHtml(html, extra) } }
    : { body: { contentType: 'text', content: appendAttendeeText(f.description, extra) } };
}

function location(f: EventFields): GraphEvent {
  const [first, ...rest] = f.locations;
  if (!first) return { location: { displayName: '' } };
  return rest.length === 0 ? { location: graphLocation(first) } : { locations: f.locations.map(graphLocation) };
}

export function writeGroup(group: FieldGroup, f: EventFields, opts: GraphWriteOptions): GraphEvent {
  switch (group) {
    case 'subject':
      return { subject: f.summary };
    case 'body':
      return body(f, opts);
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
export function fieldsToGraph(f: EventFields, opts: GraphWriteOptions): GraphEvent {
  const groups = fieldGroups(opts).filter((g) => g !== 'location' || f.locations.length > 0);
  return Object.assign({}, ...groups.map((g) => writeGroup(g, f, opts))) as GraphEvent;
}
