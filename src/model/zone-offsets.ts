/**
 * UTC offsets of IANA zones from Node's ICU tz data, fast enough for expanding long series: each (zone, year)
 * is scanned once — a probe a day, transitions located to the minute by bisection — and then answered from
 * that table. No zone changes its offset twice within a day, and since tz data left local mean time,
 * transitions fall on whole minutes.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const LONG_OFFSET = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?/;
export class UnknownTimeZoneError extends Error {
  constructor(readonly zone: string) {
    super(`unknown time zone "${zone}"`);
    this.name = 'UnknownTimeZoneError';
  }
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();
const MAX_FORMATTERS = 4096;

/**
 * One offset-only formatter per zone name (building one costs about a millisecond), or undefined when Node
 * does not know the name. Rendering one field is about five times faster than formatToParts.
 */
export function offsetFormatter(name: string): Intl.DateTimeFormat | undefined {
  let f = formatters.get(name);
  if (f === undefined) {
    f = null;
    // Newer engines also take offsets such as "+01:00"; those are not zone names.
    if (/^[A-Za-z]/.test(name)) {
      try {
        f = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
      } catch {
        f = null;
      }
    }
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(name, f);
  }
  return f ?? undefined;
}

function formatter(tz: string): Intl.DateTimeFormat {
  const f = offsetFormatter(tz);
  if (!f) throw new UnknownTimeZoneError(tz);
  return f;
}

/** The offset (minutes east of UTC) straight from ICU's "GMT+05:30" rendering. */
export function probeOffsetMinutes(tz: string, epochMs: number): number {
  const m = LONG_OFFSET.exec(formatter(tz).format(epochMs));
  if (!m?.[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]) + Math.round(Number(m[4] ?? 0) / 60);
  return m[1] === '-' ? -minutes : minutes;
}

/** A change of a zone's UTC offset. */
export interface OffsetTransition {
  /** First instant (epoch ms) with the new offset. */
  readonly atMs: number;
  readonly fromMinutes: number;
  readonly toMinutes: number;
}

/** Every offset transition of `tz` in [startMs, endMs). */
export function offsetTransitions(tz: string, startMs: number, endMs: number): OffsetTransition[] {
  const found: OffsetTransition[] = [];
  let prevMs = startMs;
  let prevOffset = probeOffsetMinutes(tz, startMs);
  for (let probe = startMs + DAY; prevMs < endMs; probe += DAY) {
    const at = Math.min(probe, endMs);
    const offset = probeOffsetMinutes(tz, at);
    if (offset !== prevOffset) found.push({ atMs: firstMinuteWith(tz, prevMs, at, offset), fromMinutes: prevOffset, toMinutes: offset });
    prevMs = at;
    prevOffset = offset;
  }
  return found;
}

function firstMinuteWith(tz: string, lowMs: number, highMs: number, target: number): number {
  let lo = Math.floor(lowMs / MINUTE);
  let hi = Math.ceil(highMs / MINUTE);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (probeOffsetMinutes(tz, mid * MINUTE) === target) hi = mid;
    else lo = mid;
  }
  return hi * MINUTE;
}

interface YearTable {
  readonly initial: number;
  readonly transitions: readonly OffsetTransition[];
  /** The year's span, [Jan 1, next Jan 1) UTC. */
  readonly fromMs: number;
  readonly toMs: number;
}

/** Tables by zone, then year: no key string is built (and hashed) per look-up. */
const tables = new Map<string, Map<number, YearTable>>();
let tableCount = 0;
const MAX_TABLES = 4096;
/** The table each zone used last: series expansion asks about one zone and year many times in a row. */
const lastTable = new Map<string, YearTable>();

function yearTable(tz: string, year: number): YearTable {
  let years = tables.get(tz);
  let table = years?.get(year);
  if (!table) {
    const fromMs = Date.UTC(year, 0, 1);
    const toMs = Date.UTC(year + 1, 0, 1);
    table = { initial: probeOffsetMinutes(tz, fromMs), transitions: offsetTransitions(tz, fromMs, toMs), fromMs, toMs };
    if (tableCount >= MAX_TABLES) {
      tables.clear();
      tableCount = 0;
      years = undefined;
    }
    if (!years) {
      years = new Map();
      tables.set(tz, years);
    }
    years.set(year, table);
    tableCount += 1;
  }
  return table;
}

/**
 * The span around the last answer in which the offset cannot change: conversions come in runs for
 * one zone (a series' occurrences), and most fall in the span of the previous one.
 */
let span = { tz: '', fromMs: 0, toMs: 0, offset: 0 };

/**
 * The offset of `tz` when it is the same at every instant of [fromMs, toMs] by what the last look-up
 * learnt; undefined when that is not known (then ask zoneOffsetMinutes at both ends).
 */
export function steadyOffsetMinutes(tz: string, fromMs: number, toMs: number): number | undefined {
  if (tz === 'UTC') return 0;
  return fromMs >= span.fromMs && toMs < span.toMs && tz === span.tz ? span.offset : undefined;
}

/** Offset of `tz` at instant `epochMs`, in minutes east of UTC. */
export function zoneOffsetMinutes(tz: string, epochMs: number): number {
  if (tz === 'UTC') return 0;
  if (epochMs >= span.fromMs && epochMs < span.toMs && tz === span.tz) return span.offset;
  let table = lastTable.get(tz);
  if (!table || epochMs < table.fromMs || epochMs >= table.toMs) {
    table = yearTable(tz, new Date(epochMs).getUTCFullYear());
    if (lastTable.size >= MAX_TABLES) lastTable.clear();
    lastTable.set(tz, table);
  }
  let offset = table.initial;
  let fromMs = table.fromMs;
  let toMs = table.toMs;
  for (const t of table.transitions) {
    if (t.atMs > epochMs) {
      toMs = t.atMs;
      break;
    }
    offset = t.toMinutes;
    fromMs = t.atMs;
  }
  // NaN and out-of-range instants are answered without being remembered.
  if (fromMs <= epochMs && epochMs < toMs) span = { tz, fromMs, toMs, offset };
  return offset;
}
