import { createHash } from 'node:crypto';
import type { GraphEvent, GraphPatternedRecurrence } from '../graph/types.js';
import { graphFields } from '../convert/graph/fields-from-graph.js';
import { htmlToText } from '../convert/graph/html-text.js';
import { eventZone, graphEventTimes } from '../convert/graph/times.js';
import type { CalendarItem, EventFields, EventOccurrence } from './event.js';
import { localToEpochMs } from './instant.js';
import type { RecurrenceRule } from './recurrence.js';
import { WEEKDAYS, type EventTime } from './time.js';

/**
 * Fingerprints tell real changes from echoes of our own writes and from cosmetic reserialisation:
 * the hash of a normal form in which equivalent spellings coincide (key order, zone aliases, the
 * same instant written in another zone's wall clock, CRLF vs LF, set order, defaults left out).
 * The uid is not part of it: a fingerprint says what an item looks like, not which item it is.
 */

export type Normal = string | number | boolean | null | readonly Normal[] | { readonly [k: string]: Normal };

/** JSON with object keys sorted at every level. */
export function canonicalJson(v: Normal): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as { readonly [k: string]: Normal };
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k]!)}`)
    .join(',')}}`;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

const BLANK = /\s/;

/**
 * A CR, or a blank (any trim()-able character but LF) ending a line: only then is there per-line work.
 * Scanned from LF to LF (indexOf is far quicker than a regex over every character).
 */
function needsLineWork(s: string): boolean {
  if (s.includes('\r')) return true;
  for (let nl = s.indexOf('\n', 1); nl > 0; nl = s.indexOf('\n', nl + 1)) {
    const c = s.charCodeAt(nl - 1);
    if (c !== 10 && (c <= 32 || c >= 0x7f) && BLANK.test(s[nl - 1]!)) return true;
  }
  return false;
}

/** Text as a reader sees it: LF newlines, no trailing blanks on lines, trimmed. */
export function normalizeText(s: string): string {
  // Without line work the last line's trailing blanks are the whole text's, which trim() removes anyway.
  if (!needsLineWork(s)) return s.trim();
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();
}

const zoneCache = new Map<string, string>();

/** One spelling per zone: ICU's canonical id (aliases such as Asia/Kolkata ⇄ Asia/Calcutta meet). */
export function canonicalZone(tz: string): string {
  if (tz === 'UTC' || tz === 'Etc/UTC' || tz === 'Etc/GMT' || tz === 'GMT') return 'UTC';
  let c = zoneCache.get(tz);
  if (c === undefined) {
    try {
      c = new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
    } catch {
      c = tz;
    }
    zoneCache.set(tz, c);
  }
  return c;
}

export function normalizeTime(t: EventTime): Normal {
  switch (t.kind) {
    case 'date':
      return { date: t.date };
    case 'floating':
      return { floating: t.local };
    case 'zoned':
      return { at: new Date(localToEpochMs(t.local, t.tz)).toISOString(), tz: canonicalZone(t.tz) };
  }
}

/** Drops keys whose value is undefined, an empty string/array, or the given default. */
function dropDefaults(o: Record<string, Normal | undefined>, defaults: Record<string, Normal> = {}): Normal {
  const out: Record<string, Normal> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || v === defaults[k]) continue;
    out[k] = v;
  }
  return out;
}

const sortedBy = <T>(xs: readonly T[], key: (x: T) => string): T[] =>
  [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** How an HTML description reads as text; callers comparing many occurrences may pass a memo of it. */
export type HtmlReader = (html: string) => string;
export const readHtml: HtmlReader = (html) => normalizeText(htmlToText(html));

const person = (p: { email: string; name?: string }): Record<string, Normal | undefined> => ({
  email: p.email.trim().toLowerCase(),
  // The iCalendar side writes line breaks in a name as LF (write-mapping.ts).
  name: p.name === undefined ? undefined : normalizeText(p.name),
});

type FieldNormalizer = (f: EventFields, read: HtmlReader) => Normal | undefined;

/** The normal form of each EventFields property (defaults → undefined), one function per property. */
export const FIELD_NORMALS: { readonly [K in keyof EventFields]-?: FieldNormalizer } = {
  summary: (f) => normalizeText(f.summary),
  description: (f) => normalizeText(f.description),
  // HTML is a rendering of the description; it counts only when it says something else.
  descriptionHtml: (f, read) => {
    const html = f.descriptionHtml;
    return html !== undefined && read(html) !== normalizeText(f.description) ? html : undefined;
  },
  locations: (f) =>
    f.locations.map((l) =>
      dropDefaults({
        name: normalizeText(l.displayName),
        geo: l.geo ? [Number(l.geo.latitude.toFixed(6)), Number(l.geo.longitude.toFixed(6))] : undefined,
      }),
    ),
  categories: (f) => [...new Set(f.categories.map(normalizeText).filter((c) => c !== ''))].sort(),
  busyStatus: (f) => (f.busyStatus === 'busy' ? undefined : f.busyStatus),
  sensitivity: (f) => (f.sensitivity === 'normal' ? undefined : f.sensitivity),
  importance: (f) => (f.importance === 'normal' ? undefined : f.importance),
  reminderMinutesBefore: (f) => f.reminderMinutesBefore,
  status: (f) => (f.status === 'confirmed' ? undefined : f.status),
  onlineMeetingUrl: (f) => f.onlineMeetingUrl?.trim(),
  organizer: (f) => (f.organizer ? dropDefaults(person(f.organizer)) : undefined),
  attendees: (f) =>
    sortedBy(f.attendees, (a) => a.email.trim().toLowerCase()).map((a) =>
      dropDefaults({ ...person(a), role: a.role, status: a.status }, { role: 'required', status: 'needs-action' }),
    ),
};

const FIELD_KEYS = Object.keys(FIELD_NORMALS) as (keyof EventFields)[];

/** Normal form of each EventFields property, keyed by the property name (defaults → undefined). */
export function normalizeFields(f: EventFields): Record<string, Normal | undefined> {
  const out: Record<string, Normal | undefined> = {};
  for (const k of FIELD_KEYS) out[k] = FIELD_NORMALS[k](f, readHtml);
  return out;
}

export function normalizeOccurrence(o: EventOccurrence): Normal {
  return dropDefaults({ ...normalizeFields(o), start: normalizeTime(o.start), end: normalizeTime(o.end) });
}

const dayOrder = (d: string): number => WEEKDAYS.indexOf(d as (typeof WEEKDAYS)[number]);

export function normalizeRule(r: RecurrenceRule): Normal {
  const nums = (xs?: readonly number[]): Normal | undefined => (xs ? [...xs].sort((a, b) => a - b) : undefined);
  return dropDefaults(
    {
      freq: r.freq,
      interval: r.interval,
      count: r.count,
      until: r.until ? normalizeTime(r.until) : undefined,
      byDay: r.byDay
        ? [...r.byDay]
            .sort((a, b) => (a.nth ?? 0) - (b.nth ?? 0) || dayOrder(a.day) - dayOrder(b.day))
            .map((d) => (d.nth ? `${d.nth}${d.day}` : d.day))
        : undefined,
      byMonthDay: nums(r.byMonthDay),
      byMonth: nums(r.byMonth),
      bySetPos: nums(r.bySetPos),
      byYearDay: nums(r.byYearDay),
      byWeekNo: nums(r.byWeekNo),
      byHour: nums(r.byHour),
      byMinute: nums(r.byMinute),
      bySecond: nums(r.bySecond),
      wkst: r.wkst,
    },
    { interval: 1, wkst: 'MO' },
  );
}

export function normalizeItem(item: CalendarItem): Normal {
  if (item.kind === 'single') return { kind: 'single', event: normalizeOccurrence(item.event) };
  const overrides: Record<string, Normal> = {};
  for (const [key, o] of Object.entries(item.overrides)) overrides[key] = normalizeOccurrence(o);
  return dropDefaults({
    kind: 'series',
    master: normalizeOccurrence(item.master),
    rule: normalizeRule(item.rule),
    rdates: sortedBy((item.rdates ?? []).map((t) => canonicalJson(normalizeTime(t))), (s) => s),
    overrides: Object.keys(overrides).length > 0 ? overrides : undefined,
    cancelled: [...new Set(item.cancelled)].sort(),
  });
}

/** sha256 (hex) of the item's normal form. */
export function itemFingerprint(item: CalendarItem): string {
  return sha256(canonicalJson(normalizeItem(item)));
}

/** Pattern properties Graph validates per type; the rest come back as filler defaults (graph-api.md §4). */
const PATTERN_KEYS: Readonly<Record<string, readonly string[]>> = {
  daily: [],
  weekly: ['daysOfWeek', 'firstDayOfWeek'],
  absoluteMonthly: ['dayOfMonth'],
  relativeMonthly: ['daysOfWeek', 'index'],
  absoluteYearly: ['dayOfMonth', 'month'],
  relativeYearly: ['daysOfWeek', 'index', 'month'],
};

function normalizeGraphRecurrence(r: GraphPatternedRecurrence): Normal {
  const p = r.pattern;
  const pattern: Record<string, Normal | undefined> = { type: p.type, interval: p.interval };
  for (const k of PATTERN_KEYS[p.type] ?? []) {
    const v = p[k as keyof typeof p];
    pattern[k] = Array.isArray(v) ? v.map((d) => d.toLowerCase()).sort() : typeof v === 'string' ? v.toLowerCase() : v;
  }
  const range = r.range;
  return {
    pattern: dropDefaults(pattern, { firstDayOfWeek: 'sunday', index: 'first' }),
    range: dropDefaults({
      type: range.type,
      startDate: range.startDate,
      endDate: range.type === 'endDate' ? range.endDate : undefined,
      numberOfOccurrences: range.type === 'numbered' ? range.numberOfOccurrences : undefined,
      zone: range.recurrenceTimeZone ? canonicalZone(eventZone(range.recurrenceTimeZone) ?? 'UTC') : undefined,
    }),
  };
}

/**
 * sha256 (hex) over the Graph properties calbridge maps, in normal form. Server bookkeeping (ids,
 * etag/changeKey, lastModifiedDateTime, bodyPreview, responseStatus) is left out, and times count as
 * instants in the event's own zone, so the echo of our own write (in UTC or a Prefer zone) matches.
 */
export function graphEventFingerprint(e: GraphEvent): string {
  const zone = e.recurrence?.range.recurrenceTimeZone ? eventZone(e.recurrence.range.recurrenceTimeZone) : undefined;
  const { start, end } = graphEventTimes(e, zone);
  const occ: EventOccurrence = { ...graphFields(e), start, end };
  return sha256(
    canonicalJson(
      dropDefaults({
        type: e.type ?? 'singleInstance',
        event: normalizeOccurrence(occ),
        recurrence: e.recurrence ? normalizeGraphRecurrence(e.recurrence) : undefined,
        originalStart: e.originalStart ? new Date(e.originalStart).toISOString() : undefined,
      }),
    ),
  );
}
