import type { GraphEvent } from '../../graph/types.js';
import type { RequestContext } from './context.js';
import { type RenderOptions, renderEvent } from './representation.js';
import { betaOccurrenceId, instanceAt } from './series.js';
import type { StoredEvent } from './store.js';

/**
 * Beta's view of a series from a GET of its master by id (MGDC:api-reference/beta/api/event-get.md,
 * example 4; sample 05): `cancelledOccurrences` when $selected, `exceptionOccurrences` when $selected
 * and $expanded. Neither exists on v1.0.
 */

export interface BetaSeriesAsk {
  readonly cancelled: boolean;
  readonly exceptions: boolean;
  /** $expand with exceptionOccurrences taken out. */
  readonly restExpand: string | undefined;
}

export function betaSeriesAsk(ctx: RequestContext): BetaSeriesAsk {
  const expand = ctx.query.get('$expand');
  const expandsExceptions = ctx.req.version === 'beta' && expand?.trim().toLowerCase() === 'exceptionoccurrences';
  const selected = new Set((ctx.req.version === 'beta' ? (ctx.query.select() ?? []) : []).map((s) => s.toLowerCase()));
  return {
    cancelled: selected.has('cancelledoccurrences'),
    exceptions: expandsExceptions && selected.has('exceptionoccurrences'),
    restExpand: expandsExceptions ? undefined : expand,
  };
}

export function betaSeriesProperties(master: StoredEvent, ask: BetaSeriesAsk, opts: RenderOptions): Partial<GraphEvent> {
  const out: Partial<GraphEvent> = {};
  if (ask.cancelled) {
    out.cancelledOccurrences = [...master.cancelled].sort().map((key) => betaOccurrenceId(master, Date.parse(key)));
  }
  if (ask.exceptions) {
    out.exceptionOccurrences = [...master.exceptions.keys()]
      .sort()
      .map((key) => instanceAt(master, key))
      .filter((i) => i !== undefined)
      .map((i) => {
        // Items inside the expansion carry no etag annotation of their own (sample 05).
        const { '@odata.etag': _etag, ...rest } = renderEvent({ kind: 'instance', ...i }, opts);
        return rest;
      });
  }
  return out;
}
