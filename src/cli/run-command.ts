import type { Command } from 'commander';
import { startDaemon } from '../daemon/daemon.js';
import { waitForStopSignal } from '../daemon/signals.js';
import { withConfigOption, withContext } from './context.js';

export function registerRunCommand(program: Command): void {
  withConfigOption(program.command('run'))
    .description('run the daemon: each pair on its interval (with jitter) until SIGTERM/SIGINT, which lets the write in flight finish')
    .addHelpText('after', '\nWith `http:` in the configuration it serves GET /healthz (200 when every pair\'s last cycle succeeded, else 503) and GET /metrics (Prometheus).\nWith a PostgreSQL database, several instances may run: each pair is synced by one instance at a time (leases).')
    .action(async (opts: { config?: string }) => {
      const stopped = waitForStopSignal();
      await withContext(opts.config, async ({ config, store, log }) => {
        const daemon = await startDaemon({ config, store, log });
        log.info({ pairs: config.pairs.map((p) => p.name), http: daemon.http?.url }, 'calbridge daemon started');
        const signal = await stopped;
        log.info({ signal }, 'stopping: letting the writes in flight finish');
        await daemon.stop();
        log.info('calbridge daemon stopped');
      });
    });
}
