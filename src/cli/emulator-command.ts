import { InvalidArgumentError, type Command } from 'commander';
import { startEmulator } from '../emulator/index.js';
import { SeedError } from '../emulator/seed.js';
import { waitForStopSignal } from '../daemon/signals.js';
import { CliError, ExitCode } from './exit-codes.js';

/** `calbridge emulator`: serve the Graph emulator (see src/emulator/index.ts) until SIGINT/SIGTERM. */

interface EmulatorCommandOptions {
  readonly host: string;
  readonly port: number;
  readonly http?: boolean;
  readonly seed?: string;
  readonly approveDeviceCodes?: string;
}

/** The two stdout lines other tools parse; keep them stable. */
export const LISTENING_PREFIX = 'graph emulator listening on ';
export const CA_FILE_PREFIX = 'ca file: ';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('must be an integer 0-65535');
  return port;
}

const OUTPUT_HELP = `
Output (stdout, one line each, then nothing until it stops):
  ${LISTENING_PREFIX}<baseUrl>     e.g. https://127.0.0.1:8443 — Graph is at <baseUrl>/v1.0 and <baseUrl>/beta
  ${CA_FILE_PREFIX}<path>                      (https only) PEM of the CA generated at start; trust it, e.g.
                                      NODE_EXTRA_CA_CERTS=<path> for Node clients
Endpoints:
  <baseUrl>/<tenant>/oauth2/v2.0/token|devicecode   OAuth2 (MSAL: authority <baseUrl>/<tenant>,
                                                     knownAuthorities [<host:port>])
  <baseUrl>/_emulator/...                            test-only control API (faults, clock, tokens, stats)
Stops cleanly (exit 0) on SIGINT or SIGTERM.`;

async function runEmulator(opts: EmulatorCommandOptions): Promise<void> {
  const stopped = waitForStopSignal();
  let emulator;
  try {
    emulator = await startEmulator({
      host: opts.host,
      port: opts.port,
      tls: !opts.http,
      ...(opts.seed !== undefined ? { seedFile: opts.seed } : {}),
      ...(opts.approveDeviceCodes !== undefined ? { deviceCodeAutoApprove: { afterPolls: 1, upn: opts.approveDeviceCodes } } : {}),
    });
  } catch (err) {
    if (err instanceof SeedError) throw new CliError(err.message, ExitCode.usage);
    if (err instanceof Error && 'code' in err && (err.code === 'ENOENT' || err.code === 'EADDRINUSE' || err.code === 'EACCES')) {
      throw new CliError(err.message, err.code === 'ENOENT' ? ExitCode.usage : ExitCode.failure);
    }
    throw err;
  }
  process.stdout.write(`${LISTENING_PREFIX}${emulator.baseUrl}\n`);
  if (emulator.caFile !== undefined) process.stdout.write(`${CA_FILE_PREFIX}${emulator.caFile}\n`);
  await stopped;
  await emulator.close();
}

export function registerEmulatorCommand(program: Command): void {
  program
    .command('emulator')
    .description('run the bundled Microsoft Graph calendar emulator (Graph v1.0/beta, OAuth2 token endpoint, control API)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'port to listen on; 0 picks a free one (printed)', parsePort, 0)
    .option('--http', 'serve plain http instead of https (the Graph JS client and MSAL need https)')
    .option('--seed <file>', 'JSON or YAML seed file replayed as Graph requests at start (config/emulator-seed.example.json)')
    .option('--approve-device-codes <upn>', 'sign every device-code login in as <upn> at its first poll (demos, no human)')
    .addHelpText('after', OUTPUT_HELP)
    .action((opts: EmulatorCommandOptions) => runEmulator(opts));
}
