import type ICAL from 'ical.js';
import type {
  Attendee,
  AttendeeRole,
  BusyStatus,
  EventLocation,
  EventOccurrence,
  EventStatus,
  Importance,
  Person,
  Sensitivity,
  EventTime,
} from '../../model/index.js';
import type { VeventContext } from './context.js';
import type { JcalProperty } from './lex.js';
import { primaryAlarmOf } from './read-alarm.js';
import { unescapeText } from './text-escape.js';
import { paramOf, propValue, propsOf } from './read-jcal.js';
import { htmlIsCurrent, type HtmlVerdicts } from './read-html.js';
import { VeventProps } from './vevent-props.js';
import { CDO_TO_BUSY, EXTRA_LOCATION_GEO_PARAM, PARTSTAT_TO_STATUS, calAddressEmail } from './vocabulary.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * One VEVENT as an occurrence: its mapped fields plus the given times. Built key by key (in the
 * model's key order) rather than from spreads, since this runs for every override of every series.
 */
export function readOccurrence(ctx: VeventContext, htmlVerdicts: HtmlVerdicts, start: EventTime, end: EventTime): EventOccurrence {
  const index = ctx.index;
  const description = readText(index.description) ?? '';
  const html = currentHtml(ctx, description, htmlVerdicts);
  const reminder = primaryAlarmOf(ctx.vevent);
  const organizer = index.organizer ? personOf(index.organizer, ctx) : undefined;
  const meetingUrl = meetingUrlOf(index);
  const o: Partial<Mutable<EventOccurrence>> = { summary: readText(index.summary) ?? '', description };
  if (html !== undefined) o.descriptionHtml = html;
  o.locations = readLocations(ctx);
  o.categories = readCategories(index.categories);
  o.busyStatus = readBusyStatus(ctx);
  o.sensitivity = readSensitivity(ctx);
  o.importance = readImportance(ctx);
  if (reminder) o.reminderMinutesBefore = reminder.minutesBefore;
  o.status = readStatus(ctx);
  if (meetingUrl !== undefined) o.onlineMeetingUrl = meetingUrl;
  if (organizer) o.organizer = organizer;
  o.attendees = readAttendees(ctx);
  o.start = start;
  o.end = end;
  return o as EventOccurrence;
}

/** X-ALT-DESC, unless it is a stale rendering of DESCRIPTION (read-html.ts). */
function currentHtml(ctx: VeventContext, description: string, verdicts: HtmlVerdicts): string | undefined {
  const html = readText(ctx.index.html);
  if (html === undefined || htmlIsCurrent(html, description, verdicts)) return html;
  ctx.warn('X-ALT-DESC no longer matches DESCRIPTION (edited by a client that only knows DESCRIPTION); HTML ignored');
  return undefined;
}

/** A TEXT value; X- properties without VALUE=TEXT arrive still escaped. */
const readText = (prop: JcalProperty | undefined): string | undefined => (prop ? readTextOf(prop) : undefined);

/** The values of all CATEGORIES properties, trimmed, empty ones left out. */
function readCategories(props: readonly JcalProperty[]): string[] {
  const categories: string[] = [];
  for (const p of props) {
    for (let i = 3; i < p.length; i++) {
      const c = String(p[i]).trim();
      if (c.length > 0) categories.push(c);
    }
  }
  return categories;
}

/** The first value of `prop` (the VEVENT `ctx`'s first of its name), trimmed and upper-cased if a string. */
function upperValue(ctx: VeventContext, prop: JcalProperty | undefined): string | undefined {
  const value = propValue(prop, ctx);
  return typeof value === 'string' ? value.trim().toUpperCase() : undefined;
}

function parseGeo(text: string | undefined, separator: string): { latitude: number; longitude: number } | undefined {
  const parts = text?.split(separator).map(Number);
  if (!parts || parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) return undefined;
  return { latitude: parts[0]!, longitude: parts[1]! };
}

function readLocations(ctx: VeventContext): EventLocation[] {
  const index = ctx.index;
  const name = readText(index.location);
  const geoProp = index.geo;
  const geoRaw = geoProp ? geoProp[3] : undefined;
  const geo = Array.isArray(geoRaw) ? parseGeo(geoRaw.join(';'), ';') : undefined;
  if (geoProp && !geo) ctx.warn(`GEO "${String(geoRaw)}" is not "lat;lon"; ignored`);
  const locations: EventLocation[] = [];
  if ((name !== undefined && name !== '') || geo) locations.push({ displayName: name ?? '', ...(geo ? { geo } : {}) });
  // Extra locations only follow a primary one; alone they are leftovers of an edit elsewhere.
  if (locations.length > 0) {
    for (const extra of index.extraLocations) {
      const extraGeo = parseGeo(paramOf(extra, EXTRA_LOCATION_GEO_PARAM) || undefined, ',');
      locations.push({ displayName: readTextOf(extra), ...(extraGeo ? { geo: extraGeo } : {}) });
    }
  }
  return locations;
}

function readTextOf(prop: JcalProperty): string {
  const value = String(prop[3] ?? '');
  return prop[2] === 'text' ? value : unescapeText(value);
}

/**
 * TRANSP says free or busy; Outlook's X-MICROSOFT-CDO-BUSYSTATUS refines it. A client that only
 * knows TRANSP may flip it and leave the CDO value stale, so the CDO value counts only when it
 * agrees with TRANSP.
 */
function readBusyStatus(ctx: VeventContext): BusyStatus {
  const transparent = upperValue(ctx, ctx.index.transp) === 'TRANSPARENT';
  const cdo = CDO_TO_BUSY[upperValue(ctx, ctx.index.cdoBusy) ?? ''];
  if (cdo !== undefined && (cdo === 'free') === transparent) return cdo;
  return transparent ? 'free' : 'busy';
}

function readSensitivity(ctx: VeventContext): Sensitivity {
  switch (upperValue(ctx, ctx.index.classification)) {
    case 'PRIVATE':
      return upperValue(ctx, ctx.index.sensitivity) === 'PERSONAL' ? 'personal' : 'private';
    case 'CONFIDENTIAL':
      return 'confidential';
    default:
      return 'normal';
  }
}

/** RFC 5545 §3.8.1.9: 1-4 high, 5 or 0/absent normal, 6-9 low. */
function readImportance(ctx: VeventContext): Importance {
  const p = Number(propValue(ctx.index.priority, ctx) ?? 0);
  if (p >= 1 && p <= 4) return 'high';
  if (p >= 6 && p <= 9) return 'low';
  return 'normal';
}

function readStatus(ctx: VeventContext): EventStatus {
  const s = upperValue(ctx, ctx.index.status);
  return s === 'CANCELLED' ? 'cancelled' : s === 'TENTATIVE' ? 'tentative' : 'confirmed';
}

export const readMeetingUrl = (v: ICAL.Component): string | undefined => meetingUrlOf(new VeventProps(propsOf(v)));

function meetingUrlOf(index: VeventProps): string | undefined {
  for (const prop of index.meetingUrls) {
    const value = prop ? readTextOf(prop).trim() : '';
    if (value.length > 0) return value;
  }
  return undefined;
}

/** The address of an ORGANIZER or ATTENDEE; a warning (and undefined) when it has none. */
function emailOf(prop: JcalProperty, ctx: VeventContext): string | undefined {
  const email = calAddressEmail(String(prop[3] ?? ''), paramOf(prop, 'email') || undefined);
  if (!email) ctx.warn(`${prop[0].toUpperCase()} "${String(prop[3])}" has no e-mail address; ignored`);
  return email;
}

function personOf(prop: JcalProperty, ctx: VeventContext): Person | undefined {
  const email = emailOf(prop, ctx);
  if (!email) return undefined;
  const name = paramOf(prop, 'cn');
  return name ? { email, name } : { email };
}

function roleOf(prop: JcalProperty): AttendeeRole {
  const cutype = String(paramOf(prop, 'cutype') ?? '').toUpperCase();
  if (cutype === 'RESOURCE' || cutype === 'ROOM') return 'resource';
  switch (String(paramOf(prop, 'role') ?? 'REQ-PARTICIPANT').toUpperCase()) {
    case 'CHAIR':
      return 'chair';
    case 'OPT-PARTICIPANT':
    case 'NON-PARTICIPANT':
      return 'optional';
    default:
      return 'required';
  }
}

/** A plain loop and written-out objects: this runs for every attendee of every occurrence. */
function readAttendees(ctx: VeventContext): Attendee[] {
  const attendees: Attendee[] = [];
  for (const prop of ctx.index.attendees) {
    // The person's fields go straight into the attendee: no Person object in between.
    const email = emailOf(prop, ctx);
    if (!email) continue;
    const name = paramOf(prop, 'cn');
    const status = PARTSTAT_TO_STATUS[String(paramOf(prop, 'partstat') ?? '').toUpperCase()] ?? 'needs-action';
    const role = roleOf(prop);
    attendees.push(name ? { email, name, role, status } : { email, role, status });
  }
  return attendees;
}
