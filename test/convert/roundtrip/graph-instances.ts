import fc from 'fast-check';
import { expandRecurrence, type ExpandedOccurrence } from '../../../src/emulator/recurrence/index.js';
import type { GraphEvent } from '../../../src/graph/types.js';
import { localAsUtcMs, utcMsAsLocal } from '../../../src/model/index.js';
import { graphEventArb, type GeneratedEvent } from './graph-arbitraries.js';
import { seriesWallClock } from './occurrence-sets.js';

/**
 * A Graph series with what `/instances` returns for a window: every occurrence the emulator's
 * engine expects, minus the cancelled ones, with some turned into exceptions (a new subject, timed
 * ones also moved by half an hour within their day). Cancellations are drawn only where the window
 * also holds both neighbours, the evidence graphToItem needs (cancellations.ts).
 */

export interface GeneratedSeries extends GeneratedEvent {
  readonly instances: GraphEvent[];
  readonly window: { readonly start: string; readonly end: string };
  /**
   * The originalStart (ISO UTC) calbridge must address each cancelled occurrence by when it writes
   * the series back: the same instant for timed series; for all-day series midnight UTC of the date,
   * as calbridge writes all-day series pinned to UTC by default.
   */
  readonly cancelled: string[];
  /** Such an originalStart → what the exception changed. */
  readonly exceptions: ReadonlyMap<string, { readonly subject: string; readonly shiftMs: number }>;
}

const DAY_MS = 86_400_000;
const isoUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 19) + 'Z';
const utcDateTime = (ms: number): { dateTime: string; timeZone: string } => ({ dateTime: `${utcMsAsLocal(ms)}.0000000`, timeZone: 'UTC' });
/** All-day values come back midnight to midnight whatever the zone (times.ts cites the thread). */
const allDayDateTime = (local: string): { dateTime: string; timeZone: string } => ({ dateTime: `${local.slice(0, 10)}T00:00:00.0000000`, timeZone: 'UTC' });

function occurrencesOf(g: GeneratedEvent): ExpandedOccurrence[] {
  const { startLocal, durationMs } = seriesWallClock(g.event);
  const fromMs = localAsUtcMs(startLocal) - 400 * DAY_MS;
  return expandRecurrence({ recurrence: g.event.recurrence!, startLocal, durationMs, seriesTz: g.tz, fromMs, toMs: fromMs + 1200 * DAY_MS, limit: 60 });
}

export const graphSeriesArb: fc.Arbitrary<GeneratedSeries> = graphEventArb
  .filter((g) => g?.event.recurrence !== undefined)
  .chain((g) => {
    const all = occurrencesOf(g!);
    // The last occurrence only closes the window.
    const n = all.length;
    const roles = fc.array(fc.constantFrom('plain', 'plain', 'cancelled', 'exception'), { minLength: n, maxLength: n });
    return fc.tuple(fc.constant(g!), fc.constant(all), roles);
  })
  .map(([g, all, roles]): GeneratedSeries => {
    const allDay = g.event.isAllDay === true;
    const wallDurationMs = seriesWallClock(g.event).durationMs;
    const last = all.at(-1)!;
    const fromMs = all[0]!.startMs - 400 * DAY_MS;
    // Ends at the last expected occurrence's start: /instances lists occurrences overlapping the window.
    const window = { start: isoUtc(fromMs), end: isoUtc(last.startMs) };
    const inWindow = all.slice(0, -1);
    const windowEndMs = last.startMs;
    // graphToItem believes an absence only when the window covers the span a moved copy could occupy.
    const provable = (i: number): boolean => {
      const o = all[i]!;
      const prev = all[i - 1];
      const next = all[i + 1]!;
      const before = prev ? o.startMs - prev.startMs : next.startMs - o.startMs;
      return o.startMs - before >= fromMs && o.endMs + (next.startMs - o.startMs) <= windowEndMs;
    };
    const cancelled: string[] = [];
    const exceptions = new Map<string, { subject: string; shiftMs: number }>();
    const instances: GraphEvent[] = [];
    inWindow.forEach((o, i) => {
      const originalStart = isoUtc(o.startMs);
      const writtenAs = allDay ? `${o.originalStartLocal.slice(0, 10)}T00:00:00Z` : originalStart;
      const role = roles[i] === 'cancelled' && !provable(i) ? 'plain' : roles[i]!;
      if (role === 'cancelled') {
        cancelled.push(writtenAs);
        return;
      }
      const hour = Number(o.originalStartLocal.slice(11, 13));
      const shiftMs = role === 'exception' && !allDay ? (hour >= 23 ? -30 : 30) * 60_000 : 0;
      const times = allDay
        ? { start: allDayDateTime(o.originalStartLocal), end: allDayDateTime(utcMsAsLocal(localAsUtcMs(o.originalStartLocal) + wallDurationMs)) }
        : { start: utcDateTime(o.startMs + shiftMs), end: utcDateTime(o.endMs + shiftMs) };
      if (role === 'exception') {
        const subject = `Moved ${i}`;
        exceptions.set(writtenAs, { subject, shiftMs });
        instances.push({ type: 'exception', originalStart, subject, ...times });
      } else {
        instances.push({ type: 'occurrence', originalStart, ...times });
      }
    });
    return { ...g, instances, window, cancelled, exceptions };
  });
