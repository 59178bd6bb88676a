import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/load.js';
import { registerConfigCommand } from './config-command.js';
import { registerConvertCommand } from './convert-command.js';
import { registerEmulatorCommand } from './emulator-command.js';
import { CliError, ExitCode } from './exit-codes.js';

export function buildProgram(): Command {
  const program = new Command('calbridge')
    .description('Two-way sync between Microsoft 365 / Outlook calendars (Microsoft Graph) and CalDAV calendars')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  registerConfigCommand(program);
  registerEmulatorCommand(program);
  registerConvertCommand(program);
  return program;
}

/** Runs the CLI and returns the process exit code; errors become one line on stderr, never a stack trace. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return ExitCode.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (err instanceof CliError) {
      process.stderr.write(`calbridge: ${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`calbridge: invalid configuration ${err.message}\n`);
      return ExitCode.config;
    }
    process.stderr.write(`calbridge: ${err instanceof Error ? err.message : String(err)}\n`);
    return ExitCode.failure;
  }
}
