import ICAL from 'ical.js';
import type { CalendarItem, EventOccurrence, EventTime, OccurrenceKey } from '../../model/index.js';
import { formatRrule } from './deps.js';
import { timeForKey } from './read-time.js';
import { ALL_DAY_X } from './vocabulary.js';
import { addMissingVtimezones } from './vtimezones.js';
import { markScheduleAgentClient, writeFields } from './write-fields.js';
import { setTimeProperty, timeProperties } from './write-time.js';

export const DEFAULT_PRODID = '-//calbridge//calbridge//EN';

export interface ItemToIcsOptions {
  readonly prodId?: string;
}

export function utcStamp(now: Date = new Date()): string {
  return `${now.toISOString().slice(0, 19)}Z`;
}

export function setStamp(v: ICAL.Component): void {
  v.removeAllProperties('dtstamp');
  v.addProperty(new ICAL.Property(['dtstamp', {}, 'date-time', utcStamp()]));
}

/** Writes DTSTART/DTEND of an occurrence (DTEND replaces any DURATION). */
export function writeTimes(v: ICAL.Component, occ: EventOccurrence): void {
  setTimeProperty(v, 'dtstart', occ.start);
  v.removeAllProperties('duration');
  setTimeProperty(v, 'dtend', occ.end);
  // The reader trusts Outlook's all-day flag; it must not outlive a change to timed (or vice versa).
  if (v.hasProperty(ALL_DAY_X)) v.updatePropertyWithValue(ALL_DAY_X, occ.start.kind === 'date' ? 'TRUE' : 'FALSE');
}

/** A complete VEVENT for one occurrence; `recurrenceId` makes it an override. */
export function newVevent(uid: string, occ: EventOccurrence, recurrenceId?: EventTime): ICAL.Component {
  const v = new ICAL.Component('vevent');
  v.addPropertyWithValue('uid', uid);
  setStamp(v);
  if (recurrenceId) setTimeProperty(v, 'recurrence-id', recurrenceId);
  writeTimes(v, occ);
  writeFields(v, occ);
  markScheduleAgentClient(v);
  return v;
}

/** EXDATE values for cancelled keys, in the form of the master's DTSTART. */
export function exdateProperties(keys: readonly OccurrenceKey[], masterStart: EventTime): ICAL.Property[] {
  return keys.length === 0 ? [] : timeProperties('exdate', keys.map((k) => timeForKey(k, masterStart)));
}

export function itemToIcs(item: CalendarItem, opts: ItemToIcsOptions = {}): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', opts.prodId ?? DEFAULT_PRODID);
  if (item.kind === 'single') {
    calendar.addSubcomponent(newVevent(item.uid, item.event));
  } else {
    const master = newVevent(item.uid, item.master);
    master.addProperty(ICAL.Property.fromString(`RRULE:${formatRrule(item.rule)}`));
    timeProperties('rdate', item.rdates ?? []).forEach((p) => master.addProperty(p));
    exdateProperties(item.cancelled, item.master.start).forEach((p) => master.addProperty(p));
    calendar.addSubcomponent(master);
    for (const [key, occ] of Object.entries(item.overrides)) {
      calendar.addSubcomponent(newVevent(item.uid, occ, timeForKey(key, item.master.start)));
    }
  }
  addMissingVtimezones(calendar);
  return `${calendar.toString()}\r\n`;
}
