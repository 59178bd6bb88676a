import ICAL from 'ical.js';
import type { EventTime } from '../../model/index.js';
import { epochMsToLocal, localAsUtcMs, occurrenceKey, utcMsAsLocal } from '../../model/index.js';
import type { OccurrenceKey } from '../../model/index.js';
import { customZoneOffsetMinutes, ianaZoneForTzidName, resolveIcalTzid } from './deps.js';
import type { VeventContext } from './context.js';
import type { JcalComponent, JcalProperty } from './lex.js';
import { firstValue, paramOf } from './read-jcal.js';
import { skippedZoneText, type SkippedZone } from './lex-zones.js';

/** How one TZID of a VCALENDAR is read: an IANA zone, or a zone known only by its VTIMEZONE rules. */
export type ZoneReading = { readonly kind: 'iana'; readonly tz: string } | { readonly kind: 'custom'; readonly vtimezone: string };

/** Why a TZID could not be read (no known name and no VTIMEZONE, or a broken VTIMEZONE). */
export type ZoneFailure = { readonly kind: 'unreadable'; readonly reason: string };

export interface TimeReader {
  zone(tzid: string): ZoneReading | ZoneFailure;
  readonly floatingTz?: string;
}

/**
 * Reads times of `calendar`, whose VTIMEZONEs are its own plus those kept aside as text (`skipped`,
 * lex-zones.ts): by TZID, the last one in document order wins, as it always did.
 */
export function timeReader(calendar: ICAL.Component, floatingTz: string | undefined, skipped: readonly SkippedZone[] = []): TimeReader {
  const vtimezones = new ZoneList<ICAL.Component | SkippedZone>();
  // The children's jCal, not getAllSubcomponents(): that wraps every VEVENT in an ICAL.Component too.
  const children = calendar.jCal[2] as JcalComponent[];
  let wrapped: ICAL.Component[] | undefined;
  let zonesMet = 0;
  let next = 0;
  for (let i = 0; i <= children.length; i++) {
    for (; next < skipped.length && skipped[next]!.position === i; next++) {
      const tzid = skipped[next]!.tzid;
      if (tzid !== undefined) vtimezones.set(tzid, skipped[next]!);
    }
    if (children[i]?.[0] !== 'vtimezone') continue;
    // Wrapped only when met (most objects' zones were kept aside as text): the wrappers getAllSubcomponents() gives.
    const vtz = (wrapped ??= calendar.getAllSubcomponents('vtimezone'))[zonesMet++]!;
    const tzid = firstValue(vtz, 'tzid');
    if (typeof tzid === 'string') vtimezones.set(tzid, vtz);
  }
  const readings = new ZoneList<ZoneReading | ZoneFailure>();
  return {
    floatingTz,
    zone(tzid) {
      let hit = readings.get(tzid);
      if (hit === undefined) readings.set(tzid, (hit = readZone(tzid, vtimezones.get(tzid))));
      return hit;
    },
  };
}

/**
 * A Map from TZID for the few zones one calendar object names (most name one): two short arrays
 * searched from the end, the last set winning, rather than the hash tables of two Maps per object.
 */
class ZoneList<T> {
  private readonly tzids: string[] = [];
  private readonly values: T[] = [];

  set(tzid: string, value: T): void {
    this.tzids.push(tzid);
    this.values.push(value);
  }

  get(tzid: string): T | undefined {
    const i = this.tzids.lastIndexOf(tzid);
    return i < 0 ? undefined : this.values[i];
  }
}

/** How `tzid` reads, given the VTIMEZONE of that TZID if there is one. */
function readZone(tzid: string, vtz: ICAL.Component | SkippedZone | undefined): ZoneReading | ZoneFailure {
  // A TZID naming a zone by itself wins over its VTIMEZONE (resolveIcalTzid looks at names
  // first), so such a VTIMEZONE is not even serialised.
  try {
    const named = ianaZoneForTzidName(tzid);
    if (named !== undefined) return { kind: 'iana', tz: named };
    const r = resolveIcalTzid(tzid, vtz instanceof ICAL.Component ? vtz.toString() : vtz && skippedZoneText(vtz));
    return r.kind === 'iana' ? { kind: 'iana', tz: r.tz } : { kind: 'custom', vtimezone: r.vtimezone };
  } catch (e) {
    return { kind: 'unreadable', reason: e instanceof Error ? e.message : String(e) };
  }
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `s` is 'YYYY-MM-DDTHH:mm:ss' (ASCII digits): localAsUtcMs reads exactly that form, or throws. */
function isLocalDateTime(s: string): boolean {
  try {
    localAsUtcMs(s);
    return true;
  } catch {
    return false;
  }
}

/** UTC wall time of `local` read in a zone known only by its VTIMEZONE. */
function customLocalToUtc(local: string, vtimezone: string): string {
  const wall = localAsUtcMs(local);
  // Two rounds settle on the offset in force at the instant itself (one transition away at most).
  const first = wall - customZoneOffsetMinutes(vtimezone, wall) * 60_000;
  return utcMsAsLocal(wall - customZoneOffsetMinutes(vtimezone, first) * 60_000);
}

/** One DATE or DATE-TIME value of `prop`, zone taken from its TZID. */
export function readTimeValue(raw: unknown, prop: JcalProperty, ctx: VeventContext, times: TimeReader): EventTime {
  if (typeof raw !== 'string') ctx.fail(`expected a DATE or DATE-TIME value, got ${JSON.stringify(raw)}`, prop);
  // DATE_RE only matches ten characters: the length spares date-times the regex.
  if (raw.length === 10 && DATE_RE.test(raw) && !Number.isNaN(localAsUtcMs(`${raw}T00:00:00`))) return { kind: 'date', date: raw };
  // A DATE-TIME is the wall time, 'Z' after it for UTC (RFC 5545 §3.3.5); read without a regex match
  // and its capture strings, as it runs for every time value.
  const utc = raw.length === 20 && raw.charCodeAt(19) === 90;
  const local = utc ? raw.slice(0, 19) : raw;
  if (!isLocalDateTime(local)) ctx.fail(`invalid date-time "${raw}"`, prop);
  if (utc) return { kind: 'zoned', local, tz: 'UTC' };
  const tzid = paramOf(prop, 'tzid');
  if (!tzid) return times.floatingTz ? { kind: 'zoned', local, tz: times.floatingTz } : { kind: 'floating', local };
  const zone = times.zone(tzid);
  if (zone.kind === 'unreadable') ctx.fail(zone.reason, prop);
  if (zone.kind === 'iana') return { kind: 'zoned', local, tz: zone.tz };
  ctx.warn(`TZID "${tzid}" matches no known zone: its times are kept as UTC instants computed through its VTIMEZONE`);
  return { kind: 'zoned', local: customLocalToUtc(local, zone.vtimezone), tz: 'UTC' };
}

/**
 * All time values of a multi-valued property (EXDATE, RDATE); PERIOD values yield their start.
 * Takes the jCal or, for the patcher, ical.js's wrapper of it.
 */
export function readTimeValues(property: JcalProperty | ICAL.Property, ctx: VeventContext, times: TimeReader): EventTime[] {
  const prop = property instanceof ICAL.Property ? (property.toJSON() as JcalProperty) : property;
  const periods = prop[2] === 'period';
  if (periods) ctx.warn(`${prop[0].toUpperCase()} with PERIOD values: only their starts are kept`);
  const out: EventTime[] = [];
  for (let i = 3; i < prop.length; i++) {
    const v = prop[i];
    out.push(readTimeValue(periods && Array.isArray(v) ? v[0] : v, prop, ctx, times));
  }
  return out;
}

/** The (first) value of `prop`, if there is one. */
export function readTimeProperty(prop: JcalProperty | undefined, ctx: VeventContext, times: TimeReader): EventTime | undefined {
  return prop ? readTimeValue(prop[3], prop, ctx, times) : undefined;
}

/**
 * The key of `t` as an occurrence of a series whose DTSTART is `master`. Clients write EXDATE and
 * RECURRENCE-ID in other forms than DTSTART (DATE on a timed series, UTC for a zoned one,
 * floating for a zoned one); all of them name the occurrence the master's form would.
 */
export function keyInMasterForm(t: EventTime, master: EventTime): OccurrenceKey {
  switch (master.kind) {
    case 'date':
      return t.kind === 'date' ? t.date : t.local.slice(0, 10);
    case 'floating':
      return t.kind === 'date' ? `${t.date}T${master.local.slice(11)}` : t.local;
    case 'zoned':
      if (t.kind === 'date') return occurrenceKey({ kind: 'zoned', local: `${t.date}T${master.local.slice(11)}`, tz: master.tz });
      if (t.kind === 'floating') return occurrenceKey({ kind: 'zoned', local: t.local, tz: master.tz });
      return occurrenceKey(t);
  }
}

/** The inverse of keyInMasterForm: the value to write in EXDATE / RECURRENCE-ID for a key. */
export function timeForKey(key: OccurrenceKey, master: EventTime): EventTime {
  switch (master.kind) {
    case 'date':
      return { kind: 'date', date: key.slice(0, 10) };
    case 'floating':
      return { kind: 'floating', local: key };
    case 'zoned': {
      return { kind: 'zoned', local: epochMsToLocal(Date.parse(key), master.tz), tz: master.tz };
    }
  }
}
