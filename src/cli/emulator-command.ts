import type { Command } from 'commander';

/** `calbridge emulator`: serve the Graph emulator (see src/emulator). */
export function registerEmulatorCommand(program: Command): void {
  program
    .command('emulator')
    .description('run the bundled Microsoft Graph calendar emulator')
    .action(() => {
      throw new Error('not implemented yet');
    });
}
