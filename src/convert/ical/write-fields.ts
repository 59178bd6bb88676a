import ICAL from 'ical.js';
import { isDeepStrictEqual } from 'node:util';
import type { EventFields } from '../../model/index.js';
import { primaryAlarm } from './alarms.js';
import { readMeetingUrl } from './read-fields.js';
import { ALT_DESC, CDO_BUSY, EXTRA_LOCATION_X, MEETING_URL_PROPS, SENSITIVITY_X, calAddressEmail } from './vocabulary.js';
import { fieldSpecs, uriValue, writeReminderAlarm } from './write-mapping.js';
import { ComponentBuilder } from './write-builder.js';
import { toProperty, type PropSpec } from './write-spec.js';

/**
 * In-place writers for the mapped fields, one per EventFields key, for VEVENTs we patch. The values
 * come from the mapping (write-mapping.ts); each writer rewrites only the properties its field maps
 * to, in place where a property already exists, so parameters and neighbours we do not map survive.
 */
type FieldWriter = (v: ICAL.Component, next: EventFields) => void;

const named = (specs: readonly PropSpec[], name: string): PropSpec | undefined => specs.find((s) => s.name === name);

/** Sets (or removes, when the mapping has none) a TEXT property, keeping the parameters of the existing one. */
function setText(v: ICAL.Component, name: string, spec: PropSpec | undefined, accept: (p: ICAL.Property) => boolean = () => true): void {
  const existing = v.getAllProperties(name).filter(accept);
  if (!spec) {
    existing.forEach((p) => v.removeProperty(p));
    return;
  }
  const [first, ...rest] = existing;
  rest.forEach((p) => v.removeProperty(p));
  if (first) {
    // X- properties read without VALUE=TEXT hold raw text; typing them keeps escaping right.
    if (first.type !== 'text') first.resetType('text');
    first.setValue(spec.values[0]!);
  } else {
    v.addProperty(toProperty(spec));
  }
}

/** Sets each named property to the mapping's value (keeping its parameters), or removes it. */
function setSimple(v: ICAL.Component, specs: readonly PropSpec[], ...names: string[]): void {
  for (const name of names) {
    const spec = named(specs, name);
    if (spec === undefined) v.removeAllProperties(name);
    else v.updatePropertyWithValue(name, spec.structured ? [...spec.values] : spec.values[0]!);
  }
}

/** Removes every property of that name and adds the mapping's. */
function replaceAll(v: ICAL.Component, name: string, specs: readonly PropSpec[]): void {
  v.removeAllProperties(name);
  specs.filter((s) => s.name === name).forEach((s) => v.addProperty(toProperty(s)));
}

const isHtml = (p: ICAL.Property): boolean => String(p.getFirstParameter('fmttype') ?? '').toLowerCase() === 'text/html';

function writeLocations(v: ICAL.Component, next: EventFields): void {
  const specs = fieldSpecs('locations', next);
  setText(v, 'location', named(specs, 'location'));
  setSimple(v, specs, 'geo');
  replaceAll(v, EXTRA_LOCATION_X, specs);
}

function writeReminder(v: ICAL.Component, next: EventFields): void {
  const current = primaryAlarm(v);
  const b = new ComponentBuilder();
  writeReminderAlarm(next, b);
  const wanted = b.component();
  if (!wanted) {
    if (current) v.removeSubcomponent(current.alarm);
    return;
  }
  if (!current) {
    v.addSubcomponent(wanted);
    return;
  }
  // Only the trigger is ours on an alarm we did not write: its ACTION, DESCRIPTION and extras stay.
  current.alarm.getFirstProperty('trigger')!.setValue(wanted.getFirstPropertyValue('trigger') as ICAL.Duration);
}

/**
 * Rewrites the meeting link wherever the reader found the old one, and otherwise adds the mapping's
 * CONFERENCE (and URL unless one exists). A removal clears every property the reader would fall back to.
 */
function writeMeetingUrl(v: ICAL.Component, next: EventFields): void {
  const old = readMeetingUrl(v);
  const holders = MEETING_URL_PROPS.flatMap((name) => v.getAllProperties(name));
  const specs = fieldSpecs('onlineMeetingUrl', next);
  if (next.onlineMeetingUrl === undefined) {
    holders.forEach((p) => v.removeProperty(p));
    return;
  }
  const url = uriValue(next.onlineMeetingUrl);
  holders.filter((p) => old !== undefined && String(p.getFirstValue()).trim() === old).forEach((p) => p.setValue(url));
  if (readMeetingUrl(v) === url) return;
  replaceAll(v, 'conference', specs);
  if (!v.hasProperty('url')) v.addProperty(toProperty(named(specs, 'url')!));
}

/**
 * Value and our parameters of a person; a CN we no longer have goes, and an existing CUTYPE that
 * says more than the role (ROOM for a resource) is kept.
 */
function setPerson(prop: ICAL.Property, spec: PropSpec): void {
  prop.setValue(spec.values[0]!);
  prop.removeParameter('email');
  if (spec.params.cn === undefined) prop.removeParameter('cn');
  const current = String(prop.getFirstParameter('cutype') ?? '').toUpperCase();
  const specific = current === 'RESOURCE' || current === 'ROOM';
  for (const [name, value] of Object.entries(spec.params)) if (name !== 'cutype' || !specific) prop.setParameter(name, value);
  if (spec.name === 'attendee' && spec.params.cutype === undefined && specific) prop.removeParameter('cutype');
}

const emailOfSpec = (spec: PropSpec): string => String(spec.values[0]).slice('mailto:'.length).toLowerCase();

function emailOf(prop: ICAL.Property): string {
  return (calAddressEmail(String(prop.getFirstValue() ?? ''), prop.getFirstParameter('email') || undefined) ?? '').toLowerCase();
}

function writeOrganizer(v: ICAL.Component, next: EventFields): void {
  const [spec] = fieldSpecs('organizer', next);
  if (!spec) {
    v.removeAllProperties('organizer');
    return;
  }
  setPerson(v.getFirstProperty('organizer') ?? v.addProperty(new ICAL.Property('organizer')), spec);
}

/** Attendees are matched by address, so RSVP, X- and server parameters on kept ones survive. */
function writeAttendees(v: ICAL.Component, next: EventFields): void {
  const specs = fieldSpecs('attendees', next);
  const existing = new Map(v.getAllProperties('attendee').map((p) => [emailOf(p), p]));
  const wanted = new Set(specs.map(emailOfSpec));
  for (const [email, prop] of existing) if (!wanted.has(email)) v.removeProperty(prop);
  for (const spec of specs) setPerson(existing.get(emailOfSpec(spec)) ?? v.addProperty(new ICAL.Property('attendee')), spec);
}

export const FIELD_WRITERS: Record<keyof EventFields, FieldWriter> = {
  summary: (v, n) => setText(v, 'summary', fieldSpecs('summary', n)[0]),
  description: (v, n) => setText(v, 'description', fieldSpecs('description', n)[0]),
  descriptionHtml: (v, n) => setText(v, ALT_DESC, fieldSpecs('descriptionHtml', n)[0], isHtml),
  locations: writeLocations,
  categories: (v, n) => replaceAll(v, 'categories', fieldSpecs('categories', n)),
  busyStatus: (v, n) => setSimple(v, fieldSpecs('busyStatus', n), 'transp', CDO_BUSY),
  sensitivity: (v, n) => setSimple(v, fieldSpecs('sensitivity', n), 'class', SENSITIVITY_X),
  importance: (v, n) => setSimple(v, fieldSpecs('importance', n), 'priority'),
  reminderMinutesBefore: writeReminder,
  status: (v, n) => setSimple(v, fieldSpecs('status', n), 'status'),
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
