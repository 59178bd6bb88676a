/** Recurrence conversion, exact in both directions (docs/recurrence.md). */
export { parseRrule, formatRrule, RruleParseError } from './rrule-text.js';
export { ruleFromJcalRecur } from './rrule-jcal.js';
export { expandRule, type ExpandRuleArgs } from './expand.js';
export { graphToRule, GraphRecurrenceError, EmptySeriesError, type GraphToRuleResult } from './graph-to-rule.js';
export { ruleToGraph, type RuleToGraphResult } from './rule-to-graph.js';
export { fallbackCarrier, NoOccurrencesError, type FallbackArgs, type FallbackCarrier, type TimeSpan } from './fallback.js';
