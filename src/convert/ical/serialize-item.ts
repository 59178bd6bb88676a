import type { CalendarItem, CalendarSeries } from '../../model/index.js';
import { timeForKey } from './read-time.js';
import { IcsTextWriter } from './serialize-writer.js';
import { addRuleEnd, vtimezoneTexts } from './vtimezones.js';
import { rruleOut } from './write-rrule.js';
import { writeVevent } from './write-vevent.js';

/**
 * The writer appends to one string (V8 keeps it as a tree of pieces); a regular expression needs it
 * flat, so a test flattens it once here. Kept unflattened, every object held by a caller pins its
 * hundreds of pieces (measured: garbage collection went from 20% to 59% of the bench's time).
 */
const NUL = /\0/;

function hasOverrides(series: CalendarSeries): boolean {
  for (const _ in series.overrides) return true;
  return false;
}

/** The iCalendar object for an item, written as text from the model (see serialize-line.ts for why not ical.js; serialize-writer.ts writes the lines). */
export function serializeItem(item: CalendarItem, prodId: string, stamp: string): string {
  const w = new IcsTextWriter(item.kind === 'single' || !hasOverrides(item));
  w.begin('vcalendar');
  w.prop('version', 'text', '2.0');
  w.prop('prodid', 'text', prodId);
  if (item.kind === 'single') {
    writeVevent(w, item.uid, item.event, stamp);
  } else {
    const rrule = rruleOut(item.rule);
    writeVevent(w, item.uid, item.master, stamp, undefined, { series: item, rrule: rrule.text });
    const start = item.master.start;
    for (const key in item.overrides) writeVevent(w, item.uid, item.overrides[key]!, stamp, timeForKey(key, start));
    // The RRULE's end decides how far the VTIMEZONEs reach, as addMissingVtimezones does it.
    if (rrule.untilYear !== undefined) addRuleEnd(w.zones, rrule.untilYear);
    else if (!rrule.count) w.zones.unbounded = true;
  }
  // Subcomponents follow the properties, VTIMEZONEs the VEVENTs (as ical.js writes a calendar).
  for (const text of vtimezoneTexts(w.zones)) w.raw(text);
  w.end('vcalendar');
  const out = w.out;
  NUL.test(out); // flattens `out` (see NUL)
  return out;
}
