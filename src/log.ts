import { pino, type Logger } from 'pino';

/** JSON logs on stderr (stdout stays free for command output). Level from CALBRIDGE_LOG_LEVEL. */
export function createLogger(name: string, level = process.env.CALBRIDGE_LOG_LEVEL ?? 'info'): Logger {
  return pino({ name, level }, pino.destination(2));
}

export type { Logger };
