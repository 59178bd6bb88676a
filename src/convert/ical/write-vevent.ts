import type { CalendarSeries, EventOccurrence, EventTime } from '../../model/index.js';
import { timeForKey } from './read-time.js';
import { writeReminderAlarm } from './write-mapping.js';
import type { ComponentWriter, PropWriter } from './write-spec.js';
import { writeTime, writeTimeList } from './write-time.js';

/** What makes a VEVENT a series master: the series and its RRULE text (write-rrule.ts). */
export interface MasterOf {
  readonly series: CalendarSeries;
  readonly rrule: string;
}

/** A new VEVENT for one occurrence (an override when `recurrenceId` is given), stamped `stamp`. */
export function writeVevent(
  w: ComponentWriter,
  uid: string,
  occ: EventOccurrence,
  stamp: string,
  recurrenceId?: EventTime,
  master?: MasterOf,
): void {
  w.begin('vevent');
  w.prop('uid', 'text', uid);
  w.prop('dtstamp', 'date-time', stamp);
  if (recurrenceId) writeTime(w, 'recurrence-id', recurrenceId);
  writeTime(w, 'dtstart', occ.start);
  writeTime(w, 'dtend', occ.end);
  w.fields(occ);
  if (master) writeSeriesProps(w, master.series, master.rrule);
  writeReminderAlarm(occ, w);
  w.end('vevent');
}

/** RRULE, RDATE and EXDATE of a series master; EXDATEs name cancelled keys in the form of its DTSTART. */
function writeSeriesProps(w: PropWriter, series: CalendarSeries, rrule: string): void {
  w.prop('rrule', 'recur', rrule);
  writeTimeList(w, 'rdate', series.rdates ?? []);
  const start = series.master.start;
  if (series.cancelled.length > 0) writeTimeList(w, 'exdate', series.cancelled.map((k) => timeForKey(k, start)));
}
