/**
 * A recurrence Graph would refuse with 400. The code is the one graph-api.md §11 lists for invalid
 * request bodies (including bad enum values in ignored recurrence fields); `field` is the JSON path
 * of the offending property, e.g. 'recurrence.pattern.index'.
 */
export class RecurrenceValidationError extends Error {
  readonly status = 400;
  readonly code = 'ErrorInvalidRequest';

  constructor(
    readonly field: string,
    readonly value: unknown,
    reason: string,
  ) {
    super(`${field}: ${reason} (got ${JSON.stringify(value) ?? 'undefined'})`);
    this.name = 'RecurrenceValidationError';
  }
}

/** An expansion with no end: a noEnd range asked for without `toMs` or `limit`. */
export class UnboundedExpansionError extends Error {
  constructor(readonly startDate: string) {
    super(`noEnd series starting ${startDate} needs toMs or limit to be expanded`);
    this.name = 'UnboundedExpansionError';
  }
}
