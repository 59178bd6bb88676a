import type { CalendarSeries } from '../../model/index.js';
import type { GraphPatternedRecurrence } from '../../graph/types.js';
import { ruleToGraph } from './deps.js';
import type { GraphTimeOptions } from './times.js';
import { graphZoneName } from './times.js';

export type GraphRecurrenceResult =
  | { readonly kind: 'exact'; readonly recurrence: GraphPatternedRecurrence }
  | { readonly kind: 'unrepresentable'; readonly reason: string };

/** The zone a series repeats in: its start's zone; floating and all-day series use the floating zone. */
export function seriesZone(series: CalendarSeries, opts: GraphTimeOptions): string {
  return series.master.start.kind === 'zoned' ? series.master.start.tz : (opts.floatingZone ?? 'UTC');
}

/** Graph's patternedRecurrence for a series, when Graph can say exactly the same thing. */
export function graphRecurrence(series: CalendarSeries, opts: GraphTimeOptions): GraphRecurrenceResult {
  if (series.rdates?.length) return { kind: 'unrepresentable', reason: 'RDATE: Graph patterns have no extra dates' };
  const tz = seriesZone(series, opts);
  const windowsZone = graphZoneName(tz);
  if (!windowsZone) return { kind: 'unrepresentable', reason: `time zone ${tz} has no Windows name` };
  const start = series.master.start.kind === 'floating' ? { ...series.master.start, kind: 'zoned' as const, tz } : series.master.start;
  return ruleToGraph(series.rule, start, tz, windowsZone);
}
