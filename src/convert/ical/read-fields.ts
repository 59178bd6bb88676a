import type ICAL from 'ical.js';
import type {
  Attendee,
  AttendeeRole,
  BusyStatus,
  EventFields,
  EventLocation,
  EventStatus,
  Importance,
  Person,
  Sensitivity,
} from '../../model/index.js';
import { htmlToText } from '../graph/html-text.js';
import { primaryAlarm } from './alarms.js';
import { rawType, rawValues, type VeventContext } from './context.js';
import { unescapeText } from './text-escape.js';
import {
  ALT_DESC,
  CDO_BUSY,
  CDO_TO_BUSY,
  EXTRA_LOCATION_GEO_PARAM,
  EXTRA_LOCATION_X,
  MEETING_URL_PROPS,
  PARTSTAT_TO_STATUS,
  SENSITIVITY_X,
  calAddressEmail,
} from './vocabulary.js';

/** The mapped fields of one VEVENT (everything but its times). */
export function readFields(ctx: VeventContext): EventFields {
  const v = ctx.vevent;
  const description = readText(v, 'description') ?? '';
  const html = currentHtml(ctx, description);
  const reminder = primaryAlarm(v);
  const organizer = readOrganizer(ctx);
  const meetingUrl = readMeetingUrl(v);
  return {
    summary: readText(v, 'summary') ?? '',
    description,
    ...(html !== undefined ? { descriptionHtml: html } : {}),
    locations: readLocations(ctx),
    categories: v.getAllProperties('categories').flatMap((p) => rawValues(p).map((c) => String(c).trim())).filter((c) => c.length > 0),
    busyStatus: readBusyStatus(v),
    sensitivity: readSensitivity(v),
    importance: readImportance(v),
    ...(reminder ? { reminderMinutesBefore: reminder.minutesBefore } : {}),
    status: readStatus(v),
    ...(meetingUrl !== undefined ? { onlineMeetingUrl: meetingUrl } : {}),
    ...(organizer ? { organizer } : {}),
    attendees: readAttendees(ctx),
  };
}

/** Letters and digits only: what survives any plain-text rendering of the same content. */
const gist = (s: string): string => s.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * X-ALT-DESC is a rendering of DESCRIPTION. A client that knows only DESCRIPTION edits it and leaves
 * the HTML behind, so HTML whose text says something else than DESCRIPTION is stale and dropped.
 */
function currentHtml(ctx: VeventContext, description: string): string | undefined {
  const html = readText(ctx.vevent, ALT_DESC, (p) => String(p.getFirstParameter('fmttype') ?? '').toLowerCase() === 'text/html');
  if (html === undefined || gist(htmlToText(html)) === gist(description)) return html;
  ctx.warn('X-ALT-DESC no longer matches DESCRIPTION (edited by a client that only knows DESCRIPTION); HTML ignored');
  return undefined;
}

/** A TEXT value; X- properties without VALUE=TEXT arrive still escaped. */
function readText(v: ICAL.Component, name: string, accept: (p: ICAL.Property) => boolean = () => true): string | undefined {
  const prop = v.getAllProperties(name).find(accept);
  return prop ? readTextOf(prop) : undefined;
}

function upperValue(v: ICAL.Component, name: string): string | undefined {
  const value = v.getFirstPropertyValue(name);
  return typeof value === 'string' ? value.trim().toUpperCase() : undefined;
}

function parseGeo(text: string | undefined, separator: string): { latitude: number; longitude: number } | undefined {
  const parts = text?.split(separator).map(Number);
  if (!parts || parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) return undefined;
  return { latitude: parts[0]!, longitude: parts[1]! };
}

function readLocations(ctx: VeventContext): EventLocation[] {
  const v = ctx.vevent;
  const name = readText(v, 'location');
  const geoProp = v.getFirstProperty('geo');
  const geoRaw = geoProp ? rawValues(geoProp)[0] : undefined;
  const geo = Array.isArray(geoRaw) ? parseGeo(geoRaw.join(';'), ';') : undefined;
  if (geoProp && !geo) ctx.warn(`GEO "${String(geoRaw)}" is not "lat;lon"; ignored`);
  const locations: EventLocation[] = [];
  if ((name !== undefined && name !== '') || geo) locations.push({ displayName: name ?? '', ...(geo ? { geo } : {}) });
  // Extra locations only follow a primary one; alone they are leftovers of an edit elsewhere.
  if (locations.length > 0) {
    for (const extra of v.getAllProperties(EXTRA_LOCATION_X)) {
      const extraGeo = parseGeo(extra.getFirstParameter(EXTRA_LOCATION_GEO_PARAM) || undefined, ',');
      locations.push({ displayName: readTextOf(extra), ...(extraGeo ? { geo: extraGeo } : {}) });
    }
  }
  return locations;
}

function readTextOf(prop: ICAL.Property): string {
  const value = String(rawValues(prop)[0] ?? '');
  return rawType(prop) === 'text' ? value : unescapeText(value);
}

/**
 * TRANSP says free or busy; Outlook's X-MICROSOFT-CDO-BUSYSTATUS refines it. A client that only
 * knows TRANSP may flip it and leave the CDO value stale, so the CDO value counts only when it
 * agrees with TRANSP.
 */
function readBusyStatus(v: ICAL.Component): BusyStatus {
  const transparent = upperValue(v, 'transp') === 'TRANSPARENT';
  const cdo = CDO_TO_BUSY[upperValue(v, CDO_BUSY) ?? ''];
  if (cdo !== undefined && (cdo === 'free') === transparent) return cdo;
  return transparent ? 'free' : 'busy';
}

function readSensitivity(v: ICAL.Component): Sensitivity {
  switch (upperValue(v, 'class')) {
    case 'PRIVATE':
      return upperValue(v, SENSITIVITY_X) === 'PERSONAL' ? 'personal' : 'private';
    case 'CONFIDENTIAL':
      return 'confidential';
    default:
      return 'normal';
  }
}

/** RFC 5545 §3.8.1.9: 1-4 high, 5 or 0/absent normal, 6-9 low. */
function readImportance(v: ICAL.Component): Importance {
  const p = Number(v.getFirstPropertyValue('priority') ?? 0);
  if (p >= 1 && p <= 4) return 'high';
  if (p >= 6 && p <= 9) return 'low';
  return 'normal';
}

function readStatus(v: ICAL.Component): EventStatus {
  const s = upperValue(v, 'status');
  return s === 'CANCELLED' ? 'cancelled' : s === 'TENTATIVE' ? 'tentative' : 'confirmed';
}

export function readMeetingUrl(v: ICAL.Component): string | undefined {
  for (const name of MEETING_URL_PROPS) {
    const value = v.getFirstProperty(name) ? readTextOf(v.getFirstProperty(name)!).trim() : '';
    if (value.length > 0) return value;
  }
  return undefined;
}

function personOf(prop: ICAL.Property, ctx: VeventContext): Person | undefined {
  const email = calAddressEmail(String(rawValues(prop)[0] ?? ''), prop.getFirstParameter('email') || undefined);
  if (!email) {
    ctx.warn(`${prop.name.toUpperCase()} "${String(rawValues(prop)[0])}" has no e-mail address; ignored`);
    return undefined;
  }
  const name = prop.getFirstParameter('cn');
  return name ? { email, name } : { email };
}

function readOrganizer(ctx: VeventContext): Person | undefined {
  const prop = ctx.vevent.getFirstProperty('organizer');
  return prop ? personOf(prop, ctx) : undefined;
}

function roleOf(prop: ICAL.Property): AttendeeRole {
  const cutype = String(prop.getFirstParameter('cutype') ?? '').toUpperCase();
  if (cutype === 'RESOURCE' || cutype === 'ROOM') return 'resource';
  switch (String(prop.getFirstParameter('role') ?? 'REQ-PARTICIPANT').toUpperCase()) {
    case 'CHAIR':
      return 'chair';
    case 'OPT-PARTICIPANT':
    case 'NON-PARTICIPANT':
      return 'optional';
    default:
      return 'required';
  }
}

function readAttendees(ctx: VeventContext): Attendee[] {
  return ctx.vevent.getAllProperties('attendee').flatMap((prop) => {
    const person = personOf(prop, ctx);
    if (!person) return [];
    const status = PARTSTAT_TO_STATUS[String(prop.getFirstParameter('partstat') ?? '').toUpperCase()] ?? 'needs-action';
    return [{ ...person, role: roleOf(prop), status }];
  });
}
