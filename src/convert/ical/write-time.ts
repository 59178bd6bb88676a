import ICAL from 'ical.js';
import type { EventTime } from '../../model/index.js';
import type { PropSpec } from './write-spec.js';

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

/** The TZID a time is written with, if any (UTC is written with Z instead). */
export function tzidOf(t: EventTime): string | undefined {
  return jcalTime(t).tzid;
}

/** A single-valued time property (DTSTART, DTEND, RECURRENCE-ID). */
export function timeSpec(name: string, t: EventTime): PropSpec {
  const j = jcalTime(t);
  return { name, params: j.tzid ? { tzid: j.tzid } : {}, type: j.type, values: [j.value] };
}

/**
 * Time properties for `times`, one per value form: a multi-valued property may carry one TZID and
 * one VALUE type only (RFC 5545 §3.8.5.1).
 */
export function timeSpecs(name: string, times: readonly EventTime[]): PropSpec[] {
  const groups = new Map<string, { params: Record<string, string>; type: string; values: string[] }>();
  for (const j of times.map(jcalTime)) {
    const key = `${j.type}|${j.tzid ?? ''}`;
    const group = groups.get(key);
    if (group) group.values.push(j.value);
    else groups.set(key, { params: j.tzid ? { tzid: j.tzid } : {}, type: j.type, values: [j.value] });
  }
  return [...groups.values()].map(({ params, type, values }) => ({ name, params, type, values }));
}

/** The ical.js form of timeSpecs, each keeping the `extraParams` of the property it replaces. */
export function timeProperties(name: string, times: readonly EventTime[], extraParams: Record<string, unknown> = {}): ICAL.Property[] {
  return timeSpecs(name, times).map((s) => new ICAL.Property([s.name, { ...extraParams, ...s.params }, s.type, ...s.values]));
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
