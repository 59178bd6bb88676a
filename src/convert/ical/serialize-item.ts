import type { CalendarItem } from '../../model/index.js';
import { objectLineWriter, propertyLine } from './serialize-line.js';
import { TIME_PROPS, addRuleEnd, addZoneUse, noZoneUses, vtimezoneTexts, type ZoneUses } from './vtimezones.js';
import { rruleOut, type RruleOut } from './write-rrule.js';
import { seriesProps, veventSpec } from './write-vevent.js';
import { propSpec, type ComponentSpec, type PropSpec } from './write-spec.js';
import { timeForKey } from './read-time.js';

/** BEGIN … END with every property as a folded content line, subcomponents after the properties (as ical.js does). */
function writeComponent(c: ComponentSpec, line: (p: PropSpec) => string, out: string[]): void {
  const name = c.name.toUpperCase();
  out.push(`BEGIN:${name}`);
  for (const p of c.props) out.push(line(p));
  for (const sub of c.components) writeComponent(sub, line, out);
  out.push(`END:${name}`);
}

/**
 * The walk addMissingVtimezones makes over parsed VEVENTs, over our specs: TZIDs in first-use order
 * (which orders the VTIMEZONEs), the years of their values and the RRULE's end.
 */
function zoneUses(vevents: readonly ComponentSpec[], rrule?: RruleOut): ZoneUses {
  const uses = noZoneUses();
  for (const v of vevents) {
    for (const name of TIME_PROPS) for (const p of v.props) if (p.name === name && p.params.tzid) addZoneUse(uses, p.params.tzid, p.values);
  }
  if (rrule?.untilYear !== undefined) addRuleEnd(uses, rrule.untilYear);
  else if (rrule && !rrule.count) uses.unbounded = true;
  return uses;
}

/** The iCalendar object for an item, written as text from the model (see serialize-line.ts for why not ical.js). */
export function serializeItem(item: CalendarItem, prodId: string, stamp: string): string {
  let vevents: ComponentSpec[];
  let rrule: RruleOut | undefined;
  if (item.kind === 'single') {
    vevents = [veventSpec(item.uid, item.event, stamp)];
  } else {
    rrule = rruleOut(item.rule);
    vevents = [veventSpec(item.uid, item.master, stamp, undefined, seriesProps(item, rrule))];
    for (const [key, occ] of Object.entries(item.overrides)) vevents.push(veventSpec(item.uid, occ, stamp, timeForKey(key, item.master.start)));
  }
  const out = ['BEGIN:VCALENDAR', propertyLine(propSpec('version', 'text', '2.0')), propertyLine(propSpec('prodid', 'text', prodId))];
  const line = objectLineWriter();
  for (const v of vevents) writeComponent(v, line, out);
  out.push(...vtimezoneTexts(zoneUses(vevents, rrule)), 'END:VCALENDAR', '');
  return out.join('\r\n');
}
