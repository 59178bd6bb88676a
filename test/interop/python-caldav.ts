// Drives caldav_client.py (python3-caldav under Debian's /usr/bin/python3) against a running CalDAV server.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DavServer } from '../helpers/dav-servers.js';

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'caldav_client.py');

export interface PythonObject {
  readonly uid: string;
  readonly summary: string;
}

export interface PythonEventObject extends PythonObject {
  /** CLASS, 'PUBLIC' when absent. */
  readonly class: string;
  readonly description: string;
  /** ATTENDEE values ('mailto:…'), sorted. */
  readonly attendees: string[];
}

export interface PythonOccurrence extends PythonObject {
  /** UTC ISO with 'Z', or 'YYYY-MM-DD' for DATE values. */
  readonly start: string;
  readonly end: string;
  readonly recurrence_id: string[];
}

export interface PythonRead {
  readonly objects: PythonEventObject[];
  readonly occurrences: PythonOccurrence[];
}

export class PythonCaldavError extends Error {
  constructor(
    readonly action: string,
    readonly stderr: string,
  ) {
    super(`caldav_client.py ${action} failed: ${stderr.trim().split('\n').slice(-5).join('\n')}`);
    this.name = 'PythonCaldavError';
  }
}

/** Why python3-caldav cannot run here, or undefined when it can. */
export function pythonCaldavMissing(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  if (!existsSync('/usr/lib/python3/dist-packages/caldav')) return 'python3-caldav is not installed (apt-get install python3-caldav)';
  return undefined;
}

function run<T>(dav: DavServer, calendar: string, request: Record<string, unknown>): Promise<T> {
  const input = JSON.stringify({ url: dav.calendarHomeUrl, username: dav.username, password: dav.password, calendar, ...request });
  return new Promise((resolve, reject) => {
    const child = execFile(PYTHON, [SCRIPT], { timeout: 30_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new PythonCaldavError(String(request.action), `${err.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as T);
    });
    child.stdin?.end(input);
  });
}

/**
 * Lists the calendar's objects and its occurrences in [start, end) as python3-caldav expands them: asking the
 * server (CALDAV:expand, RFC 4791 §9.6.5) or, with `expand: 'client'`, expanding with recurring_ical_events itself.
 */
export function readWithPython(dav: DavServer, calendar: string, range: { start: string; end: string }, expand: 'server' | 'client' = 'server'): Promise<PythonRead> {
  return run<PythonRead>(dav, calendar, { action: 'read', ...range, expand });
}

/** Saves each ICS text as a new event, as a python3-caldav user would. */
export function writeWithPython(dav: DavServer, calendar: string, events: readonly string[]): Promise<{ saved: string[] }> {
  return run(dav, calendar, { action: 'write', events });
}
