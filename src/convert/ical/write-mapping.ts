import type { Attendee, EventFields, Person } from '../../model/index.js';
import { minutesToDuration } from './duration.js';
import {
  ALT_DESC,
  BUSY_TO_CDO,
  CDO_BUSY,
  EXTRA_LOCATION_GEO_PARAM,
  EXTRA_LOCATION_X,
  ROLE_TO_ICAL,
  SENSITIVITY_X,
  STATUS_TO_PARTSTAT,
} from './vocabulary.js';
import { NO_PARAMS, PropCollector, lineBreaks, type ComponentWriter, type Params, type PropSpec, type PropWriter } from './write-spec.js';

/**
 * The field mapping, model → iCalendar, in one place: for each EventFields key, the properties a
 * VEVENT carries for it (none when the field is empty), written to a PropWriter (write-spec.ts): as
 * text for a new object (serialize-writer.ts), or collected and merged into an existing VEVENT by
 * write-fields.ts, which keeps what we do not map.
 */
type PropMapping = (n: EventFields, w: PropWriter) => void;

function text(w: PropWriter, name: string, value: string | undefined, params = NO_PARAMS): void {
  if (value !== undefined && value !== '') w.text(name, value, params);
}

/** ALT_DESC's parameter; the reader trusts X-ALT-DESC only with it. */
const HTML_PARAMS: Params = Object.freeze({ fmttype: 'text/html' });

/**
 * A URI or CAL-ADDRESS value has no line breaks (RFC 5545 §3.3.13, RFC 3986 has no CR or LF), and
 * one would end the content line and break the object. They are dropped, as a browser drops them
 * from a link it opens (WHATWG URL Standard, basic URL parser: "remove all ASCII tab or newline"),
 * so the link still leads where the user's browser would take it.
 */
export const uriValue = (s: string): string => (s.includes('\n') || s.includes('\r') ? s.replace(/[\r\n]/g, '') : s);

function locations(n: EventFields, w: PropWriter): void {
  const all = n.locations;
  const first = all[0];
  text(w, 'location', first?.displayName);
  if (first?.geo) w.list('geo', 'float', [first.geo.latitude, first.geo.longitude], NO_PARAMS, true);
  for (let i = 1; i < all.length; i++) {
    const loc = all[i]!;
    const params: Params = loc.geo ? { [EXTRA_LOCATION_GEO_PARAM]: `${loc.geo.latitude},${loc.geo.longitude}` } : NO_PARAMS;
    w.text(EXTRA_LOCATION_X, loc.displayName, params);
  }
}

const SENSITIVITY_CLASS = { normal: undefined, personal: 'PRIVATE', private: 'PRIVATE', confidential: 'CONFIDENTIAL' } as const;
const IMPORTANCE_PRIORITY = { high: 1, normal: undefined, low: 9 } as const;

/** Parameters we own on ORGANIZER/ATTENDEE; SCHEDULE-AGENT=CLIENT keeps CalDAV servers from mailing anyone (RFC 6638 §7.1). */
function personParams(p: Person): Record<string, string> {
  const params: Record<string, string> = {};
  // A CR in a parameter value would end the content line; RFC 6868 writes a line feed as ^n.
  if (p.name) params.cn = lineBreaks(p.name);
  params['schedule-agent'] = 'CLIENT';
  return params;
}

function attendee(w: PropWriter, a: Attendee): void {
  const { role, cutype } = ROLE_TO_ICAL[a.role];
  const params = personParams(a);
  params.role = role;
  if (cutype) params.cutype = cutype;
  params.partstat = STATUS_TO_PARTSTAT[a.status];
  w.prop('attendee', 'cal-address', `mailto:${uriValue(a.email)}`, params);
}

const CONFERENCE_PARAMS: Params = Object.freeze({ feature: 'VIDEO' });

/**
 * The properties for each field, written to `w`; reminderMinutesBefore maps to a VALARM instead
 * (writeReminderAlarm). Each entry reads its own field only, so the text writer may replay what an
 * entry wrote for the same value (serialize-writer.ts).
 */
export const FIELD_PROPS: Record<Exclude<keyof EventFields, 'reminderMinutesBefore'>, PropMapping> = {
  summary: (n, w) => text(w, 'summary', n.summary),
  description: (n, w) => text(w, 'description', n.description),
  descriptionHtml: (n, w) => text(w, ALT_DESC, n.descriptionHtml, HTML_PARAMS),
  locations,
  categories: (n, w) => {
    if (n.categories.length === 0) return;
    // TEXT values, as PropWriter.text writes them: a bare CR would end the content line.
    w.list('categories', 'text', n.categories.some((c) => c.includes('\r')) ? n.categories.map(lineBreaks) : n.categories);
  },
  busyStatus: (n, w) => {
    w.prop('transp', 'text', n.busyStatus === 'free' ? 'TRANSPARENT' : 'OPAQUE');
    w.prop(CDO_BUSY, 'unknown', BUSY_TO_CDO[n.busyStatus]);
  },
  sensitivity: (n, w) => {
    const cls = SENSITIVITY_CLASS[n.sensitivity];
    if (cls) w.prop('class', 'text', cls);
    if (n.sensitivity === 'personal') w.prop(SENSITIVITY_X, 'unknown', 'PERSONAL');
  },
  importance: (n, w) => {
    const priority = IMPORTANCE_PRIORITY[n.importance];
    if (priority !== undefined) w.prop('priority', 'integer', priority);
  },
  status: (n, w) => w.prop('status', 'text', n.status.toUpperCase()),
  // RFC 7986 §5.11 CONFERENCE for clients that know it, URL for the others.
  onlineMeetingUrl: (n, w) => {
    if (n.onlineMeetingUrl === undefined) return;
    const url = uriValue(n.onlineMeetingUrl);
    w.prop('conference', 'uri', url, CONFERENCE_PARAMS);
    w.prop('url', 'uri', url);
  },
  organizer: (n, w) => {
    if (n.organizer) w.prop('organizer', 'cal-address', `mailto:${uriValue(n.organizer.email)}`, personParams(n.organizer));
  },
  attendees: (n, w) => {
    for (const a of n.attendees) attendee(w, a);
  },
};

/** One field's properties as a list (for the in-place writers). */
export function fieldSpecs(key: keyof typeof FIELD_PROPS, n: EventFields): PropSpec[] {
  const c = new PropCollector();
  FIELD_PROPS[key](n, c);
  return c.props;
}

/** The VALARM for the model's one reminder: a DISPLAY alarm relative to the start (RFC 5545 §3.6.6). */
export function writeReminderAlarm(n: EventFields, w: ComponentWriter): void {
  if (n.reminderMinutesBefore === undefined) return;
  w.begin('valarm');
  w.prop('action', 'text', 'DISPLAY');
  w.text('description', n.summary || 'Reminder');
  w.prop('trigger', 'duration', minutesToDuration(-n.reminderMinutesBefore));
  w.end('valarm');
}

/** The fields in mapping order: the order of a VEVENT's properties. */
export const FIELD_ORDER = Object.keys(FIELD_PROPS) as (keyof typeof FIELD_PROPS)[];

/** Every field's properties, in mapping order. */
export function writeFieldProps(n: EventFields, w: PropWriter): void {
  for (const key of FIELD_ORDER) FIELD_PROPS[key](n, w);
}
