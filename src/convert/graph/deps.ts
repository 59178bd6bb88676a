/**
 * The one place this folder reaches the time-zone and recurrence converters, so they stay swappable.
 */
export { resolveGraphZone, ianaToWindows } from '../timezones/index.js';
export { expandOccurrences, type ExpandedOccurrence } from '../recurrence/expand.js';
export {
  expandRule,
  graphToRule,
  ruleToGraph,
  fallbackCarrier,
  GraphRecurrenceError,
  EmptySeriesError,
  NoOccurrencesError,
} from '../recurrence/index.js';
