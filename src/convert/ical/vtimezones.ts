import ICAL from 'ical.js';
import { UnknownTimeZoneError } from '../../model/index.js';
import { vtimezoneFor } from './deps.js';

/** The time properties whose TZIDs need a VTIMEZONE, in the order their zones are first looked for. */
export const TIME_PROPS = ['dtstart', 'dtend', 'recurrence-id', 'exdate', 'rdate'] as const;

/** The finite years seen, as a range (empty: min Infinity, max -Infinity). */
interface YearRange {
  min: number;
  max: number;
}

const emptyRange = (): YearRange => ({ min: Infinity, max: -Infinity });

function addYear(range: YearRange, year: number): void {
  if (!Number.isFinite(year)) return;
  if (year < range.min) range.min = year;
  if (year > range.max) range.max = year;
}

/** What decides the years a calendar's VTIMEZONEs must cover. */
export interface ZoneUses {
  /** Per TZID (in first-use order), the years of its values. */
  readonly years: Map<string, YearRange>;
  /** Years of the RRULE UNTILs. */
  readonly ruleEnds: YearRange;
  /** Some RRULE has neither UNTIL nor COUNT. */
  unbounded: boolean;
}

export const noZoneUses = (): ZoneUses => ({ years: new Map(), ruleEnds: emptyRange(), unbounded: false });

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** The year of a jCal time value ('YYYY…'): Number(String(v).slice(0, 4)), read without the slice when it is four digits. */
export function yearOf(v: unknown): number {
  if (typeof v === 'string' && v.length >= 4) {
    const a = v.charCodeAt(0);
    const b = v.charCodeAt(1);
    const c = v.charCodeAt(2);
    const d = v.charCodeAt(3);
    if (isDigit(a) && isDigit(b) && isDigit(c) && isDigit(d)) return (a - 48) * 1000 + (b - 48) * 100 + (c - 48) * 10 + (d - 48);
  }
  return Number(String(v).slice(0, 4));
}

/** The year range of a TZID, made on its first use (which orders the VTIMEZONEs). */
function zoneYears(uses: ZoneUses, tzid: string): YearRange {
  let range = uses.years.get(tzid);
  if (!range) uses.years.set(tzid, (range = emptyRange()));
  return range;
}

/** Records the TZID and the year of one value of a time property. */
export const addZoneUse = (uses: ZoneUses, tzid: string, value: unknown): void => addYear(zoneYears(uses, tzid), yearOf(value));

export const addRuleEnd = (uses: ZoneUses, year: number): void => addYear(uses.ruleEnds, year);

/**
 * VTIMEZONE text per TZID, first and last year, as ical.js writes it (CRLF inside, none at the end).
 * Nested maps: looked up for every TZID of every object, without a key string made for it.
 */
const texts = new Map<string, Map<number, Map<number, string | null>>>();
let textCount = 0;
/** TZIDs may come from input we read (a patched object's): the memo is emptied at this many texts. */
const TEXT_LIMIT = 1024;

function vtimezoneText(tzid: string, from: number, to: number): string | null {
  const cached = texts.get(tzid)?.get(from)?.get(to);
  if (cached !== undefined) return cached;
  const text = generateText(tzid, from, to);
  if (textCount >= TEXT_LIMIT) {
    texts.clear();
    textCount = 0;
  }
  let byFrom = texts.get(tzid);
  if (byFrom === undefined) texts.set(tzid, (byFrom = new Map()));
  let byTo = byFrom.get(from);
  if (byTo === undefined) byFrom.set(from, (byTo = new Map()));
  byTo.set(to, text);
  textCount++;
  return text;
}

function generateText(tzid: string, from: number, to: number): string | null {
  try {
    const vtimezone = new ICAL.Component(ICAL.parse(vtimezoneFor(tzid, from, to)));
    // The generator spells the zone canonically; the VTIMEZONE must carry the TZID the values use.
    vtimezone.updatePropertyWithValue('tzid', tzid);
    return vtimezone.toString();
  } catch (e) {
    // A TZID we did not write (a Windows or /mozilla.org/ name another client left without its
    // VTIMEZONE) was readable by name; generating one for it is not ours to do.
    if (!(e instanceof UnknownTimeZoneError)) throw e;
    return null;
  }
}

/**
 * VTIMEZONE texts, generated from real tz data, for every TZID in `uses` (RFC 5545 §3.6.5 needs one
 * per TZID). Each covers the years its values span, up to the RRULEs' UNTIL.
 */
export function vtimezoneTexts(uses: ZoneUses): string[] {
  const out: string[] = [];
  for (const [tzid, years] of uses.years) {
    const from = Math.min(years.min, uses.ruleEnds.min);
    // An endless series gets the generator's default horizon (ten years), not just its first year.
    const to = Math.max(years.max, uses.ruleEnds.max, uses.unbounded ? from + 10 : from);
    const text = vtimezoneText(tzid, from, to);
    if (text !== null) out.push(text);
  }
  return out;
}

/** Adds the VTIMEZONEs the VEVENTs of a parsed calendar need and it does not define yet. */
export function addMissingVtimezones(calendar: ICAL.Component): void {
  const defined = new Set(calendar.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid'))));
  const uses = noZoneUses();
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    for (const prop of TIME_PROPS.flatMap((name) => vevent.getAllProperties(name))) {
      const tzid = prop.getFirstParameter('tzid');
      if (!tzid || defined.has(tzid)) continue;
      const range = zoneYears(uses, tzid);
      for (const v of (prop.toJSON() as unknown[]).slice(3)) addYear(range, yearOf(Array.isArray(v) ? v[0] : v));
    }
    const rule = vevent.getFirstPropertyValue('rrule') as ICAL.Recur | null;
    if (rule?.until) addRuleEnd(uses, rule.until.year);
    else if (rule && !rule.count) uses.unbounded = true;
  }
  for (const text of vtimezoneTexts(uses)) calendar.addSubcomponent(new ICAL.Component(ICAL.parse(text)));
}
