import ICAL from 'ical.js';
import { BoundedCache } from './bounded-cache.js';
import type { OffsetTransition } from '../../model/zone-offsets.js';

/**
 * Offsets of a zone known only by its VTIMEZONE (RFC 5545 §3.6.5), through ical.js's own expansion of the
 * STANDARD/DAYLIGHT sub-components. We read ical.js's expanded change list rather than Timezone#utcOffset:
 * utcOffset takes a *wall-clock* time, and ICAL.Timezone.convert_time feeds it UTC wall time, which is wrong for
 * up to |offset| hours after each transition. The change list holds UTC instants (see _expandComponent).
 */

export class VtimezoneParseError extends Error {
  constructor(
    readonly detail: string,
    readonly tzid?: string,
  ) {
    super(`invalid VTIMEZONE${tzid ? ` "${tzid}"` : ''}: ${detail}`);
    this.name = 'VtimezoneParseError';
  }
}

export interface ParsedVtimezone {
  readonly tzid: string;
  readonly zone: InstanceType<typeof ICAL.Timezone>;
}

interface IcalChange {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  utcOffset: number;
  prevUtcOffset: number;
}

const cache = new BoundedCache<ParsedVtimezone>(256);
const transitionCache = new BoundedCache<readonly OffsetTransition[]>(256);

function findVtimezone(root: InstanceType<typeof ICAL.Component>): InstanceType<typeof ICAL.Component> | null {
  return root.name === 'vtimezone' ? root : root.getFirstSubcomponent('vtimezone');
}

/** Parse VTIMEZONE text, bare or inside a VCALENDAR (first VTIMEZONE wins). */
export function parseVtimezone(text: string): ParsedVtimezone {
  const hit = cache.get(text);
  if (hit) return hit;
  let root: InstanceType<typeof ICAL.Component>;
  try {
    const jcal: unknown = ICAL.parse(text);
    // ical.js returns an array of components when the text holds several top-level ones.
    const first = Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal[0] : jcal;
    root = new ICAL.Component(first as unknown[]);
  } catch (e) {
    throw new VtimezoneParseError(e instanceof Error ? e.message : String(e));
  }
  const vtz = findVtimezone(root);
  if (!vtz) throw new VtimezoneParseError('no VTIMEZONE component');
  const tzid = vtz.getFirstPropertyValue('tzid');
  if (typeof tzid !== 'string' || tzid === '') throw new VtimezoneParseError('no TZID');
  const observances = vtz.getAllSubcomponents().filter((c) => c.name === 'standard' || c.name === 'daylight');
  if (observances.length === 0) throw new VtimezoneParseError('no STANDARD or DAYLIGHT sub-component', tzid);
  for (const o of observances) {
    for (const prop of ['dtstart', 'tzoffsetfrom', 'tzoffsetto']) {
      if (!o.hasProperty(prop)) throw new VtimezoneParseError(`${o.name.toUpperCase()} lacks ${prop.toUpperCase()}`, tzid);
    }
  }
  fastForwardOldRules(vtz, observances);
  const parsed = { tzid, zone: new ICAL.Timezone({ component: vtz, tzid }) };
  return cache.set(text, parsed);
}

/**
 * Custom-zone offsets are exact from this year on. Outlook starts every rule in 1601, and ical.js expands yearly
 * rules at about half a millisecond per onset, so an Outlook zone would cost ~0.4 s to read. Plain yearly rules
 * that start earlier are restarted two years before (same month, day and time): a DTSTART that is no onset of
 * its own rule (Outlook writes 16010101 for an October rule) can delay that rule's first onset by up to a year.
 * Rules that ended before the restart are dropped.
 */
export const EXACT_FROM_YEAR = 1970;
const RESTART_YEAR = EXACT_FROM_YEAR - 2;

function fastForwardOldRules(
  vtz: InstanceType<typeof ICAL.Component>,
  observances: InstanceType<typeof ICAL.Component>[],
): void {
  let kept = observances.length;
  for (const o of observances) {
    const rule: unknown = o.getFirstPropertyValue('rrule');
    const dtstart = o.getFirstProperty('dtstart')!;
    const start: unknown = dtstart.getFirstValue();
    if (!(rule instanceof ICAL.Recur) || !(start instanceof ICAL.Time)) continue;
    const plainYearly = rule.freq === 'YEARLY' && !rule.count && (rule.interval ?? 1) === 1 && !o.hasProperty('rdate');
    if (!plainYearly || start.year >= RESTART_YEAR) continue;
    if (rule.until && rule.until.year < RESTART_YEAR && kept > 1) {
      vtz.removeSubcomponent(o);
      kept -= 1;
      continue;
    }
    const leap = start.month === 2 && start.day === 29;
    const moved = new ICAL.Time({ ...timeFields(start), year: RESTART_YEAR, day: leap ? 28 : start.day }, start.zone);
    dtstart.setValue(moved);
  }
}

function timeFields(t: InstanceType<typeof ICAL.Time>) {
  return { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second, isDate: false };
}

/**
 * Every onset the VTIMEZONE defines up to the end of `untilYear` (UTC), sorted, one per instant. Onsets that keep
 * the offset (TZOFFSETFROM = TZOFFSETTO, e.g. a zone's first observance) are included.
 */
export function vtimezoneTransitions(text: string, untilYear: number): readonly OffsetTransition[] {
  const key = `${untilYear}\u0000${text}`;
  const hit = transitionCache.get(key);
  if (hit) return hit;
  const { zone } = parseVtimezone(text);
  zone._ensureCoverage(untilYear);
  const byInstant = new Map<number, OffsetTransition>();
  for (const c of zone.changes as IcalChange[]) {
    const atMs = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
    byInstant.set(atMs, { atMs, fromMinutes: c.prevUtcOffset / 60, toMinutes: c.utcOffset / 60 });
  }
  const transitions = [...byInstant.values()].sort((a, b) => a.atMs - b.atMs);
  return transitionCache.set(key, transitions);
}

/**
 * Offset in force at `epochMs` given a zone's sorted onsets. Before the first onset RFC 5545 defines nothing;
 * we take that onset's TZOFFSETFROM, the offset the zone had before it.
 */
export function offsetAt(transitions: readonly OffsetTransition[], epochMs: number): number {
  let lo = 0;
  let hi = transitions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (transitions[mid]!.atMs <= epochMs) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return transitions[0]?.fromMinutes ?? 0;
  return transitions[lo - 1]!.toMinutes;
}

/** UTC offset (minutes east) at instant `epochMs` of the zone a VTIMEZONE describes. */
export function customZoneOffsetMinutes(vtimezoneText: string, epochMs: number): number {
  const year = new Date(epochMs).getUTCFullYear();
  return offsetAt(vtimezoneTransitions(vtimezoneText, year + 1), epochMs);
}
