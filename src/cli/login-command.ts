import type { Command } from 'commander';
import { deviceCodeLogin } from '../graph/auth.js';
import { authSettings, tokenCachePath } from '../sync/pair-runtime.js';
import { CliError, ExitCode } from './exit-codes.js';
import { loadConfigFrom, selectPairs, withConfigOption } from './context.js';

export function registerLoginCommand(program: Command): void {
  withConfigOption(program.command('login'))
    .description('sign a device-code pair in to Microsoft 365 (prints a code to enter at the shown URL); tokens go to a 0600 file')
    .argument('<pair>', 'pair name from the configuration')
    .action(async (name: string, opts: { config?: string }) => {
      const [pair] = selectPairs(loadConfigFrom(opts.config), name);
      if (pair!.graph.auth !== 'device-code') {
        throw new CliError(`pair "${name}" uses ${pair!.graph.auth} auth; only device-code pairs sign in (set graph.auth: device-code)`, ExitCode.config);
      }
      const cacheFile = tokenCachePath(pair!);
      const account = await deviceCodeLogin(authSettings(pair!), cacheFile, (message) => process.stdout.write(`${message}\n`));
      process.stdout.write(`signed in as ${account.username}; tokens stored in ${cacheFile}\n`);
    });
}
