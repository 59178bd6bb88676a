import { localToEpochMs, type Attendee, type EventFields, type EventLocation, type EventTime, type Person } from '../../model/index.js';
import { canonicalJson, canonicalZone, FIELD_NORMALS, normalizeTime, readHtml, type HtmlReader, type Normal } from '../../model/fingerprint.js';

/**
 * Whether two occurrences differ in a field, judged in the fingerprint's normal form (FIELD_NORMALS) but
 * without normalising what is plainly equal: an exception mostly repeats its master's values (the same
 * strings, equal lists), and equal raw values normalise alike. Only values that differ raw are normalised
 * and compared, so the answer is always the normal forms' answer.
 */

/** canonicalJson equality; two strings (the usual case) are equal JSON exactly when they are equal. */
export const sameNormal = (a: Normal | undefined, b: Normal | undefined): boolean =>
  typeof a === 'string' && typeof b === 'string' ? a === b : canonicalJson(a ?? null) === canonicalJson(b ?? null);

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

/** Every field in `keys` has the same normal form in `a` and in `b` (a loop: no callback per group). */
export function sameFields(keys: readonly (keyof EventFields)[], a: EventFields, b: EventFields, read: HtmlReader): boolean {
  for (let i = 0; i < keys.length; i += 1) if (!sameField(keys[i]!, a, b, read)) return false;
  return true;
}

/** Whole milliseconds in Date's range have equal ISO strings exactly when they are equal. */
const printable = (ms: number): boolean => Number.isInteger(ms) && Math.abs(ms) <= 8.64e15;

/**
 * The two times have the same normal form (normalizeTime): the same date, the same floating wall time,
 * or the same instant (two wall times may name one instant, RFC 5545 §3.3.5's gap) in the same zone.
 */
export function sameTime(a: EventTime, b: EventTime): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'date':
      return b.kind === 'date' && a.date === b.date;
    case 'floating':
      return b.kind === 'floating' && a.local === b.local;
    case 'zoned': {
      if (b.kind !== 'zoned') return false;
      if (a.local === b.local && a.tz === b.tz) return true;
      const x = localToEpochMs(a.local, a.tz);
      const y = localToEpochMs(b.local, b.tz);
      if (!printable(x) || !printable(y)) return sameNormal(normalizeTime(a), normalizeTime(b));
      return x === y && canonicalZone(a.tz) === canonicalZone(b.tz);
    }
  }
}

/** Distinct HTML strings one memo keeps: a series has few, and a longer list would cost more than it saves. */
const MEMO_SIZE = 8;

/**
 * readHtml memoised for one conversion: the overrides of a series mostly carry their master's HTML, and
 * reading it (htmlToText) costs more than anything else in a diff. A short list compared with ===, not a
 * Map: hashing a long body costs about as much as comparing it, and most conversions read one body once.
 * Never share one across conversions.
 */
export function htmlReaderMemo(): HtmlReader {
  const htmls: string[] = [];
  const texts: string[] = [];
  return (html) => {
    const i = htmls.indexOf(html);
    if (i >= 0) return texts[i]!;
    const text = readHtml(html);
    if (htmls.length < MEMO_SIZE) {
      htmls.push(html);
      texts.push(text);
    }
    return text;
  };
}
