import { utcMsAsLocal } from '../../model/instant.js';
import type { OffsetTransition } from '../../model/zone-offsets.js';

/**
 * Builds VTIMEZONE text (RFC 5545 §3.6.5) from a zone's real offset transitions. Yearly repeating onsets
 * ("2nd Sunday of March at 02:00") become one observance with an RRULE; anything else (one-off changes, rules
 * tied to religious calendars) becomes dated onsets listed with RDATE. Only offsets are reproduced: TZNAME is
 * optional and Intl has no locale-neutral abbreviations.
 */

type Kind = 'STANDARD' | 'DAYLIGHT';

interface Onset extends OffsetTransition {
  readonly kind: Kind;
  /** Wall clock before the onset, 'YYYY-MM-DDTHH:mm:ss' (what DTSTART/RDATE carry). */
  readonly local: string;
}

interface Run {
  readonly onsets: Onset[];
  /** Which BYDAY forms (1..4 = nth weekday, -1 = last) every onset of the run satisfies. */
  patterns: number[];
}

const DAY = 86_400_000;
const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

export interface VtimezoneInput {
  readonly tzid: string;
  /** The range to reproduce exactly, [startMs, endMs). The observance in force at startMs comes first. */
  readonly startMs: number;
  readonly endMs: number;
  readonly startOffsetMinutes: number;
  /**
   * Onsets from startMs to about two years past endMs: the extra ones let a rule still in force at the end be
   * written open-ended, and tell summer time from a permanent change of standard offset.
   */
  readonly transitions: readonly OffsetTransition[];
}

function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${hh}${mm}`;
}

const basic = (local: string): string => local.replace(/[-:]/g, '');

/** Summer time: the offset rises and returns to the old value within about a year. */
function kindOf(all: readonly OffsetTransition[], i: number): Kind {
  const t = all[i]!;
  if (t.toMinutes <= t.fromMinutes) return 'STANDARD';
  // A handful of onsets fit in 400 days even in zones that suspend summer time for Ramadan.
  const returns = all.slice(i + 1, i + 8).some((u) => u.atMs - t.atMs < 400 * DAY && u.toMinutes === t.fromMinutes);
  return returns ? 'DAYLIGHT' : 'STANDARD';
}

function patternsOf(local: string): number[] {
  const [y, m, d] = local.slice(0, 10).split('-').map(Number) as [number, number, number];
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const nth = Math.ceil(d / 7);
  return [...(nth <= 4 ? [nth] : []), ...(d + 7 > daysInMonth ? [-1] : [])];
}

function weekdayOf(local: string): number {
  return new Date(`${local.slice(0, 10)}T00:00:00Z`).getUTCDay();
}

/** Same observance, same month, weekday and wall time, the following year: continues a yearly rule. */
function continues(run: Run, next: Onset): boolean {
  const last = run.onsets[run.onsets.length - 1]!;
  return (
    last.kind === next.kind &&
    last.fromMinutes === next.fromMinutes &&
    last.toMinutes === next.toMinutes &&
    Number(next.local.slice(0, 4)) === Number(last.local.slice(0, 4)) + 1 &&
    next.local.slice(5, 7) === last.local.slice(5, 7) &&
    next.local.slice(11) === last.local.slice(11) &&
    weekdayOf(next.local) === weekdayOf(last.local) &&
    run.patterns.some((p) => patternsOf(next.local).includes(p))
  );
}

function buildRuns(onsets: readonly Onset[]): Run[] {
  const runs: Run[] = [];
  for (const onset of onsets) {
    const open = runs.find((r) => continues(r, onset));
    if (open) {
      open.onsets.push(onset);
      const fits = patternsOf(onset.local);
      open.patterns = open.patterns.filter((p) => fits.includes(p));
    } else {
      runs.push({ onsets: [onset], patterns: patternsOf(onset.local) });
    }
  }
  return runs;
}

function observance(kind: Kind, from: number, to: number, dtstart: string, extra: string[]): string[] {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${basic(dtstart)}`,
    `TZOFFSETFROM:${formatOffset(from)}`,
    `TZOFFSETTO:${formatOffset(to)}`,
    ...extra,
    `END:${kind}`,
  ];
}

function ruleObservance(run: Run, rangeEndMs: number): string[] {
  const first = run.onsets[0]!;
  const last = run.onsets[run.onsets.length - 1]!;
  const byday = `${run.patterns[0]}${WEEKDAY_CODES[weekdayOf(first.local)]}`;
  // A rule still running after the range is the zone's current rule: leave it open-ended.
  const until = last.atMs >= rangeEndMs ? '' : `;UNTIL=${basic(utcMsAsLocal(last.atMs))}Z`;
  const rrule = `RRULE:FREQ=YEARLY;BYMONTH=${Number(first.local.slice(5, 7))};BYDAY=${byday}${until}`;
  return observance(first.kind, first.fromMinutes, first.toMinutes, first.local, [rrule]);
}

function datedObservances(onsets: readonly Onset[]): string[] {
  const groups = new Map<string, Onset[]>();
  for (const o of onsets) {
    const key = `${o.kind} ${o.fromMinutes} ${o.toMinutes}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  // DTSTART is the first onset; ical.js ignores DTSTART once RDATEs exist, so it is listed again as an RDATE.
  return [...groups.values()].flatMap((g) =>
    observance(
      g[0]!.kind,
      g[0]!.fromMinutes,
      g[0]!.toMinutes,
      g[0]!.local,
      g.length > 1 ? g.map((o) => `RDATE:${basic(o.local)}`) : [],
    ),
  );
}

export function buildVtimezone(input: VtimezoneInput): string {
  const all = input.transitions;
  const rangeEndMs = input.endMs;
  const onsets: Onset[] = all.map((t, i) => ({
    ...t,
    kind: kindOf(all, i),
    local: utcMsAsLocal(t.atMs + t.fromMinutes * 60_000),
  }));
  const runs = buildRuns(onsets).filter((r) => r.onsets[0]!.atMs < rangeEndMs);
  const ruled = runs.filter((r) => r.onsets.length > 1 && r.patterns.length > 0);
  const dated = runs.filter((r) => !ruled.includes(r)).flatMap((r) => r.onsets.filter((o) => o.atMs < rangeEndMs));
  const firstKind: Kind = onsets[0] && onsets[0].kind === 'STANDARD' && onsets[0].toMinutes < onsets[0].fromMinutes
    ? 'DAYLIGHT'
    : 'STANDARD';
  const lines = [
    'BEGIN:VTIMEZONE',
    `TZID:${input.tzid}`,
    ...observance(
      firstKind,
      input.startOffsetMinutes,
      input.startOffsetMinutes,
      utcMsAsLocal(input.startMs + input.startOffsetMinutes * 60_000),
      [],
    ),
    ...ruled.flatMap((r) => ruleObservance(r, rangeEndMs)),
    ...datedObservances(dated),
    'END:VTIMEZONE',
  ];
  return lines.map((l) => `${l}\r\n`).join('');
}
