import ICAL from 'ical.js';
import type { CalendarItem, EventOccurrence, EventTime, OccurrenceKey } from '../../model/index.js';
import { timeForKey } from './read-time.js';
import { serializeItem } from './serialize-item.js';
import { ALL_DAY_X } from './vocabulary.js';
import { ComponentBuilder } from './write-builder.js';
import { writeVevent } from './write-vevent.js';
import { setTimeProperty, timeProperties } from './write-time.js';

export const DEFAULT_PRODID = '-//calbridge//calbridge//EN';

export interface ItemToIcsOptions {
  readonly prodId?: string;
}

/** The last DTSTAMP written and the second it names: objects written within one second share the text. */
let lastStamp = { second: NaN, text: '' };

export function utcStamp(now?: Date): string {
  if (now) return `${now.toISOString().slice(0, 19)}Z`;
  const second = Math.floor(Date.now() / 1000);
  if (second !== lastStamp.second) lastStamp = { second, text: utcStamp(new Date(second * 1000)) };
  return lastStamp.text;
}

export function setStamp(v: ICAL.Component): void {
  v.removeAllProperties('dtstamp');
  v.addProperty(new ICAL.Property(['dtstamp', {}, 'date-time', utcStamp()]));
}

/** Writes DTSTART/DTEND of an occurrence into an existing VEVENT (DTEND replaces any DURATION). */
export function writeTimes(v: ICAL.Component, occ: EventOccurrence): void {
  setTimeProperty(v, 'dtstart', occ.start);
  v.removeAllProperties('duration');
  setTimeProperty(v, 'dtend', occ.end);
  // The reader trusts Outlook's all-day flag; it must not outlive a change to timed (or vice versa).
  if (v.hasProperty(ALL_DAY_X)) v.updatePropertyWithValue(ALL_DAY_X, occ.start.kind === 'date' ? 'TRUE' : 'FALSE');
}

/** A complete VEVENT for one occurrence, to add to a patched object; `recurrenceId` makes it an override. */
export function newVevent(uid: string, occ: EventOccurrence, recurrenceId?: EventTime): ICAL.Component {
  const b = new ComponentBuilder();
  writeVevent(b, uid, occ, utcStamp(), recurrenceId);
  return b.component()!;
}

/** EXDATE values for cancelled keys, in the form of the master's DTSTART. */
export function exdateProperties(keys: readonly OccurrenceKey[], masterStart: EventTime): ICAL.Property[] {
  return keys.length === 0 ? [] : timeProperties('exdate', keys.map((k) => timeForKey(k, masterStart)));
}

/** A new iCalendar object for the item, written as text straight from the model (serialize-item.ts). */
export function itemToIcs(item: CalendarItem, opts: ItemToIcsOptions = {}): string {
  return serializeItem(item, opts.prodId ?? DEFAULT_PRODID, utcStamp());
}
