import type { Command } from 'commander';

/** `calbridge convert`: show how one event maps between Graph and iCalendar (see src/convert). */
export function registerConvertCommand(program: Command): void {
  program
    .command('convert')
    .description('convert one event between Graph JSON and iCalendar')
    .action(() => {
      throw new Error('not implemented yet');
    });
}
