import { parseDuration } from '../../config/duration.js';
import { usageError } from './input-errors.js';

/**
 * `--horizon`: how far a series Graph cannot express is written out. Either an instant
 * ('2027-01-01', '2027-01-01T00:00:00Z'; no offset = UTC) or a duration after the series starts
 * ('90d', '2y', as in the configuration file).
 */
export type Horizon = { readonly kind: 'at'; readonly ms: number } | { readonly kind: 'after'; readonly ms: number };

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

export function parseHorizon(text: string): Horizon {
  const duration = parseDuration(text);
  if (duration !== undefined && duration > 0) return { kind: 'after', ms: duration };
  if (INSTANT_RE.test(text)) {
    const iso = text.length === 10 ? `${text}T00:00:00Z` : /Z|[+-]\d{2}:\d{2}$/.test(text) ? text : `${text}Z`;
    const ms = Date.parse(iso);
    if (!Number.isNaN(ms)) return { kind: 'at', ms };
  }
  throw usageError(`--horizon "${text}": expected a date (2027-01-01), a UTC date-time, or a duration such as 90d or 2y`);
}

/** The horizon as an instant, for a series starting at `seriesStartMs`. */
export function horizonMs(h: Horizon, seriesStartMs: number): number {
  return h.kind === 'at' ? h.ms : seriesStartMs + h.ms;
}
