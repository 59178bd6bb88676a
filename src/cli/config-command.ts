import type { Command } from 'commander';
import { configPath, loadConfig } from '../config/load.js';
import { configJsonSchema } from '../config/schema.js';

/** `calbridge config schema|check`. */
export function registerConfigCommand(program: Command): void {
  const config = program.command('config').description('inspect the configuration');
  config
    .command('schema')
    .description('print the JSON Schema of the YAML configuration (for editors)')
    .action(() => {
      process.stdout.write(JSON.stringify(configJsonSchema(), null, 2) + '\n');
    });
  config
    .command('check')
    .description('validate a configuration file, resolving secret references; prints the pairs it defines')
    .option('--config <file>', 'configuration file (default: $CALBRIDGE_CONFIG, then /etc/calbridge/config.yaml)')
    .action((opts: { config?: string }) => {
      const file = configPath(opts.config);
      const loaded = loadConfig(file);
      for (const pair of loaded.pairs) {
        process.stdout.write(`${pair.name}: ${pair.graph.user ?? '(signed-in user)'} ⇄ ${pair.caldav.url} (${pair.direction})\n`);
      }
    });
}
