import ICAL from 'ical.js';
import type { CalendarSeries, EventOccurrence, EventTime, RecurrenceRule } from '../../model/index.js';
import { formatRrule } from './deps.js';
import { timeForKey } from './read-time.js';
import { fieldProps, reminderAlarm } from './write-mapping.js';
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

interface RecurData {
  readonly until?: string;
  readonly count?: number;
}

interface RecurDesign {
  fromICAL(value: string): RecurData;
  toICAL(data: RecurData): string;
}

const RECUR = (ICAL.design.icalendar.value as Readonly<Record<string, unknown>>).recur as RecurDesign;

export interface RruleOut {
  readonly spec: PropSpec;
  /** UNTIL's year, which the VTIMEZONEs must reach. */
  readonly untilYear?: number;
  readonly count?: number;
}

/**
 * RRULE as ical.js reads and writes it back (it drops repeated list values, reads INTERVAL below 1
 * as 1 and rejects out-of-range parts), so a new object says what a patched one would.
 */
export function rruleOut(rule: RecurrenceRule): RruleOut {
  const data = RECUR.fromICAL(formatRrule(rule));
  return {
    spec: propSpec('rrule', 'recur', RECUR.toICAL(data)),
    ...(data.until !== undefined ? { untilYear: Number(data.until.slice(0, 4)) } : {}),
    ...(data.count !== undefined ? { count: data.count } : {}),
  };
}

/** RRULE, RDATE and EXDATE of a series master; EXDATEs name cancelled keys in the form of its DTSTART. */
export function seriesProps(series: CalendarSeries, rrule: RruleOut): PropSpec[] {
  const exdates = series.cancelled.map((k) => timeForKey(k, series.master.start));
  return [rrule.spec, ...timeSpecs('rdate', series.rdates ?? []), ...timeSpecs('exdate', exdates)];
}
