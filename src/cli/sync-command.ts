import type { Command } from 'commander';
import { runPairCycle } from '../daemon/pair-cycle.js';
import { CliError, ExitCode, type ExitCodeValue } from './exit-codes.js';
import { selectPairs, withConfigOption, withContext } from './context.js';
import { actionLine, summaryLine } from './plan-format.js';

interface SyncOptions {
  readonly config?: string;
  readonly pair?: string;
  readonly dryRun?: boolean;
  readonly forceDeletes?: boolean;
}

/** The worst outcome wins: failure over safety stop over partial. */
const SEVERITY: readonly ExitCodeValue[] = [ExitCode.ok, ExitCode.partial, ExitCode.safetyStop, ExitCode.failure];
const worse = (a: ExitCodeValue, b: ExitCodeValue): ExitCodeValue => (SEVERITY.indexOf(a) >= SEVERITY.indexOf(b) ? a : b);

const OUTCOME_TEXT: Readonly<Record<ExitCodeValue, string>> = {
  [ExitCode.ok]: 'ok',
  [ExitCode.failure]: 'a pair failed (see above and the log)',
  [ExitCode.usage]: 'bad usage',
  [ExitCode.config]: 'invalid configuration',
  [ExitCode.partial]: 'some items were not synced; they are retried next cycle (calbridge status lists them)',
  [ExitCode.safetyStop]: 'a pair was stopped by the mass-deletion guard; nothing was written for it',
};

async function runSync(opts: SyncOptions): Promise<ExitCodeValue> {
  return withContext(opts.config, async ({ config, store, log }) => {
    let code: ExitCodeValue = ExitCode.ok;
    for (const pair of selectPairs(config, opts.pair)) {
      const result = await runPairCycle(pair, store, log, { ...(opts.dryRun ? { dryRun: true } : {}), ...(opts.forceDeletes ? { allowMassDelete: true } : {}) });
      if (result.kind === 'failed') {
        process.stdout.write(`${pair.name}: failed: ${result.error}\n`);
        code = worse(code, ExitCode.failure);
        continue;
      }
      const { report } = result;
      if (opts.dryRun || report.plan.blocked) for (const action of report.plan.actions) process.stdout.write(`  ${actionLine(action)}\n`);
      process.stdout.write(`${summaryLine(report)}\n`);
      if (report.plan.blocked) code = worse(code, ExitCode.safetyStop);
      else if (report.deferred.length > 0) code = worse(code, ExitCode.partial);
    }
    return code;
  });
}

export function registerSyncCommand(program: Command): void {
  withConfigOption(program.command('sync'))
    .description('run one sync cycle for every pair (or one), then exit')
    .option('--pair <name>', 'only this pair')
    .option('--dry-run', 'read both sides and print the plan, one line per item; write nothing (not even the status)')
    .option('--force-deletes', 'run even when the cycle would delete more than the pair’s deleteThreshold of a calendar')
    .action(async (opts: SyncOptions) => {
      const code = await runSync(opts);
      if (code !== ExitCode.ok) throw new CliError(OUTCOME_TEXT[code], code);
    });
}
