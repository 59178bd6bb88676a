import { homedir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { waitForStopSignal } from '../daemon/signals.js';
import { CALDAV_URL_PREFIX, startDemo } from '../demo/demo.js';
import { RadicaleError } from '../demo/radicale.js';
import { DEMO_USER } from '../demo/seed.js';
import { createLogger } from '../log.js';
import { CliError, ExitCode } from './exit-codes.js';

interface DemoCommandOptions {
  readonly port: number;
  readonly dir?: string;
  readonly interval: number;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('must be an integer 0-65535');
  return port;
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 1) throw new InvalidArgumentError('must be at least 1 (seconds)');
  return seconds;
}

const defaultDir = (): string => join(process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'calbridge', 'demo');

const say = (line: string): void => void process.stdout.write(`${line}\n`);

async function runDemo(opts: DemoCommandOptions): Promise<void> {
  const stopped = waitForStopSignal();
  // Quieter than the daemon by default: the demo talks on stdout; warnings and errors still reach stderr.
  const log = createLogger('calbridge-demo', process.env.CALBRIDGE_LOG_LEVEL ?? 'warn');
  let demo;
  try {
    demo = await startDemo({ port: opts.port, dir: opts.dir ?? defaultDir(), intervalMs: opts.interval * 1000, log, say });
  } catch (err) {
    if (err instanceof RadicaleError) throw new CliError(err.message, ExitCode.failure);
    throw err;
  }
  say('');
  say('Open this calendar in any CalDAV client (Thunderbird: New Calendar → On the network; khal/vdirsyncer; DAVx5):');
  say(`${CALDAV_URL_PREFIX}${demo.caldavUrl}`);
  say(`user: ${demo.username}   password: ${demo.password}`);
  say(`config: ${demo.configFile}`);
  say(`Syncing both ways every ${opts.interval} s; press Ctrl-C to stop.`);
  await stopped;
  say('stopping…');
  await demo.stop();
  say('stopped');
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('run everything locally: a Graph emulator with a seeded mailbox, Radicale, and the sync daemon')
    .option('--port <n>', 'Radicale port; 0 picks a free one', parsePort, 5232)
    .option('--dir <dir>', 'demo directory: config, SQLite database, Radicale storage (default: $XDG_STATE_HOME/calbridge/demo); reset at each start')
    .option('--interval <seconds>', 'seconds between sync cycles', parseSeconds, 10)
    .addHelpText('after', `
The seeded mailbox (${DEMO_USER}) has a weekly series with one moved and one cancelled occurrence, a
monthly series on day 31, a multi-day all-day event, and meetings in New York, Berlin and Tokyo time. Radicale is
installed with apt-get when it is missing and calbridge runs as root; otherwise the demo names the command to run.
Edit events in your CalDAV client; the changes reach the Graph mailbox within one interval.
Stops cleanly (exit 0) on SIGINT or SIGTERM.`)
    .action((opts: DemoCommandOptions) => runDemo(opts));
}
