import { InvalidArgumentError, type Command } from 'commander';
import { CliError, ExitCode } from './exit-codes.js';
import { withConfigOption, withContext } from './context.js';

function parseId(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1) throw new InvalidArgumentError('must be a conflict id (a positive integer)');
  return id;
}

const SIDE_TEXT = { graph: 'Graph', caldav: 'CalDAV' } as const;

export function registerConflictsCommand(program: Command): void {
  const conflicts = withConfigOption(program.command('conflicts'))
    .description('list field conflicts settled by the pair’s policy; the losing versions are kept')
    .option('--pair <name>', 'only this pair')
    .action(async (opts: { config?: string; pair?: string }) => {
      await withContext(opts.config, async ({ store }) => {
        const list = await store.listConflicts(opts.pair);
        if (list.length === 0) {
          process.stdout.write('no conflicts\n');
          return;
        }
        process.stdout.write(`${'ID'.padEnd(6)}${'PAIR'.padEnd(14)}${'WHEN'.padEnd(26)}${'WINNER'.padEnd(8)}FIELDS  UID\n`);
        for (const c of list) {
          process.stdout.write(`${String(c.id).padEnd(6)}${c.pair.padEnd(14)}${new Date(c.createdAt).toISOString().padEnd(26)}${SIDE_TEXT[c.winner].padEnd(8)}${c.fields.join(',')}  ${c.uid}\n`);
        }
      });
    });
  withConfigOption(conflicts.command('show'))
    .description('print the losing version of one conflict as JSON (the neutral calendar model)')
    .argument('<id>', 'conflict id from `calbridge conflicts`', parseId)
    .action(async (id: number, opts: { config?: string }, command: Command) => {
      // --config may be given before `show` (parent option) or after it.
      const flag = opts.config ?? (command.parent?.opts() as { config?: string } | undefined)?.config;
      await withContext(flag, async ({ store }) => {
        const conflict = await store.getConflict(id);
        if (!conflict) throw new CliError(`no conflict with id ${id}`, ExitCode.usage);
        process.stdout.write(`${JSON.stringify({ ...conflict, createdAt: new Date(conflict.createdAt).toISOString() }, null, 2)}\n`);
      });
    });
}
