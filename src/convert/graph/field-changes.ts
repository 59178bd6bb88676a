import type { Attendee, EventFields, EventLocation, EventTime, Person } from '../../model/index.js';
import { canonicalJson, FIELD_NORMALS, normalizeTime, readHtml, type HtmlReader, type Normal } from '../../model/fingerprint.js';

/**
 * Whether two occurrences differ in a field, judged in the fingerprint's normal form (FIELD_NORMALS) but
 * without normalising what is plainly equal: an exception mostly repeats its master's values (the same
 * strings, equal lists), and equal raw values normalise alike. Only values that differ raw are normalised
 * and compared, so the answer is always the normal forms' answer.
 */

export const sameNormal = (a: Normal | undefined, b: Normal | undefined): boolean =>
  canonicalJson(a ?? null) === canonicalJson(b ?? null);

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (!same(a[i]!, b[i]!)) return false;
  return true;
}

const sameGeo = (x: EventLocation['geo'], y: EventLocation['geo']): boolean =>
  x === y || (x !== undefined && y !== undefined && x.latitude === y.latitude && x.longitude === y.longitude);

const sameLocation = (x: EventLocation, y: EventLocation): boolean =>
  x === y || (x.displayName === y.displayName && sameGeo(x.geo, y.geo));

const samePerson = (x: Person, y: Person): boolean => x === y || (x.email === y.email && x.name === y.name);

const sameAttendee = (x: Attendee, y: Attendee): boolean =>
  x === y || (samePerson(x, y) && x.role === y.role && x.status === y.status);

const sameString = (x: string, y: string): boolean => x === y;

type RawSame = (a: EventFields, b: EventFields) => boolean;

/**
 * Sufficient conditions for equal normal forms: each compares exactly the values its field's normaliser
 * reads (the HTML's normal form also reads the description).
 */
const RAW_SAME: { readonly [K in keyof EventFields]-?: RawSame } = {
  summary: (a, b) => a.summary === b.summary,
  description: (a, b) => a.description === b.description,
  descriptionHtml: (a, b) =>
    a.descriptionHtml === b.descriptionHtml && (a.descriptionHtml === undefined || a.description === b.description),
  locations: (a, b) => sameList(a.locations, b.locations, sameLocation),
  categories: (a, b) => sameList(a.categories, b.categories, sameString),
  busyStatus: (a, b) => a.busyStatus === b.busyStatus,
  sensitivity: (a, b) => a.sensitivity === b.sensitivity,
  importance: (a, b) => a.importance === b.importance,
  reminderMinutesBefore: (a, b) => a.reminderMinutesBefore === b.reminderMinutesBefore,
  status: (a, b) => a.status === b.status,
  onlineMeetingUrl: (a, b) => a.onlineMeetingUrl === b.onlineMeetingUrl,
  organizer: (a, b) =>
    a.organizer === b.organizer || (a.organizer !== undefined && b.organizer !== undefined && samePerson(a.organizer, b.organizer)),
  attendees: (a, b) => sameList(a.attendees, b.attendees, sameAttendee),
};

/** Field `k` of `a` and of `b` have the same normal form. */
export function sameField(k: keyof EventFields, a: EventFields, b: EventFields, read: HtmlReader = readHtml): boolean {
  return RAW_SAME[k](a, b) || sameNormal(FIELD_NORMALS[k](a, read), FIELD_NORMALS[k](b, read));
}

function rawSameTime(a: EventTime, b: EventTime): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'date':
      return b.kind === 'date' && a.date === b.date;
    case 'floating':
      return b.kind === 'floating' && a.local === b.local;
    case 'zoned':
      return b.kind === 'zoned' && a.local === b.local && a.tz === b.tz;
  }
}

/** The two times have the same normal form (normalizeTime: the same instant in the same zone). */
export const sameTime = (a: EventTime, b: EventTime): boolean =>
  rawSameTime(a, b) || sameNormal(normalizeTime(a), normalizeTime(b));

/**
 * readHtml memoised for one conversion: the overrides of a series mostly carry their master's HTML, and
 * reading it (htmlToText) costs more than anything else in a diff. Never share one across conversions.
 */
export function htmlReaderMemo(): HtmlReader {
  const seen = new Map<string, string>();
  return (html) => {
    let text = seen.get(html);
    if (text === undefined) {
      text = readHtml(html);
      seen.set(html, text);
    }
    return text;
  };
}
