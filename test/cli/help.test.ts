import assert from 'node:assert/strict';
import { runCalbridge } from './cli-world.js';

const COMMANDS: ReadonlyArray<{ args: string[]; mentions: RegExp[] }> = [
  { args: ['sync'], mentions: [/--config <file>/, /--pair <name>/, /--dry-run/, /--force-deletes/] },
  { args: ['run'], mentions: [/--config <file>/, /\/healthz/, /SIGTERM/] },
  { args: ['status'], mentions: [/--config <file>/, /--json/] },
  { args: ['conflicts'], mentions: [/--config <file>/, /--pair <name>/, /show/] },
  { args: ['conflicts', 'show'], mentions: [/<id>/, /--config <file>/] },
  { args: ['login'], mentions: [/<pair>/, /--config <file>/] },
  { args: ['demo'], mentions: [/--port <n>/, /--dir <dir>/, /--interval <seconds>/, /SIGINT/] },
];

describe('calbridge --help', function () {
  this.timeout(120_000);

  it('documents every command and the exit codes', async () => {
    const run = await runCalbridge(['--help']);
    assert.equal(run.code, 0, run.stderr);
    for (const command of ['sync', 'run', 'status', 'conflicts', 'login', 'demo']) assert.match(run.stdout, new RegExp(`^  ${command} `, 'm'));
    for (const [code, words] of [[0, 'ok'], [1, 'failure'], [2, 'bad usage'], [3, 'invalid configuration'], [4, 'partial'], [5, 'safety stop']] as const) {
      assert.match(run.stdout, new RegExp(`^  ${code}  ${words}`, 'm'));
    }
  });

  for (const { args, mentions } of COMMANDS) {
    it(`${args.join(' ')} --help`, async () => {
      const run = await runCalbridge([...args, '--help']);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`^Usage: calbridge ${args.join(' ')} `, 'm'));
      for (const m of mentions) assert.match(run.stdout, m);
    });
  }
});
