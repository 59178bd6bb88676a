#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerConvertCommand } from './convert-command.js';
import { registerEmulatorCommand } from './emulator-command.js';
import { CliError, ExitCode } from './exit-codes.js';

export function buildProgram(): Command {
  const program = new Command('calbridge')
    .description('Two-way sync between Microsoft 365 / Outlook calendars (Microsoft Graph) and CalDAV calendars')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  registerEmulatorCommand(program);
  registerConvertCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
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
    process.stderr.write(`calbridge: ${err instanceof Error ? err.message : String(err)}\n`);
    return ExitCode.failure;
  }
}

const code = await main(process.argv);
// Long-running commands (emulator, run, demo) keep the event loop alive and never resolve here with work left.
if (code !== ExitCode.ok) process.exitCode = code;
