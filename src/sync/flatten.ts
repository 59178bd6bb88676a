import { htmlToText } from '../convert/graph/index.js';
import type { CalendarItem, EventOccurrence, OccurrenceKey } from '../model/event.js';
import type { RecurrenceRule } from '../model/recurrence.js';
import type { EventTime } from '../model/time.js';

/**
 * A CalendarItem as a flat map of merge units, so that a 3-way merge can work unit by unit.
 * Units that only make sense together move together: the schedule (start, end, recurrence),
 * the description (text + html), and each override as a whole.
 */
export type MergeUnitKey = string;
export type FlatItem = Map<MergeUnitKey, unknown>;

interface Schedule {
  start: EventTime;
  end: EventTime;
  recurrence: { rule: RecurrenceRule; rdates?: readonly EventTime[] } | null;
}

const SCHEDULE = 'schedule';
const DESCRIPTION = 'description';
const OVERRIDE = 'override:';
const CANCELLED = 'cancelled:';

type PlainField = Exclude<keyof EventOccurrence, 'start' | 'end' | 'description' | 'descriptionHtml'>;
const PLAIN_FIELDS: readonly PlainField[] = [
  'summary',
  'locations',
  'categories',
  'busyStatus',
  'sensitivity',
  'importance',
  'reminderMinutesBefore',
  'status',
  'onlineMeetingUrl',
  'organizer',
  'attendees',
];

export function flattenItem(item: CalendarItem): FlatItem {
  const master = item.kind === 'single' ? item.event : item.master;
  const flat: FlatItem = new Map();
  const schedule: Schedule = {
    start: master.start,
    end: master.end,
    recurrence: item.kind === 'series' ? { rule: item.rule, ...(item.rdates?.length ? { rdates: item.rdates } : {}) } : null,
  };
  flat.set(SCHEDULE, schedule);
  // HTML that says no more than the text is presentation (Graph renders every body as HTML): not a difference.
  const html = master.descriptionHtml !== undefined && htmlToText(master.descriptionHtml) !== master.description ? master.descriptionHtml : undefined;
  flat.set(DESCRIPTION, { text: master.description, html });
  for (const field of PLAIN_FIELDS) flat.set(field, master[field]);
  if (item.kind === 'series') {
    for (const [key, occurrence] of Object.entries(item.overrides)) flat.set(OVERRIDE + key, occurrence);
    for (const key of item.cancelled) flat.set(CANCELLED + key, true);
  }
  return flat;
}

export function unflattenItem(uid: string, flat: FlatItem): CalendarItem {
  const schedule = flat.get(SCHEDULE) as Schedule;
  const description = flat.get(DESCRIPTION) as { text: string; html?: string };
  const fields = Object.fromEntries(PLAIN_FIELDS.filter((f) => flat.get(f) !== undefined).map((f) => [f, flat.get(f)]));
  const master = {
    ...fields,
    description: description.text,
    ...(description.html !== undefined ? { descriptionHtml: description.html } : {}),
    start: schedule.start,
    end: schedule.end,
  } as EventOccurrence;
  if (!schedule.recurrence) return { kind: 'single', uid, event: master };
  const overrides: Record<OccurrenceKey, EventOccurrence> = {};
  const cancelled: OccurrenceKey[] = [];
  for (const [key, value] of flat) {
    if (key.startsWith(OVERRIDE) && value !== undefined) overrides[key.slice(OVERRIDE.length)] = value as EventOccurrence;
    if (key.startsWith(CANCELLED) && value === true) cancelled.push(key.slice(CANCELLED.length));
  }
  cancelled.sort();
  return {
    kind: 'series',
    uid,
    master,
    rule: schedule.recurrence.rule,
    ...(schedule.recurrence.rdates ? { rdates: schedule.recurrence.rdates } : {}),
    overrides,
    cancelled,
  };
}
