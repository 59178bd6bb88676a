import type { Command } from 'commander';
import { configPath, defaultDatabaseUrl, loadConfig } from '../config/load.js';
import type { CalbridgeConfig, PairConfig } from '../config/schema.js';
import { createLogger, type Logger } from '../log.js';
import { Store } from '../store/store.js';
import { CliError, ExitCode } from './exit-codes.js';

export const CONFIG_HELP = 'configuration file (default: $CALBRIDGE_CONFIG, then /etc/calbridge/config.yaml)';

/** Adds the `--config FILE` option every command that reads the configuration takes. */
export function withConfigOption(command: Command): Command {
  return command.option('--config <file>', CONFIG_HELP);
}

export interface CommandContext {
  readonly config: CalbridgeConfig;
  readonly store: Store;
  readonly log: Logger;
}

export function loadConfigFrom(flag: string | undefined): CalbridgeConfig {
  return loadConfig(configPath(flag));
}

/** The configured pairs, or only `name` (exit 2 when no pair has that name). */
export function selectPairs(config: CalbridgeConfig, name: string | undefined): PairConfig[] {
  if (name === undefined) return [...config.pairs];
  const pair = config.pairs.find((p) => p.name === name);
  if (!pair) throw new CliError(`no pair named "${name}" (configured: ${config.pairs.map((p) => p.name).join(', ')})`, ExitCode.usage);
  return [pair];
}

/** Loads the configuration, opens the store (running migrations), runs `fn` and always closes the store. */
export async function withContext<T>(flag: string | undefined, fn: (ctx: CommandContext) => Promise<T>): Promise<T> {
  const config = loadConfigFrom(flag);
  const database = config.database ?? defaultDatabaseUrl();
  let store: Store;
  try {
    store = await Store.open(database);
  } catch (err) {
    throw new CliError(`cannot open the database ${database}: ${err instanceof Error ? err.message : String(err)}`, ExitCode.failure);
  }
  try {
    return await fn({ config, store, log: createLogger('calbridge') });
  } finally {
    await store.close();
  }
}
