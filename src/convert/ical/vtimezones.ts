import ICAL from 'ical.js';
import { UnknownTimeZoneError } from '../../model/index.js';
import { vtimezoneFor } from './deps.js';

const TIME_PROPS = ['dtstart', 'dtend', 'recurrence-id', 'exdate', 'rdate'];

/**
 * Adds a VTIMEZONE, generated from real tz data, for every TZID the VEVENTs use and the calendar
 * does not define yet (RFC 5545 §3.6.5 needs one per TZID). It covers the years the values span,
 * up to the RRULE's UNTIL.
 */
export function addMissingVtimezones(calendar: ICAL.Component): void {
  const defined = new Set(calendar.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid'))));
  const years = new Map<string, number[]>();
  const ruleEnds: number[] = [];
  let unbounded = false;
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    for (const prop of TIME_PROPS.flatMap((name) => vevent.getAllProperties(name))) {
      const tzid = prop.getFirstParameter('tzid');
      if (!tzid || defined.has(tzid)) continue;
      const values = (prop.toJSON() as unknown[]).slice(3).map((v) => (Array.isArray(v) ? v[0] : v));
      years.set(tzid, [...(years.get(tzid) ?? []), ...values.map((v) => Number(String(v).slice(0, 4)))]);
    }
    const rule = vevent.getFirstPropertyValue('rrule') as ICAL.Recur | null;
    if (rule?.until) ruleEnds.push(rule.until.year);
    else if (rule && !rule.count) unbounded = true;
  }
  for (const [tzid, ys] of years) {
    const all = [...ys, ...ruleEnds].filter((y) => Number.isFinite(y));
    const from = Math.min(...all);
    // An endless series gets the generator's default horizon (ten years), not just its first year.
    let text: string;
    try {
      text = vtimezoneFor(tzid, from, Math.max(...all, unbounded ? from + 10 : from));
    } catch (e) {
      // A TZID we did not write (a Windows or /mozilla.org/ name another client left without its
      // VTIMEZONE) was readable by name; generating one for it is not ours to do.
      if (e instanceof UnknownTimeZoneError) continue;
      throw e;
    }
    const vtimezone = new ICAL.Component(ICAL.parse(text));
    // The generator spells the zone canonically; the VTIMEZONE must carry the TZID the values use.
    vtimezone.updatePropertyWithValue('tzid', tzid);
    calendar.addSubcomponent(vtimezone);
  }
}
