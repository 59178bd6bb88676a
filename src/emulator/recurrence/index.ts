export { validateRecurrence, NO_END_DATE } from './validate.js';
export { expandRecurrence, occurrenceDays, type ExpandArgs, type ExpandedOccurrence } from './expand.js';
export { RecurrenceValidationError, UnboundedExpansionError } from './errors.js';
export {
  civilDate,
  dayNumber,
  daysInMonth,
  formatDate,
  InvalidDateError,
  isLeapYear,
  parseDate,
  weekdayOf,
  type CivilDate,
  type DayNumber,
  type WeekdayNumber,
} from './civil-date.js';
