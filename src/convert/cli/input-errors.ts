import { CliError, ExitCode } from '../../cli/exit-codes.js';
import { GraphConversionError } from '../graph/index.js';
import { IcalParseError } from '../ical/index.js';
import { EmptySeriesError, GraphRecurrenceError, NoOccurrencesError, RruleParseError } from '../recurrence/index.js';
import { VtimezoneParseError } from '../timezones/custom-zone.js';
import { UnknownTimeZoneError } from '../../model/instant.js';

/**
 * Errors that mean "this input cannot be converted" (as opposed to a bug): they carry the property
 * and, for iCalendar, the line. Anything else is left to the CLI's generic handler (exit 1).
 */
const INPUT_ERRORS = [
  GraphConversionError,
  IcalParseError,
  RruleParseError,
  GraphRecurrenceError,
  EmptySeriesError,
  NoOccurrencesError,
  VtimezoneParseError,
  UnknownTimeZoneError,
] as const;

/** Bad input as a one-line CliError with exit 2; other errors unchanged. */
export function asInputError(err: unknown, what: string): unknown {
  if (err instanceof CliError) return err;
  if (INPUT_ERRORS.some((cls) => err instanceof cls)) {
    return new CliError(`${what}: ${oneLine((err as Error).message)}`, ExitCode.usage);
  }
  return err;
}

export const oneLine = (s: string): string => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();

export function usageError(message: string): CliError {
  return new CliError(oneLine(message), ExitCode.usage);
}
