import type { Command } from 'commander';
import type { ConflictRecord, ItemErrorRecord, PairStatus } from '../store/records.js';
import type { Store } from '../store/store.js';
import { withConfigOption, withContext } from './context.js';

export interface PairReport {
  readonly name: string;
  readonly lastSuccessAt?: string;
  readonly lastAttemptAt?: string;
  readonly lastError?: string;
  readonly lastCounts: Readonly<Record<string, number>>;
  readonly itemErrors: ReadonlyArray<Pick<ItemErrorRecord, 'side' | 'ref' | 'message' | 'count'>>;
  readonly conflicts: number;
}

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());

export async function pairReport(store: Store, name: string): Promise<PairReport> {
  const status: PairStatus | undefined = await store.pairStatus(name);
  const errors = await store.listItemErrors(name);
  const conflicts: ConflictRecord[] = await store.listConflicts(name);
  const lastSuccessAt = iso(status?.lastSuccessAt);
  const lastAttemptAt = iso(status?.lastAttemptAt);
  return {
    name,
    ...(lastSuccessAt ? { lastSuccessAt } : {}),
    ...(lastAttemptAt ? { lastAttemptAt } : {}),
    ...(status?.lastError ? { lastError: status.lastError } : {}),
    lastCounts: status?.lastCounts ?? {},
    itemErrors: errors.map(({ side, ref, message, count }) => ({ side, ref, message, count })),
    conflicts: conflicts.length,
  };
}

function printReport(r: PairReport): void {
  const counts = Object.entries(r.lastCounts).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  const lines = [
    `${r.name}:`,
    `  last success:  ${r.lastSuccessAt ?? 'never'}`,
    `  last attempt:  ${r.lastAttemptAt ?? 'never'}`,
    `  last counts:   ${counts}`,
    `  last error:    ${r.lastError ?? 'none'}`,
    `  item errors:   ${r.itemErrors.length}`,
    ...r.itemErrors.map((e) => `    ${e.side} ${e.ref}: ${e.message} (${e.count}×)`),
    `  conflicts:     ${r.conflicts}${r.conflicts > 0 ? ` (calbridge conflicts --pair ${r.name})` : ''}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function registerStatusCommand(program: Command): void {
  withConfigOption(program.command('status'))
    .description('per pair: last success and attempt, last counts, last error, failing items, conflicts')
    .option('--json', 'print JSON (an array, one object per pair)')
    .action(async (opts: { config?: string; json?: boolean }) => {
      await withContext(opts.config, async ({ config, store }) => {
        const reports = await Promise.all(config.pairs.map((p) => pairReport(store, p.name)));
        if (opts.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
        else reports.forEach(printReport);
      });
    });
}
