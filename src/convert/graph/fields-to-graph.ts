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

function body(f: EventFields, opts: GraphWriteOptions, read: HtmlReader): NonNullable<GraphEvent['body']> {
  const extra = opts.includeAttendees ? [] : f.attendees;
  const html = usableHtml(f, read);
  return html !== undefined
    ? { contentType: 'html', content: appendAttendeeHtml(html, extra) }
    : { contentType: 'text', content: appendAttendeeText(f.description, extra) };
}

function writeLocation(f: EventFields, out: GraphEvent): void {
  const first = f.locations[0];
  if (!first) out.location = { displayName: '' };
  else if (f.locations.length === 1) out.location = graphLocation(first);
  else out.locations = f.locations.map(graphLocation);
}

/**
 * Writes `group` of `f` into `out` (a fresh object unless given) and returns it. `read` renders HTML
 * descriptions as text (pass a memo when writing several occurrences of one series).
 */
export function writeGroup(
  group: FieldGroup,
  f: EventFields,
  opts: GraphWriteOptions,
  read: HtmlReader = readHtml,
  out: GraphEvent = {},
): GraphEvent {
  switch (group) {
    case 'subject':
      out.subject = f.summary;
      break;
    case 'body':
      out.body = body(f, opts, read);
      break;
    case 'location':
      writeLocation(f, out);
      break;
    case 'categories':
      out.categories = [...f.categories];
      break;
    case 'showAs':
      out.showAs = f.busyStatus;
      break;
    case 'sensitivity':
      out.sensitivity = f.sensitivity;
      break;
    case 'importance':
      out.importance = f.importance;
      break;
    case 'reminder':
      out.isReminderOn = f.reminderMinutesBefore !== undefined;
      if (f.reminderMinutesBefore !== undefined) out.reminderMinutesBeforeStart = f.reminderMinutesBefore;
      break;
    case 'attendees':
      out.attendees = f.attendees.map(graphAttendee);
      break;
  }
  return out;
}

/** Every writable field, for a create. An empty location is left out rather than cleared. */
export function fieldsToGraph(f: EventFields, opts: GraphWriteOptions, read: HtmlReader = readHtml): GraphEvent {
  const out: GraphEvent = {};
  for (const g of fieldGroups(opts)) if (g !== 'location' || f.locations.length > 0) writeGroup(g, f, opts, read, out);
  return out;
}
