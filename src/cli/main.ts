#!/usr/bin/env node
import { runCli } from './program.js';

const code = await runCli(process.argv);
// Long-running commands (emulator, run, demo) keep the event loop alive; only a failure sets the code here.
if (code !== 0) process.exitCode = code;
