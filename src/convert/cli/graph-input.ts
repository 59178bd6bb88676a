import { z } from 'zod';
import type { GraphEvent } from '../../graph/types.js';
import type { GraphItemInput } from '../graph/index.js';
import { usageError } from './input-errors.js';
import { jsonErrorOffset } from './json-position.js';

/**
 * The JSON `calbridge convert graph-to-ics` reads: one Graph event, or
 * `{"master": <event>, "instances": [<event>…], "window": {"start": ISO, "end": ISO}}`.
 * Only the properties the converter reads are checked, so a full Graph response passes
 * untouched; a wrong type is reported with its JSON path.
 */

const dateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string() });
const recipient = z.looseObject({
  emailAddress: z.looseObject({ address: z.string().nullish(), name: z.string().nullish() }).nullish(),
});

const event = z.looseObject({
  iCalUId: z.string().optional(),
  type: z.enum(['singleInstance', 'occurrence', 'exception', 'seriesMaster']).optional(),
  subject: z.string().nullish(),
  body: z.object({ contentType: z.enum(['html', 'text']), content: z.string() }).nullish(),
  start: dateTimeTimeZone.nullish(),
  end: dateTimeTimeZone.nullish(),
  isAllDay: z.boolean().optional(),
  originalStart: z.string().nullish(),
  originalStartTimeZone: z.string().nullish(),
  originalEndTimeZone: z.string().nullish(),
  categories: z.array(z.string()).optional(),
  attendees: z.array(recipient).optional(),
  organizer: recipient.nullish(),
  reminderMinutesBeforeStart: z.number().optional(),
  recurrence: z
    .looseObject({
      pattern: z.looseObject({ type: z.string(), interval: z.number() }),
      range: z.looseObject({ type: z.string(), startDate: z.string() }),
    })
    .nullish(),
});

const seriesInput = z.object({
  master: event,
  instances: z.array(event).optional(),
  window: z.object({ start: z.string(), end: z.string() }).optional(),
});

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

export function parseJson(text: string): unknown {
  if (text.trim() === '') throw usageError('no input: expected a Graph event as JSON');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    // V8 appends a quote of the source ("…" is not valid JSON) or a position; the line says more.
    const reason = (err as Error).message.split(/,? (?:\.\.\.)?"| (?:in JSON )?at position /)[0];
    const offset = jsonErrorOffset(text);
    const at = offset === undefined ? undefined : lineColumn(text, offset);
    throw usageError(`invalid JSON${at ? ` at line ${at.line} column ${at.column}` : ''}: ${reason}`);
  }
}

function check<T>(schema: z.ZodType<T>, value: unknown): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  const issue = result.error.issues[0]!;
  const path = issue.path.map(String).join('.') || '(root)';
  throw usageError(`invalid Graph event: property ${path}: ${issue.message}`);
}

/** Parsed and checked graph-to-ics input. */
export function readGraphInput(text: string): GraphItemInput {
  const json = parseJson(text);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw usageError('invalid Graph event: expected a JSON object (one event, or {"master": …, "instances": […], "window": {…}})');
  }
  if ('master' in json) {
    check(seriesInput, json);
    // Checked above for every property the converter reads; the rest is Graph's own.
    return json as { master: GraphEvent; instances?: GraphEvent[]; window?: { start: string; end: string } };
  }
  check(event, json);
  return { event: json as GraphEvent };
}
