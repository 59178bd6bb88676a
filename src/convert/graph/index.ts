/** Graph JSON ⇄ neutral model. */
export { GraphConversionError } from './errors.js';
export { graphToItem, type GraphItemInput, type GraphToItemResult, type GraphWindow } from './to-item.js';
export { itemToGraphCreate, type GraphCreateOptions, type GraphCreatePlan } from './to-create.js';
export { graphPatchFor, occurrenceChanges, occurrencePatch, type OccurrenceChanges } from './patch.js';
export type { GraphWriteOptions } from './fields-to-graph.js';
export { graphOccurrenceKey, parseGraphInstant } from './instants.js';
export { keyToGraphInstant } from './occurrences.js';
export { htmlToText } from './html-text.js';
export { ATTENDEE_BLOCK_HEADING } from './attendee-block.js';
