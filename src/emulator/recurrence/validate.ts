import type {
  GraphDayOfWeek,
  GraphPatternedRecurrence,
  GraphPatternType,
  GraphRangeType,
  GraphRecurrencePattern,
  GraphRecurrenceRange,
  GraphWeekIndex,
} from '../../graph/types.js';
import { InvalidDateError, parseDate } from './civil-date.js';
import { RecurrenceValidationError } from './errors.js';

/**
 * Checks a patternedRecurrence the way Graph does on POST/PATCH and returns it in the form Graph
 * echoes it. Sources:
 * - recurrencepattern.md: required fields per type; "Any property that you include that does not
 *   have a supported value would result in an error."
 * - outlook-schedule-recurring-events.md: "Even if a field is ignored, it is still validated. If a
 *   field has a set list of possible values, using a value outside the allowed set causes an error";
 *   firstDayOfWeek optional (default sunday), index optional (default first), numberOfOccurrences
 *   "Must be a positive integer", recurrenceTimeZone "If not specified, the time zone of the event
 *   is used".
 * - user-post-events.md response 3 (graph-samples/02): the echo carries every field, enums in
 *   lower camel case, month 0 / dayOfMonth 0 / index first / endDate 0001-01-01 /
 *   numberOfOccurrences 0 where the type does not use them.
 * Fields a type ignores are validated, then echoed as those defaults: Exchange keeps only what the
 * pattern type stores.
 */

const PATTERN_TYPES: readonly GraphPatternType[] = [
  'daily',
  'weekly',
  'absoluteMonthly',
  'relativeMonthly',
  'absoluteYearly',
  'relativeYearly',
];
const RANGE_TYPES: readonly GraphRangeType[] = ['endDate', 'noEnd', 'numbered'];
const DAYS: readonly GraphDayOfWeek[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];
const INDEXES: readonly GraphWeekIndex[] = ['first', 'second', 'third', 'fourth', 'last'];

const PATTERN_KEYS = ['type', 'interval', 'month', 'dayOfMonth', 'daysOfWeek', 'firstDayOfWeek', 'index'];
const RANGE_KEYS = ['type', 'startDate', 'endDate', 'recurrenceTimeZone', 'numberOfOccurrences'];

/** Graph's value for "no end date" on non-endDate ranges. */
export const NO_END_DATE = '0001-01-01';

type JsonObject = Readonly<Record<string, unknown>>;

function fail(field: string, value: unknown, reason: string): never {
  throw new RecurrenceValidationError(field, value, reason);
}

function objectAt(value: unknown, field: string, allowedKeys: readonly string[]): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(field, value, 'must be an object');
  const obj = value as JsonObject;
  for (const key of Object.keys(obj)) {
    // OData annotations such as "@odata.type" may accompany any object.
    if (!key.startsWith('@') && !allowedKeys.includes(key)) {
      fail(`${field}.${key}`, obj[key], 'is not a property of this type');
    }
  }
  return obj;
}

/** Enum members match case-insensitively (docs send "Monday", the service echoes "monday"). */
function enumValue<T extends string>(value: unknown, field: string, members: readonly T[]): T {
  const found =
    typeof value === 'string' ? members.find((m) => m.toLowerCase() === value.toLowerCase()) : undefined;
  return found ?? fail(field, value, `must be one of ${members.join(', ')}`);
}

function optionalEnum<T extends string>(value: unknown, field: string, members: readonly T[], dflt: T): T {
  return value === undefined ? dflt : enumValue(value, field, members);
}

function int32(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(field, value, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

function optionalInt(value: unknown, field: string, min: number, max: number): number {
  return value === undefined ? 0 : int32(value, field, min, max);
}

function dateValue(value: unknown, field: string): string {
  if (typeof value !== 'string') fail(field, value, 'must be a date YYYY-MM-DD');
  try {
    parseDate(value);
  } catch (e) {
    if (e instanceof InvalidDateError) fail(field, value, 'must be a date YYYY-MM-DD');
    throw e;
  }
  return value;
}

function daysOfWeekValue(value: unknown, field: string): GraphDayOfWeek[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(field, value, 'must be an array of days of the week');
  const days = value.map((v, i) => enumValue(v, `${field}[${i}]`, DAYS));
  return [...new Set(days)];
}

const INT32_MAX = 2_147_483_647;

function validatePattern(raw: unknown): GraphRecurrencePattern {
  const field = 'recurrence.pattern';
  const p = objectAt(raw, field, PATTERN_KEYS);
  const type = enumValue(p.type, `${field}.type`, PATTERN_TYPES);
  const interval = int32(p.interval, `${field}.interval`, 1, INT32_MAX);
  // 0 is what Graph echoes for "unused", so a client round-tripping an echo must be accepted.
  const month = optionalInt(p.month, `${field}.month`, 0, 12);
  const dayOfMonth = optionalInt(p.dayOfMonth, `${field}.dayOfMonth`, 0, 31);
  const daysOfWeek = daysOfWeekValue(p.daysOfWeek, `${field}.daysOfWeek`);
  const firstDayOfWeek = optionalEnum(p.firstDayOfWeek, `${field}.firstDayOfWeek`, DAYS, 'sunday');
  const index = optionalEnum(p.index, `${field}.index`, INDEXES, 'first');

  const usesDays = type === 'weekly' || type === 'relativeMonthly' || type === 'relativeYearly';
  const usesDayOfMonth = type === 'absoluteMonthly' || type === 'absoluteYearly';
  const usesMonth = type === 'absoluteYearly' || type === 'relativeYearly';
  const usesIndex = type === 'relativeMonthly' || type === 'relativeYearly';
  if (usesDays && daysOfWeek.length === 0) fail(`${field}.daysOfWeek`, p.daysOfWeek, `is required for ${type}`);
  if (usesDayOfMonth && dayOfMonth === 0) fail(`${field}.dayOfMonth`, p.dayOfMonth, `is required for ${type}`);
  if (usesMonth && month === 0) fail(`${field}.month`, p.month, `is required for ${type}`);

  return {
    type,
    interval,
    month: usesMonth ? month : 0,
    dayOfMonth: usesDayOfMonth ? dayOfMonth : 0,
    daysOfWeek: usesDays ? daysOfWeek : [],
    firstDayOfWeek,
    index: usesIndex ? index : 'first',
  };
}

function validateRange(raw: unknown, eventTimeZone: string): GraphRecurrenceRange {
  const field = 'recurrence.range';
  const r = objectAt(raw, field, RANGE_KEYS);
  const type = enumValue(r.type, `${field}.type`, RANGE_TYPES);
  const startDate = dateValue(r.startDate, `${field}.startDate`);
  const endDate = r.endDate === undefined ? undefined : dateValue(r.endDate, `${field}.endDate`);
  const count = optionalInt(r.numberOfOccurrences, `${field}.numberOfOccurrences`, 0, INT32_MAX);
  const tz = r.recurrenceTimeZone;
  if (tz !== undefined && tz !== null && (typeof tz !== 'string' || tz.trim() === '')) {
    fail(`${field}.recurrenceTimeZone`, tz, 'must be a time zone name');
  }

  if (type === 'endDate' && (endDate === undefined || endDate === NO_END_DATE)) {
    fail(`${field}.endDate`, r.endDate, 'is required for an endDate range');
  }
  if (type === 'numbered' && count === 0) {
    fail(`${field}.numberOfOccurrences`, r.numberOfOccurrences, 'must be a positive integer for a numbered range');
  }
  return {
    type,
    startDate,
    endDate: type === 'endDate' ? endDate! : NO_END_DATE,
    recurrenceTimeZone: typeof tz === 'string' ? tz : eventTimeZone,
    numberOfOccurrences: type === 'numbered' ? count : 0,
  };
}

/**
 * Validate a client-supplied `recurrence` (not null: null means "not recurring" and is the
 * caller's case) and return Graph's echo form. `eventTimeZone` is the event's start.timeZone,
 * used when range.recurrenceTimeZone is absent.
 * @throws RecurrenceValidationError naming the offending field.
 */
export function validateRecurrence(input: unknown, eventTimeZone: string): GraphPatternedRecurrence {
  const r = objectAt(input, 'recurrence', ['pattern', 'range']);
  return { pattern: validatePattern(r.pattern), range: validateRange(r.range, eventTimeZone) };
}
