import ICAL from 'ical.js';
import { isDeepStrictEqual } from 'node:util';
import type { Attendee, EventFields, Person } from '../../model/index.js';
import { primaryAlarm } from './alarms.js';
import { minutesToDuration } from './duration.js';
import { readMeetingUrl } from './read-fields.js';
import {
  ALT_DESC,
  BUSY_TO_CDO,
  CDO_BUSY,
  EXTRA_LOCATION_GEO_PARAM,
  EXTRA_LOCATION_X,
  MEETING_URL_PROPS,
  ROLE_TO_ICAL,
  SENSITIVITY_X,
  STATUS_TO_PARTSTAT,
  calAddressEmail,
} from './vocabulary.js';

/**
 * Writers for the mapped fields, one per EventFields key. Each rewrites only the properties its
 * field maps to, in place where a property already exists, so parameters and neighbours we do not
 * map survive.
 */
type FieldWriter = (v: ICAL.Component, next: EventFields) => void;

/** iCalendar TEXT knows one line break (\n); a bare CR would end the content line. */
const lineBreaks = (s: string): string => s.replace(/\r\n?/g, '\n');

/** Sets (or removes, when empty) a TEXT property, keeping the parameters of the existing one. */
function setText(v: ICAL.Component, name: string, value: string | undefined, accept: (p: ICAL.Property) => boolean = () => true, params: Record<string, string> = {}): void {
  const existing = v.getAllProperties(name).filter(accept);
  if (value === undefined || value === '') {
    existing.forEach((p) => v.removeProperty(p));
    return;
  }
  const [first, ...rest] = existing;
  rest.forEach((p) => v.removeProperty(p));
  if (first) {
    // X- properties read without VALUE=TEXT hold raw text; typing them keeps escaping right.
    if (first.type !== 'text') first.resetType('text');
    first.setValue(lineBreaks(value));
  } else {
    v.addProperty(new ICAL.Property([name, params, 'text', lineBreaks(value)]));
  }
}

function setSimple(v: ICAL.Component, name: string, value: string | number | undefined): void {
  if (value === undefined) v.removeAllProperties(name);
  else v.updatePropertyWithValue(name, value);
}

const isHtml = (p: ICAL.Property): boolean => String(p.getFirstParameter('fmttype') ?? '').toLowerCase() === 'text/html';

function writeLocations(v: ICAL.Component, next: EventFields): void {
  const [first, ...extra] = next.locations;
  setText(v, 'location', first?.displayName);
  if (first?.geo) v.updatePropertyWithValue('geo', [first.geo.latitude, first.geo.longitude]);
  else v.removeAllProperties('geo');
  v.removeAllProperties(EXTRA_LOCATION_X);
  for (const loc of extra) {
    const params = loc.geo ? { [EXTRA_LOCATION_GEO_PARAM]: `${loc.geo.latitude},${loc.geo.longitude}` } : {};
    v.addProperty(new ICAL.Property([EXTRA_LOCATION_X, params, 'text', loc.displayName]));
  }
}

function writeReminder(v: ICAL.Component, next: EventFields): void {
  const current = primaryAlarm(v);
  if (next.reminderMinutesBefore === undefined) {
    if (current) v.removeSubcomponent(current.alarm);
    return;
  }
  const trigger = minutesToDuration(-next.reminderMinutesBefore);
  if (current) {
    current.alarm.getFirstProperty('trigger')!.setValue(ICAL.Duration.fromString(trigger));
    return;
  }
  const alarm = new ICAL.Component('valarm');
  alarm.addPropertyWithValue('action', 'DISPLAY');
  alarm.addPropertyWithValue('description', next.summary || 'Reminder');
  alarm.addProperty(new ICAL.Property(['trigger', {}, 'duration', trigger]));
  v.addSubcomponent(alarm);
}

/**
 * Rewrites the meeting link wherever the reader found the old one, and otherwise adds URL +
 * CONFERENCE (RFC 7986 §5.11). A removal clears every property the reader would fall back to.
 */
function writeMeetingUrl(v: ICAL.Component, next: EventFields): void {
  const old = readMeetingUrl(v);
  const holders = MEETING_URL_PROPS.flatMap((name) => v.getAllProperties(name));
  if (next.onlineMeetingUrl === undefined) {
    holders.forEach((p) => v.removeProperty(p));
    return;
  }
  const url = next.onlineMeetingUrl;
  holders.filter((p) => old !== undefined && String(p.getFirstValue()).trim() === old).forEach((p) => p.setValue(url));
  if (readMeetingUrl(v) === url) return;
  v.removeAllProperties('conference');
  v.addProperty(new ICAL.Property(['conference', { feature: 'VIDEO' }, 'uri', url]));
  if (!v.hasProperty('url')) v.addProperty(new ICAL.Property(['url', {}, 'uri', url]));
}

/** Person parameters we own; SCHEDULE-AGENT=CLIENT keeps CalDAV servers from mailing anyone (RFC 6638 §7.1). */
function setPerson(prop: ICAL.Property, person: Person): void {
  prop.setValue(`mailto:${person.email}`);
  prop.removeParameter('email');
  if (person.name) prop.setParameter('cn', person.name);
  else prop.removeParameter('cn');
  prop.setParameter('schedule-agent', 'CLIENT');
}

function emailOf(prop: ICAL.Property): string {
  return (calAddressEmail(String(prop.getFirstValue() ?? ''), prop.getFirstParameter('email') || undefined) ?? '').toLowerCase();
}

function writeOrganizer(v: ICAL.Component, next: EventFields): void {
  if (!next.organizer) {
    v.removeAllProperties('organizer');
    return;
  }
  const prop = v.getFirstProperty('organizer') ?? v.addProperty(new ICAL.Property('organizer'));
  setPerson(prop, next.organizer);
}

function setAttendee(prop: ICAL.Property, a: Attendee): void {
  setPerson(prop, a);
  const { role, cutype } = ROLE_TO_ICAL[a.role];
  prop.setParameter('role', role);
  const current = String(prop.getFirstParameter('cutype') ?? '').toUpperCase();
  if (cutype && current !== 'RESOURCE' && current !== 'ROOM') prop.setParameter('cutype', cutype);
  if (!cutype && (current === 'RESOURCE' || current === 'ROOM')) prop.removeParameter('cutype');
  prop.setParameter('partstat', STATUS_TO_PARTSTAT[a.status]);
}

/** Attendees are matched by address, so RSVP, X- and server parameters on kept ones survive. */
function writeAttendees(v: ICAL.Component, next: EventFields): void {
  const existing = new Map(v.getAllProperties('attendee').map((p) => [emailOf(p), p]));
  const wanted = new Set(next.attendees.map((a) => a.email.toLowerCase()));
  for (const [email, prop] of existing) if (!wanted.has(email)) v.removeProperty(prop);
  for (const a of next.attendees) {
    const prop = existing.get(a.email.toLowerCase()) ?? v.addProperty(new ICAL.Property('attendee'));
    setAttendee(prop, a);
  }
}

export const FIELD_WRITERS: Record<keyof EventFields, FieldWriter> = {
  summary: (v, n) => setText(v, 'summary', n.summary),
  description: (v, n) => setText(v, 'description', n.description),
  descriptionHtml: (v, n) => setText(v, ALT_DESC, n.descriptionHtml, isHtml, { fmttype: 'text/html' }),
  locations: writeLocations,
  categories: (v, n) => {
    v.removeAllProperties('categories');
    if (n.categories.length > 0) v.addProperty(new ICAL.Property(['categories', {}, 'text', ...n.categories]));
  },
  busyStatus: (v, n) => {
    setSimple(v, 'transp', n.busyStatus === 'free' ? 'TRANSPARENT' : 'OPAQUE');
    setSimple(v, CDO_BUSY, BUSY_TO_CDO[n.busyStatus]);
  },
  sensitivity: (v, n) => {
    const cls = { normal: undefined, personal: 'PRIVATE', private: 'PRIVATE', confidential: 'CONFIDENTIAL' }[n.sensitivity];
    setSimple(v, 'class', cls);
    setSimple(v, SENSITIVITY_X, n.sensitivity === 'personal' ? 'PERSONAL' : undefined);
  },
  importance: (v, n) => setSimple(v, 'priority', { high: 1, normal: undefined, low: 9 }[n.importance]),
  reminderMinutesBefore: writeReminder,
  status: (v, n) => setSimple(v, 'status', n.status.toUpperCase()),
  onlineMeetingUrl: writeMeetingUrl,
  organizer: writeOrganizer,
  attendees: writeAttendees,
};

/** Writes every field of `next` that differs from `prev` (all of them when `prev` is undefined). */
export function writeFields(v: ICAL.Component, next: EventFields, prev?: EventFields): boolean {
  let changed = false;
  for (const key of Object.keys(FIELD_WRITERS) as (keyof EventFields)[]) {
    if (prev && isDeepStrictEqual(prev[key], next[key])) continue;
    FIELD_WRITERS[key](v, next);
    changed = true;
  }
  return changed;
}

/** RFC 6638 §7.1 on every ORGANIZER and ATTENDEE: the CalDAV server must not schedule our writes. */
export function markScheduleAgentClient(v: ICAL.Component): void {
  for (const p of [...v.getAllProperties('organizer'), ...v.getAllProperties('attendee')]) p.setParameter('schedule-agent', 'CLIENT');
}
