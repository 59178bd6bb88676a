import ICAL from 'ical.js';
import { isDeepStrictEqual } from 'node:util';
import type { CalendarItem, EventOccurrence, EventTime, OccurrenceKey, RecurrenceRule } from '../../model/index.js';
import { formatRrule } from './deps.js';
import { IcalParseError } from './errors.js';
import { exdateProperties, newVevent, setStamp, writeTimes } from './format.js';
import { parseCalendar, readCalendarObject } from './parse.js';
import { veventContext } from './context.js';
import { keyInMasterForm, readTimeValues, timeForKey, timeReader } from './read-time.js';
import { addMissingVtimezones } from './vtimezones.js';
import { markScheduleAgentClient, writeFields } from './write-fields.js';
import { timeProperties } from './write-time.js';

/**
 * Lossless update: applies what changed from `base` to `next` to the `existing` object text and
 * leaves everything else (unmapped properties and parameters, extra VALARMs, ATTACH, unknown
 * components, fields the other side changed meanwhile) as it is. Without a base, the existing
 * object is the base.
 */
export function patchIcs(existing: string, base: CalendarItem | undefined, next: CalendarItem): string {
  const root = parseCalendar(existing);
  const current = readCalendarObject(root, existing);
  if (current.item.uid !== next.uid) throw new IcalParseError(`cannot patch UID ${current.item.uid} into UID ${next.uid}`, { property: 'uid' });
  if (current.detachedOccurrences || !current.masterComponent) {
    throw new IcalParseError('cannot patch an object holding only RECURRENCE-ID occurrences', { uid: next.uid });
  }
  const prev = base ?? current.item;
  const masterV = current.masterComponent;
  const existingExdates = { read: exdateReader(root, masterV, next.uid), masterStart: masterOf(current.item).start };

  const masterChanged = patchOccurrence(masterV, masterOf(prev), masterOf(next));
  const seriesChanged = patchSeries(masterV, prev, next, existingExdates);
  if (seriesChanged && !masterChanged.times) bumpSequence(masterV);
  if (masterChanged.any || seriesChanged) setStamp(masterV);

  patchOverrides(root, current.overrideComponents, overridesOf(current.item), prev, next);
  for (const v of root.getAllSubcomponents('vevent')) markScheduleAgentClient(v);
  addMissingVtimezones(root);
  return `${root.toString()}\r\n`;
}

const masterOf = (item: CalendarItem): EventOccurrence => (item.kind === 'single' ? item.event : item.master);
const ruleOf = (item: CalendarItem): RecurrenceRule | undefined => (item.kind === 'series' ? item.rule : undefined);
const rdatesOf = (item: CalendarItem): readonly EventTime[] => (item.kind === 'series' ? (item.rdates ?? []) : []);
const cancelledOf = (item: CalendarItem): readonly OccurrenceKey[] => (item.kind === 'series' ? item.cancelled : []);
const overridesOf = (item: CalendarItem): Readonly<Record<OccurrenceKey, EventOccurrence>> => (item.kind === 'series' ? item.overrides : {});

/** RFC 5546 §2.1.4: a change of DTSTART, DTEND, DURATION, RRULE, RDATE or EXDATE bumps SEQUENCE. */
function bumpSequence(v: ICAL.Component): void {
  const seq = Number(v.getFirstPropertyValue('sequence') ?? 0);
  v.updatePropertyWithValue('sequence', Number.isFinite(seq) ? seq + 1 : 1);
}

function patchOccurrence(v: ICAL.Component, prev: EventOccurrence, next: EventOccurrence): { times: boolean; any: boolean } {
  const times = !isDeepStrictEqual(prev.start, next.start) || !isDeepStrictEqual(prev.end, next.end);
  if (times) {
    writeTimes(v, next);
    bumpSequence(v);
  }
  const fields = writeFields(v, next, prev);
  return { times, any: times || fields };
}

/** RRULE, RDATE and EXDATE of the master; true when any of them changed. */
function patchSeries(
  v: ICAL.Component,
  prev: CalendarItem,
  next: CalendarItem,
  existing: { read: ExdateReader; masterStart: EventTime },
): boolean {
  let changed = false;
  const nextRule = ruleOf(next);
  if (!isDeepStrictEqual(ruleOf(prev), nextRule)) {
    v.removeAllProperties('rrule');
    if (nextRule) v.addProperty(ICAL.Property.fromString(`RRULE:${formatRrule(nextRule)}`));
    changed = true;
  }
  if (!isDeepStrictEqual(rdatesOf(prev), rdatesOf(next))) {
    v.removeAllProperties('rdate');
    timeProperties('rdate', rdatesOf(next)).forEach((p) => v.addProperty(p));
    changed = true;
  }
  const before = new Set(cancelledOf(prev));
  const after = new Set(cancelledOf(next));
  const removed = new Set([...before].filter((k) => !after.has(k)));
  const added = [...after].filter((k) => !before.has(k));
  if (next.kind === 'single') {
    changed ||= v.hasProperty('exdate');
    v.removeAllProperties('exdate');
    return changed;
  }
  if (removed.size > 0) removeExdates(v, removed, existing.read, existing.masterStart);
  exdateProperties(added, next.master.start).forEach((p) => v.addProperty(p));
  return changed || removed.size > 0 || added.length > 0;
}

/** Reads EXDATE values exactly as the parser does (TZIDs resolved through the object's VTIMEZONEs). */
type ExdateReader = (prop: ICAL.Property) => EventTime[];

function exdateReader(root: ICAL.Component, master: ICAL.Component, uid: string): ExdateReader {
  const ctx = veventContext(master, uid, undefined, []);
  const times = timeReader(root, undefined);
  return (prop) => readTimeValues(prop, ctx, times);
}

/** Drops the EXDATE values naming `keys`, whatever form (and TZID) they are written in. */
function removeExdates(v: ICAL.Component, keys: ReadonlySet<OccurrenceKey>, read: ExdateReader, masterStart: EventTime): void {
  for (const prop of v.getAllProperties('exdate')) {
    const values = prop.getValues();
    const kept = read(prop).flatMap((t, i) => (keys.has(keyInMasterForm(t, masterStart)) ? [] : [values[i]]));
    if (kept.length === 0) v.removeProperty(prop);
    else if (kept.length < values.length) prop.setValues(kept);
  }
}

function patchOverrides(
  root: ICAL.Component,
  components: ReadonlyMap<OccurrenceKey, ICAL.Component>,
  currentOverrides: Readonly<Record<OccurrenceKey, EventOccurrence>>,
  prev: CalendarItem,
  next: CalendarItem,
): void {
  const prevOverrides = overridesOf(prev);
  const nextOverrides = overridesOf(next);
  for (const [key, v] of components) {
    // An override the base never saw was added on this side meanwhile: not ours to remove.
    if (!(key in nextOverrides) && (next.kind === 'single' || key in prevOverrides)) root.removeSubcomponent(v);
  }
  if (next.kind === 'single') return;
  for (const [key, occ] of Object.entries(nextOverrides)) {
    const v = components.get(key);
    if (!v) {
      root.addSubcomponent(newVevent(next.uid, occ, timeForKey(key, next.master.start)));
      continue;
    }
    // Without a base copy of this override, what the object says now is the base.
    const before = prevOverrides[key] ?? currentOverrides[key]!;
    if (patchOccurrence(v, before, occ).any) setStamp(v);
  }
}
