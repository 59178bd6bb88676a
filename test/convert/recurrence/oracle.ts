import type { FallbackCarrier } from '../../../src/convert/recurrence/index.js';
import { expandRecurrence, validateRecurrence } from '../../../src/emulator/recurrence/index.js';
import type { GraphPatternedRecurrence } from '../../../src/graph/types.js';
import type { EventTime } from '../../../src/model/time.js';

/** Test helpers: the emulator's own Graph expander as the independent oracle for Graph series. */

export function localOf(t: EventTime): string {
  return t.kind === 'date' ? t.date : t.local;
}

/** Occurrence starts (local, series zone) Graph gives for a series, through validation first. */
export function graphLocals(recurrence: GraphPatternedRecurrence, startLocal: string, seriesTz: string, toMs: number): string[] {
  return expandRecurrence({
    recurrence: validateRecurrence(recurrence, seriesTz),
    startLocal,
    durationMs: 3_600_000,
    seriesTz,
    toMs,
  }).map((o) => o.originalStartLocal);
}

/** What Graph shows for a fallback carrier: its occurrences minus cancelled, moved applied, plus extra singles. */
export function carrierLocals(carrier: FallbackCarrier, seriesTz: string, toMs: number): string[] {
  const cancelled = new Set(carrier.cancelledStarts.map(localOf));
  const moved = new Map(carrier.moved.map((m) => [localOf(m.originalStart), localOf(m.start)]));
  const startLocal = carrier.masterStart.kind === 'date' ? `${carrier.masterStart.date}T00:00:00` : localOf(carrier.masterStart);
  const fromCarrier = graphLocals(carrier.recurrence, startLocal, seriesTz, toMs)
    .map((l) => (carrier.masterStart.kind === 'date' ? l.slice(0, 10) : l))
    .filter((l) => !cancelled.has(l))
    .map((l) => moved.get(l) ?? l);
  return [...fromCarrier, ...carrier.extraSingles.map((s) => localOf(s.start))].sort();
}
