import ICAL from 'ical.js';
import type { CalendarItem, CalendarSeries, EventOccurrence, EventTime, OccurrenceKey, RecurrenceRule } from '../../model/index.js';
import { eventTimeToEpochMs } from '../../model/index.js';
import { PropertyLines, VeventComponents, VeventReader, type VeventContext } from './context.js';
import { parseRrule, ruleFromJcalRecur } from './deps.js';
import { addDuration, parseDuration } from './duration.js';
import { IcalParseError } from './errors.js';
import { lexCalendar, type JcalComponent, type JcalProperty } from './lex.js';
import type { SkippedZone } from './lex-zones.js';
import { lineContaining } from './lines.js';
import { readOccurrence } from './read-fields.js';
import type { HtmlVerdicts } from './read-html.js';
import { paramOf, plainRecur, plainRecurText, propValue } from './read-jcal.js';
import { VeventProps } from './vevent-props.js';
import { keyInMasterForm, readTimeProperty, readTimeValues, timeReader, type TimeReader } from './read-time.js';

export interface IcsParseOptions {
  /** Read floating DATE-TIMEs as wall times in this IANA zone (else they stay floating). */
  readonly floatingTz?: string;
}

export interface IcsParseResult {
  readonly item: CalendarItem;
  readonly warnings: string[];
  /**
   * Set when the object holds only RECURRENCE-ID components and no master (someone was invited to
   * single occurrences, RFC 4791 §4.1 allows it): `item` is then the earliest of them as a single
   * event, and all of them are here by key. Such an object cannot be rewritten as a series.
   */
  readonly detachedOccurrences?: Readonly<Record<OccurrenceKey, EventOccurrence>>;
}

/**
 * Parses iCalendar text into its VCALENDAR, turning ical.js parser errors into IcalParseError.
 * Given `skipped`, simple VTIMEZONEs are kept there as text rather than in the tree (lex-zones.ts):
 * for reading only, never for an object that is patched and written back.
 */
export function parseCalendar(text: string, skipped?: SkippedZone[]): ICAL.Component {
  let jcal: unknown;
  // A UTF-8 byte order mark (Windows exports) makes ical.js fail with a TypeError.
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    jcal = lexCalendar(clean, skipped) ?? ICAL.parse(clean);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const quoted = /"([^"]*)"\s*$/.exec(message)?.[1];
    throw new IcalParseError(message, { line: quoted ? lineContaining(text, quoted) : undefined });
  }
  if (!Array.isArray(jcal) || jcal.length === 0) throw new IcalParseError('no iCalendar data');
  if (Array.isArray(jcal[0])) throw new IcalParseError(`expected one VCALENDAR, found ${jcal.length}`);
  const root = new ICAL.Component(jcal);
  if (root.name !== 'vcalendar') throw new IcalParseError(`expected VCALENDAR, found ${root.name.toUpperCase()}`);
  return root;
}

function occurrence(ctx: VeventContext, times: TimeReader, htmlVerdicts: HtmlVerdicts): EventOccurrence {
  const index = ctx.index;
  const start = readTimeProperty(index.dtstart, ctx, times);
  if (!start) ctx.fail('VEVENT without DTSTART');
  let end = readTimeProperty(index.dtend, ctx, times);
  if (end && start.kind === 'date' && end.kind === 'date' && end.date <= start.date) {
    // Some clients write DTEND = DTSTART for a one-day event; the end is exclusive (RFC 5545 §3.6.1).
    ctx.warn(`all-day DTEND ${end.date} not after DTSTART; read as one day`);
    end = undefined;
  }
  if (!end) {
    const durationProp = index.duration;
    const raw = durationProp ? durationProp[3] : undefined;
    const duration = typeof raw === 'string' ? parseDuration(raw) : undefined;
    if (durationProp && (!duration || duration.negative)) ctx.fail(`invalid DURATION "${String(raw)}"`, durationProp);
    // RFC 5545 §3.6.1: without DTEND or DURATION a date lasts one day, a date-time no time at all.
    end = addDuration(start, duration ?? { negative: false, days: start.kind === 'date' ? 1 : 0, seconds: 0 });
  }
  if (eventTimeToEpochMs(end) < eventTimeToEpochMs(start)) ctx.fail('DTEND before DTSTART', index.dtend);
  const span = allDayByFlag(ctx, start, end);
  return readOccurrence(ctx, htmlVerdicts, span.start, span.end);
}

const atMidnight = (t: EventTime): t is EventTime & { local: string } => t.kind !== 'date' && t.local.endsWith('T00:00:00');

/**
 * Outlook exports all-day events as midnight-to-midnight DATE-TIMEs flagged with
 * X-MICROSOFT-CDO-ALLDAYEVENT:TRUE; read as times they would shift by hours in other zones.
 */
function allDayByFlag(ctx: VeventContext, start: EventTime, end: EventTime): { start: EventTime; end: EventTime } {
  const flag = String(propValue(ctx.index.allDayFlag, ctx) ?? '').trim().toUpperCase();
  if (flag !== 'TRUE' || !atMidnight(start) || !atMidnight(end)) return { start, end };
  return { start: { kind: 'date', date: start.local.slice(0, 10) }, end: { kind: 'date', date: end.local.slice(0, 10) } };
}

function uidOf(components: VeventComponents, props: VeventProps, index: number): string {
  const uid = propValue(props.uid, { component: () => components.at(index) });
  if (typeof uid !== 'string' || uid.trim() === '') throw new IcalParseError(`VEVENT #${index + 1} has no UID`, { property: 'uid' });
  return uid;
}

function recurrenceIdOf(ctx: VeventContext, times: TimeReader): EventTime | undefined {
  const prop = ctx.index.recurrenceId;
  if (!prop) return undefined;
  if (String(paramOf(prop, 'range') ?? '').toUpperCase() === 'THISANDFUTURE') {
    // Splitting a series at an occurrence is not representable in the model (nor in Graph).
    ctx.fail('RECURRENCE-ID;RANGE=THISANDFUTURE is not supported', prop);
  }
  return readTimeValues(prop, ctx, times)[0];
}

/** What makes a master a series; `rdates` may be empty (the model then has none). */
interface SeriesParts {
  readonly rule: RecurrenceRule;
  readonly rdates: EventTime[];
  readonly cancelled: OccurrenceKey[];
}

/**
 * RRULE value for parseRrule: rule parts are case-insensitive (RFC 5545 §3.3.10), X- parts unmapped.
 * The text is ical.js's writing of the first RRULE (its jCal holds the rule decoded).
 */
function ruleText(ctx: VeventContext, rrule: JcalProperty): string {
  // Without parameters, ical.js writes the property as "RRULE:" and the value as its recur type writes it.
  const written = plainRecurText(rrule) ?? ctx.component().getFirstProperty('rrule')!.toICALString().replace(/^RRULE[^:]*:/i, '');
  const upper = written.toUpperCase();
  // No X- part (the usual case): nothing to warn about or drop.
  if (!upper.includes('X-')) return upper;
  const parts = upper.split(';');
  const extensions = parts.filter((p) => p.startsWith('X-'));
  if (extensions.length > 0) ctx.warn(`RRULE extension parts ignored: ${extensions.join(';')}`);
  return parts.filter((p) => !p.startsWith('X-')).join(';');
}

/** The RRULE as parseRrule reads it: straight from its decoded value when that is plain, else from its text. */
function ruleOf(ctx: VeventContext, rrule: JcalProperty, startKind: EventTime['kind']): RecurrenceRule {
  const recur = plainRecur(rrule);
  return (recur && ruleFromJcalRecur(recur, startKind)) ?? parseRrule(ruleText(ctx, rrule), startKind);
}

/**
 * The model wants UNTIL in UTC for a zoned series and as a date for an all-day one (RFC 5545
 * §3.3.10); clients also write a DATE (meaning: through that day) or a floating time (meaning: in
 * the DTSTART's zone).
 */
function untilInMasterForm(rule: RecurrenceRule, start: EventTime): RecurrenceRule {
  const until = rule.until;
  if (!until) return rule;
  const wall = until.kind === 'date' ? `${until.date}T23:59:59` : until.local;
  switch (start.kind) {
    case 'date':
      return { ...rule, until: { kind: 'date', date: wall.slice(0, 10) } };
    case 'floating':
      return { ...rule, until: { kind: 'floating', local: wall } };
    case 'zoned':
      return { ...rule, until: utc(until.kind === 'zoned' ? until : { kind: 'zoned', local: wall, tz: start.tz }) };
  }
}

const utc = (t: EventTime): EventTime => ({ kind: 'zoned', local: new Date(eventTimeToEpochMs(t)).toISOString().slice(0, 19), tz: 'UTC' });

function seriesParts(master: EventOccurrence, ctx: VeventContext, times: TimeReader): SeriesParts | undefined {
  const index = ctx.index;
  const rrules = index.rrules;
  const rdateProps = index.rdates;
  if (rrules.length === 0 && rdateProps.length === 0) return undefined;
  if (rrules.length > 1) ctx.fail('several RRULEs in one VEVENT are not supported', rrules[1]);
  const exrule = index.exrule;
  if (exrule) ctx.fail('EXRULE is not supported', exrule);
  let rule: RecurrenceRule;
  try {
    // An RDATE-only series is a COUNT=1 rule (DTSTART itself) plus the extra dates.
    rule = rrules[0] ? untilInMasterForm(ruleOf(ctx, rrules[0], master.start.kind), master.start) : { freq: 'DAILY', interval: 1, count: 1 };
  } catch (e) {
    ctx.fail(e instanceof Error ? e.message : String(e), rrules[0]);
  }
  const rdates: EventTime[] = [];
  for (const p of rdateProps) for (const t of readTimeValues(p, ctx, times)) rdates.push(t);
  // Loops rather than flatMap/map callbacks: EXDATE lists run to dozens of values per series.
  const keys = new Set<OccurrenceKey>();
  for (const p of index.exdates) for (const t of readTimeValues(p, ctx, times)) keys.add(keyInMasterForm(t, master.start));
  const cancelled = Array.from(keys).sort();
  return { rule, rdates, cancelled };
}

/** A parse result plus the components each part came from, for patching in place. */
export interface CalendarObject extends IcsParseResult {
  readonly masterComponent?: ICAL.Component;
  readonly overrideComponents: ReadonlyMap<OccurrenceKey, ICAL.Component>;
}

export function icsToItem(text: string, opts: IcsParseOptions = {}): IcsParseResult {
  const skipped: SkippedZone[] = [];
  // Without readCalendarObject's components: ICAL.Component wrappers that nobody here would use.
  const { item, warnings, detachedOccurrences } = readObject(parseCalendar(text, skipped), text, opts, skipped);
  return detachedOccurrences ? { item, warnings, detachedOccurrences } : { item, warnings };
}

/**
 * Reads the VCALENDAR `root` parsed from `text` (the text only serves line numbers), with the
 * VTIMEZONEs parseCalendar kept aside as text, if any.
 */
export function readCalendarObject(root: ICAL.Component, text: string, opts: IcsParseOptions = {}, skipped: readonly SkippedZone[] = []): CalendarObject {
  const { item, warnings, detachedOccurrences, masterCtx, overrideCtxs } = readObject(root, text, opts, skipped);
  if (detachedOccurrences) return { item, warnings, detachedOccurrences, overrideComponents: new Map() };
  const overrideComponents = new Map<OccurrenceKey, ICAL.Component>();
  for (const [key, ctx] of overrideCtxs) overrideComponents.set(key, ctx.component());
  return { item, warnings, masterComponent: masterCtx!.component(), overrideComponents };
}

/** The UID all VEVENTs (as `indexes`) share (errors name the first VEVENT without one, or all UIDs found). */
function commonUid(components: VeventComponents, indexes: readonly VeventProps[]): string {
  const uid = uidOf(components, indexes[0]!, 0);
  let several = false;
  for (let i = 1; i < indexes.length; i++) if (uidOf(components, indexes[i]!, i) !== uid) several = true;
  if (!several) return uid;
  const uids = [...new Set(indexes.map((props, i) => uidOf(components, props, i)))];
  throw new IcalParseError(`one VCALENDAR must hold one UID, found ${uids.length}: ${uids.join(', ')}`);
}

/** An override as read: its context, RECURRENCE-ID and occurrence. */
interface OverrideRead {
  readonly ctx: VeventContext;
  readonly id: EventTime;
  readonly occ: EventOccurrence;
}

/** A parse result plus the contexts of the VEVENTs its parts came from (a master unless detached). */
interface ObjectRead extends IcsParseResult {
  readonly masterCtx?: VeventContext;
  readonly overrideCtxs: ReadonlyMap<OccurrenceKey, VeventContext>;
}

function readObject(root: ICAL.Component, text: string, opts: IcsParseOptions, skipped: readonly SkippedZone[]): ObjectRead {
  // The VEVENTs' jCal: their ICAL.Components are made only when asked for (or for a rare value that needs one).
  const vevents: JcalComponent[] = [];
  for (const child of root.jCal[2] as JcalComponent[]) if (child[0] === 'vevent') vevents.push(child);
  if (vevents.length === 0) throw new IcalParseError('VCALENDAR holds no VEVENT');
  const components = new VeventComponents(root);
  const indexes: VeventProps[] = [];
  for (const v of vevents) indexes.push(new VeventProps(v[1]));
  const uid = commonUid(components, indexes);
  const warnings: string[] = [];
  const times = timeReader(root, opts.floatingTz, skipped);
  const htmlVerdicts: HtmlVerdicts = [];
  const lines = new PropertyLines(text);
  let masterCtx: VeventContext | undefined;
  const withRecurrenceId: VeventContext[] = [];
  for (let i = 0; i < vevents.length; i++) {
    const ctx = new VeventReader(vevents[i]!, components, indexes[i]!, uid, warnings, lines, i);
    if (ctx.index.recurrenceId) withRecurrenceId.push(ctx);
    else if (!masterCtx) masterCtx = ctx;
    else ctx.fail('several VEVENTs without RECURRENCE-ID share this UID');
  }
  const overrideList: OverrideRead[] = [];
  for (const ctx of withRecurrenceId) overrideList.push({ ctx, id: recurrenceIdOf(ctx, times)!, occ: occurrence(ctx, times, htmlVerdicts) });

  if (!masterCtx) {
    const detached: Record<OccurrenceKey, EventOccurrence> = {};
    for (const o of overrideList) detached[keyInMasterForm(o.id, o.id)] = o.occ;
    const earliest = [...overrideList].sort((a, b) => eventTimeToEpochMs(a.occ.start) - eventTimeToEpochMs(b.occ.start))[0]!;
    warnings.push(`UID ${uid}: only RECURRENCE-ID occurrences, no master (invited to ${overrideList.length} occurrence(s))`);
    return { item: { kind: 'single', uid, event: earliest.occ }, warnings, detachedOccurrences: detached, overrideCtxs: new Map() };
  }

  const master = occurrence(masterCtx, times, htmlVerdicts);
  const recurring = seriesParts(master, masterCtx, times);
  if (!recurring) {
    if (overrideList.length > 0) warnings.push(`UID ${uid}: ${overrideList.length} RECURRENCE-ID override(s) of a non-recurring event ignored`);
    if (masterCtx.index.exdates.length > 0) masterCtx.warn('EXDATE on a non-recurring event ignored');
    return { item: { kind: 'single', uid, event: master }, warnings, masterCtx, overrideCtxs: new Map() };
  }
  const overrides: Record<OccurrenceKey, EventOccurrence> = {};
  const overrideCtxs = new Map<OccurrenceKey, VeventContext>();
  for (const o of overrideList) {
    const key = keyInMasterForm(o.id, master.start);
    // The map rather than `overrides`: a lookup by a freshly built key costs less in a Map.
    if (overrideCtxs.has(key)) o.ctx.fail(`two overrides for the occurrence ${key}`, o.ctx.index.recurrenceId);
    overrides[key] = o.occ;
    overrideCtxs.set(key, o.ctx);
  }
  const { rule, rdates, cancelled } = recurring;
  const item: CalendarSeries =
    rdates.length > 0 ? { kind: 'series', uid, master, rule, rdates, cancelled, overrides } : { kind: 'series', uid, master, rule, cancelled, overrides };
  return { item, warnings, masterCtx, overrideCtxs };
}
