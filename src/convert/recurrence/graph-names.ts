import type { GraphDayOfWeek, GraphWeekIndex } from '../../graph/types.js';
import { WEEKDAYS, type Weekday } from '../../model/time.js';

/** Graph's day and week-index names ⇄ RFC 5545 weekday codes and BYDAY/BYSETPOS ordinals. Both day lists start on Sunday. */

export const GRAPH_DAYS: readonly GraphDayOfWeek[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export function weekdayOfGraph(day: GraphDayOfWeek): Weekday {
  const i = GRAPH_DAYS.indexOf(day.toLowerCase() as GraphDayOfWeek);
  if (i < 0) throw new RangeError(`not a Graph day of week "${day}"`);
  return WEEKDAYS[i]!;
}

export function graphOfWeekday(day: Weekday): GraphDayOfWeek {
  return GRAPH_DAYS[WEEKDAYS.indexOf(day)]!;
}

/** Days in Graph's order (sunday first), without duplicates. */
export function sortGraphDays(days: readonly GraphDayOfWeek[]): GraphDayOfWeek[] {
  const wanted = new Set(days.map((x) => x.toLowerCase()));
  return GRAPH_DAYS.filter((d) => wanted.has(d));
}

const INDEX_ORDINAL: Readonly<Record<GraphWeekIndex, number>> = { first: 1, second: 2, third: 3, fourth: 4, last: -1 };

export function ordinalOfIndex(index: GraphWeekIndex): number {
  const n = INDEX_ORDINAL[index];
  if (n === undefined) throw new RangeError(`not a Graph week index "${index}"`);
  return n;
}

const ORDINAL_INDEX: ReadonlyMap<number, GraphWeekIndex> = new Map(
  (Object.keys(INDEX_ORDINAL) as GraphWeekIndex[]).map((k) => [INDEX_ORDINAL[k], k]),
);

/** The Graph index for a BYDAY/BYSETPOS ordinal, or undefined when Graph has none (5, -2, …). */
export function indexOfOrdinal(n: number): GraphWeekIndex | undefined {
  return ORDINAL_INDEX.get(n);
}
