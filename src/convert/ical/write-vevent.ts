import type { CalendarSeries, EventOccurrence, EventTime } from '../../model/index.js';
import { timeForKey } from './read-time.js';
import { fieldProps, reminderAlarm } from './write-mapping.js';
import type { RruleOut } from './write-rrule.js';
import { propSpec, type ComponentSpec, type PropSpec } from './write-spec.js';
import { timeSpec, timeSpecs } from './write-time.js';

/** A new VEVENT for one occurrence (an override when `recurrenceId` is given), stamped `stamp`. */
export function veventSpec(uid: string, occ: EventOccurrence, stamp: string, recurrenceId?: EventTime, seriesProps: readonly PropSpec[] = []): ComponentSpec {
  const props: PropSpec[] = [propSpec('uid', 'text', uid), propSpec('dtstamp', 'date-time', stamp)];
  if (recurrenceId) props.push(timeSpec('recurrence-id', recurrenceId));
  props.push(timeSpec('dtstart', occ.start), timeSpec('dtend', occ.end));
  fieldProps(occ, props);
  for (const p of seriesProps) props.push(p);
  const alarm = reminderAlarm(occ);
  return { name: 'vevent', props, components: alarm ? [alarm] : [] };
}

/** RRULE, RDATE and EXDATE of a series master; EXDATEs name cancelled keys in the form of its DTSTART. */
export function seriesProps(series: CalendarSeries, rrule: RruleOut): PropSpec[] {
  const exdates = series.cancelled.map((k) => timeForKey(k, series.master.start));
  return [rrule.spec, ...timeSpecs('rdate', series.rdates ?? []), ...timeSpecs('exdate', exdates)];
}
