/** Process exit codes of the `calbridge` command; documented in README.md. */
export const ExitCode = {
  ok: 0,
  /** Runtime failure (a server unreachable, an unexpected error). */
  failure: 1,
  /** Bad usage or bad input (unknown flag, unparsable file). */
  usage: 2,
  /** The configuration is invalid. */
  config: 3,
  /** A sync cycle finished but some items failed (named in the log and in `calbridge status`). */
  partial: 4,
  /** A safety guard stopped a pair (e.g. a cycle would delete too much). */
  safetyStop: 5,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error that should end the command with a one-line message and a given exit code, no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
