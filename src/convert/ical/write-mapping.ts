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
import { propSpec, type ComponentSpec, type PropSpec } from './write-spec.js';

/**
 * The field mapping, model → iCalendar, in one place: for each EventFields key, the properties a
 * VEVENT carries for it (none when the field is empty). serialize-vevent.ts writes them as text for a
 * new object; write-fields.ts merges them into an existing VEVENT, keeping what we do not map.
 */
type PropMapping = (n: EventFields, out: PropSpec[]) => void;

/** iCalendar TEXT knows one line break (\n); a bare CR would end the content line. */
const lineBreaks = (s: string): string => (s.includes('\r') ? s.replaceAll('\r\n', '\n').replaceAll('\r', '\n') : s);

const NO_PARAMS: Readonly<Record<string, string>> = {};

function text(out: PropSpec[], name: string, value: string | undefined, params = NO_PARAMS): void {
  if (value !== undefined && value !== '') out.push(propSpec(name, 'text', lineBreaks(value), params));
}

/** ALT_DESC's parameter; the reader trusts X-ALT-DESC only with it. */
const HTML_PARAMS: Readonly<Record<string, string>> = { fmttype: 'text/html' };

function locations(n: EventFields, out: PropSpec[]): void {
  const all = n.locations;
  const first = all[0];
  text(out, 'location', first?.displayName);
  if (first?.geo) out.push({ name: 'geo', params: NO_PARAMS, type: 'float', values: [first.geo.latitude, first.geo.longitude], structured: true });
  for (let i = 1; i < all.length; i++) {
    const loc = all[i]!;
    const params: Record<string, string> = loc.geo ? { [EXTRA_LOCATION_GEO_PARAM]: `${loc.geo.latitude},${loc.geo.longitude}` } : {};
    out.push(propSpec(EXTRA_LOCATION_X, 'text', loc.displayName, params));
  }
}

const SENSITIVITY_CLASS = { normal: undefined, personal: 'PRIVATE', private: 'PRIVATE', confidential: 'CONFIDENTIAL' } as const;
const IMPORTANCE_PRIORITY = { high: 1, normal: undefined, low: 9 } as const;
const TRANSP = (n: EventFields): string => (n.busyStatus === 'free' ? 'TRANSPARENT' : 'OPAQUE');

/** Parameters we own on ORGANIZER/ATTENDEE; SCHEDULE-AGENT=CLIENT keeps CalDAV servers from mailing anyone (RFC 6638 §7.1). */
function personParams(p: Person): Record<string, string> {
  const params: Record<string, string> = {};
  if (p.name) params.cn = p.name;
  params['schedule-agent'] = 'CLIENT';
  return params;
}

function attendee(a: Attendee): PropSpec {
  const { role, cutype } = ROLE_TO_ICAL[a.role];
  const params = personParams(a);
  params.role = role;
  if (cutype) params.cutype = cutype;
  params.partstat = STATUS_TO_PARTSTAT[a.status];
  return propSpec('attendee', 'cal-address', `mailto:${a.email}`, params);
}

/** The properties for each field, appended to `out`; reminderMinutesBefore maps to a VALARM instead (reminderAlarm). */
export const FIELD_PROPS: Record<Exclude<keyof EventFields, 'reminderMinutesBefore'>, PropMapping> = {
  summary: (n, out) => text(out, 'summary', n.summary),
  description: (n, out) => text(out, 'description', n.description),
  descriptionHtml: (n, out) => text(out, ALT_DESC, n.descriptionHtml, HTML_PARAMS),
  locations,
  categories: (n, out) => {
    if (n.categories.length > 0) out.push({ name: 'categories', params: NO_PARAMS, type: 'text', values: n.categories });
  },
  busyStatus: (n, out) => {
    out.push(propSpec('transp', 'text', TRANSP(n)), propSpec(CDO_BUSY, 'unknown', BUSY_TO_CDO[n.busyStatus]));
  },
  sensitivity: (n, out) => {
    const cls = SENSITIVITY_CLASS[n.sensitivity];
    if (cls) out.push(propSpec('class', 'text', cls));
    if (n.sensitivity === 'personal') out.push(propSpec(SENSITIVITY_X, 'unknown', 'PERSONAL'));
  },
  importance: (n, out) => {
    const priority = IMPORTANCE_PRIORITY[n.importance];
    if (priority !== undefined) out.push(propSpec('priority', 'integer', priority));
  },
  status: (n, out) => {
    out.push(propSpec('status', 'text', n.status.toUpperCase()));
  },
  // RFC 7986 §5.11 CONFERENCE for clients that know it, URL for the others.
  onlineMeetingUrl: (n, out) => {
    const url = n.onlineMeetingUrl;
    if (url !== undefined) out.push(propSpec('conference', 'uri', url, { feature: 'VIDEO' }), propSpec('url', 'uri', url));
  },
  organizer: (n, out) => {
    if (n.organizer) out.push(propSpec('organizer', 'cal-address', `mailto:${n.organizer.email}`, personParams(n.organizer)));
  },
  attendees: (n, out) => {
    for (const a of n.attendees) out.push(attendee(a));
  },
};

/** One field's properties as a list (for the in-place writers). */
export function propsOf(key: keyof typeof FIELD_PROPS, n: EventFields): PropSpec[] {
  const out: PropSpec[] = [];
  FIELD_PROPS[key](n, out);
  return out;
}

/** The VALARM for the model's one reminder: a DISPLAY alarm relative to the start (RFC 5545 §3.6.6). */
export function reminderAlarm(n: EventFields): ComponentSpec | undefined {
  if (n.reminderMinutesBefore === undefined) return undefined;
  const props = [
    propSpec('action', 'text', 'DISPLAY'),
    propSpec('description', 'text', n.summary || 'Reminder'),
    propSpec('trigger', 'duration', minutesToDuration(-n.reminderMinutesBefore)),
  ];
  return { name: 'valarm', props, components: [] };
}

const FIELD_ORDER = Object.keys(FIELD_PROPS) as (keyof typeof FIELD_PROPS)[];

/** Every field's properties, in mapping order. */
export function fieldProps(n: EventFields, out: PropSpec[]): void {
  for (const key of FIELD_ORDER) FIELD_PROPS[key](n, out);
}
