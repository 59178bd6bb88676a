import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/load.js';
import { registerConfigCommand } from './config-command.js';
import { registerConflictsCommand } from './conflicts-command.js';
import { registerDemoCommand } from './demo-command.js';
import { registerLoginCommand } from './login-command.js';
import { registerRunCommand } from './run-command.js';
import { registerStatusCommand } from './status-command.js';
import { registerSyncCommand } from './sync-command.js';
import { registerConvertCommand } from './convert-command.js';
import { registerEmulatorCommand } from './emulator-command.js';
import { CliError, ExitCode } from './exit-codes.js';

const EXIT_CODES_HELP = `
Exit codes:
  ${ExitCode.ok}  ok
  ${ExitCode.failure}  failure (a server unreachable, an unexpected error)
  ${ExitCode.usage}  bad usage or bad input
  ${ExitCode.config}  invalid configuration (or a command the pair's configuration does not allow)
  ${ExitCode.partial}  partial: a cycle finished but some items failed (see "calbridge status")
  ${ExitCode.safetyStop}  safety stop: a cycle would delete too much of a calendar; nothing written (sync --force-deletes)

Start here: "calbridge demo" runs everything locally (Graph emulator, Radicale, the daemon).`;

export function buildProgram(): Command {
  const program = new Command('calbridge')
    .description('Two-way sync between Microsoft 365 / Outlook calendars (Microsoft Graph) and CalDAV calendars')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride()
    .addHelpText('after', EXIT_CODES_HELP);
  registerSyncCommand(program);
  registerRunCommand(program);
  registerStatusCommand(program);
  registerConflictsCommand(program);
  registerLoginCommand(program);
  registerDemoCommand(program);
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
