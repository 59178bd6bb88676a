import ICAL from 'ical.js';
import type { EventTime } from '../../model/index.js';
import { NO_PARAMS, PropCollector, type Params, type PropWriter } from './write-spec.js';

type JcalTime = { readonly type: 'date' | 'date-time'; readonly tzid?: string; readonly value: string };

function jcalTime(t: EventTime): JcalTime {
  switch (t.kind) {
    case 'date':
      return { type: 'date', value: t.date };
    case 'floating':
      return { type: 'date-time', value: t.local };
    case 'zoned':
      return t.tz === 'UTC' ? { type: 'date-time', value: `${t.local}Z` } : { type: 'date-time', tzid: t.tz, value: t.local };
  }
}

/** The TZID parameter objects, per zone (static: one per zone name seen, shared by every property, frozen as write-spec.ts NO_PARAMS). */
const tzidParams = new Map<string, Params>();

function paramsOf(tzid: string | undefined): Params {
  if (tzid === undefined) return NO_PARAMS;
  let params = tzidParams.get(tzid);
  if (params === undefined) {
    if (tzidParams.size >= 4096) tzidParams.clear();
    tzidParams.set(tzid, (params = Object.freeze({ tzid })));
  }
  return params;
}

/** A single-valued time property (DTSTART, DTEND, RECURRENCE-ID). */
export function writeTime(w: PropWriter, name: string, t: EventTime): void {
  const j = jcalTime(t);
  w.prop(name, j.type, j.value, paramsOf(j.tzid));
}

/**
 * Time properties for `times`, one per value form: a multi-valued property may carry one TZID and
 * one VALUE type only (RFC 5545 §3.8.5.1).
 */
export function writeTimeList(w: PropWriter, name: string, times: readonly EventTime[]): void {
  if (times.length === 0) return;
  const groups = new Map<string, { tzid: string | undefined; type: string; values: string[] }>();
  for (const t of times) {
    const j = jcalTime(t);
    const key = `${j.type}|${j.tzid ?? ''}`;
    const group = groups.get(key);
    if (group) group.values.push(j.value);
    else groups.set(key, { tzid: j.tzid, type: j.type, values: [j.value] });
  }
  for (const { tzid, type, values } of groups.values()) w.list(name, type, values, paramsOf(tzid));
}

/** The ical.js form of writeTimeList, each keeping the `extraParams` of the property it replaces. */
export function timeProperties(name: string, times: readonly EventTime[], extraParams: Record<string, unknown> = {}): ICAL.Property[] {
  const c = new PropCollector();
  writeTimeList(c, name, times);
  return c.props.map((s) => new ICAL.Property([s.name, { ...extraParams, ...s.params }, s.type, ...s.values]));
}

/** Parameters of an existing time property other than those the value decides (TZID, VALUE). */
function otherParams(prop: ICAL.Property | null): Record<string, unknown> {
  if (!prop) return {};
  const params = { ...((prop.toJSON() as unknown[])[1] as Record<string, unknown>) };
  delete params.tzid;
  delete params.value;
  return params;
}

/** Sets a single-valued time property (DTSTART, DTEND, RECURRENCE-ID), keeping its other parameters. */
export function setTimeProperty(vevent: ICAL.Component, name: string, t: EventTime): void {
  const old = vevent.getFirstProperty(name);
  const params = otherParams(old);
  vevent.removeAllProperties(name);
  vevent.addProperty(timeProperties(name, [t], params)[0]!);
}
