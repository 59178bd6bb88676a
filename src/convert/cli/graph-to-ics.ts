import type { GraphEvent } from '../../graph/types.js';
import { graphToItem, type GraphItemInput } from '../graph/index.js';
import { itemToIcs } from '../ical/index.js';
import { readGraphInput } from './graph-input.js';

export interface GraphToIcsOptions {
  /** UID to use when the event has no iCalUId (a `$select` without it). */
  readonly uid?: string;
}

export interface GraphToIcsResult {
  /** One VCALENDAR, CRLF line ends. */
  readonly ics: string;
  readonly warnings: string[];
}

const mainEvent = (input: GraphItemInput): GraphEvent => ('event' in input ? input.event : input.master);

/**
 * `calbridge convert graph-to-ics`: Graph JSON text → one VCALENDAR. Without iCalUId and --uid,
 * the Graph id stands in as UID (with a warning): better a usable object than none for a viewer.
 */
export function convertGraphToIcs(text: string, opts: GraphToIcsOptions = {}): GraphToIcsResult {
  const input = readGraphInput(text);
  const event = mainEvent(input);
  const warnings: string[] = [];
  let uid = opts.uid;
  if (uid === undefined && !event.iCalUId && event.id) {
    uid = event.id;
    warnings.push(`event ${event.id} has no iCalUId; its Graph id is used as UID`);
  }
  const result = graphToItem(input, uid === undefined ? {} : { uid });
  warnings.push(...result.warnings);
  return { ics: itemToIcs(result.item), warnings };
}
