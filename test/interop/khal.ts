// khal (Debian's 0.10.5) reading a CalDAV server's collection folder as a vdir, with its own config, database and
// HOME in a temp dir so it never touches the real home.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DavServer } from '../helpers/dav-servers.js';

const KHAL = '/usr/bin/khal';

export class KhalError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
  ) {
    super(`khal ${args.join(' ')} failed: ${stderr.trim().split('\n').slice(-5).join('\n')}`);
    this.name = 'KhalError';
  }
}

export function khalMissing(): string | undefined {
  return existsSync(KHAL) ? undefined : `${KHAL} not found (apt-get install khal)`;
}

/**
 * Both servers keep a collection as a plain folder of .ics files (a vdir khal can read) at the collection's URL path
 * under their storage root: Radicale under collections/collection-root/, Xandikos under data/ (a git working
 * tree). test/helpers/dav-servers.ts makes that storage as calbridge-<server>-* in os.tmpdir(); collection names
 * repeat across runs, so the caller starts the server with TMPDIR pointing at a dir of its own (withPrivateTmpdir)
 * and passes that dir here.
 */
export function collectionFolder(storageParent: string, server: DavServer['kind'], collectionUrl: string): string {
  const root = server === 'radicale' ? join('collections', 'collection-root') : 'data';
  const path = decodeURIComponent(new URL(collectionUrl).pathname);
  const hits = readdirSync(storageParent)
    .filter((d) => d.startsWith(`calbridge-${server}-`))
    .map((d) => join(storageParent, d, root, path))
    .filter((p) => existsSync(p));
  if (hits.length !== 1) throw new Error(`expected one ${server} folder for ${collectionUrl} in ${storageParent}, found ${hits.length}`);
  return hits[0]!;
}

/** Runs `start` with os.tmpdir() answering `dir`, so the servers it launches keep their storage there. */
export async function withPrivateTmpdir<T>(dir: string, start: () => Promise<T>): Promise<T> {
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    return await start();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

/** One line of `khal list`: the day it is listed under and the event's start/end as khal formats them. */
export interface KhalLine {
  readonly day: string;
  /** 'YYYY-MM-DD HH:MM' Berlin time, or 'YYYY-MM-DD' for all-day events (end inclusive, as khal shows it). */
  readonly start: string;
  readonly end: string;
  readonly title: string;
}

export interface Khal {
  /** `khal list` over [from, to): one line per event per day it touches. */
  list(from: string, to: string): Promise<KhalLine[]>;
  close(): void;
}

const DAY_MARK = 'DAY ';
const SEP = ' | ';

/** A khal set up for one vdir, showing times in Europe/Berlin. */
export function khalFor(vdir: string): Khal {
  const home = mkdtempSync(join(tmpdir(), 'calbridge-khal-'));
  const config = join(home, 'khal.conf');
  writeFileSync(config, [
    '[calendars]',
    '[[work]]',
    `path = ${vdir}`,
    'type = calendar',
    '[locale]',
    'timeformat = %H:%M',
    'dateformat = %Y-%m-%d',
    'longdateformat = %Y-%m-%d',
    'datetimeformat = %Y-%m-%d %H:%M',
    'longdatetimeformat = %Y-%m-%d %H:%M',
    'default_timezone = Europe/Berlin',
    'local_timezone = Europe/Berlin',
    '[sqlite]',
    `path = ${join(home, 'khal.db')}`,
    '',
  ].join('\n'));
  // TZ=UTC: khal must take Berlin from its config, not from the machine.
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home, XDG_CACHE_HOME: home, TZ: 'UTC', LANG: 'C.UTF-8' };
  return {
    list(from, to) {
      const args = ['-c', config, 'list', '--day-format', `${DAY_MARK}{date}`, '--format', ['{start}', '{end}', '{title}'].join(SEP), from, to];
      return new Promise((resolve, reject) => {
        execFile(KHAL, args, { env, timeout: 30_000 }, (err, stdout, stderr) => {
          if (err) reject(new KhalError(args, `${err.message}\n${stderr}`));
          else resolve(parseList(stdout));
        });
      });
    },
    close: () => rmSync(home, { recursive: true, force: true }),
  };
}

function parseList(stdout: string): KhalLine[] {
  const lines: KhalLine[] = [];
  let day = '';
  for (const line of stdout.split('\n').map((l) => l.trim()).filter(Boolean)) {
    if (line.startsWith(DAY_MARK)) {
      day = line.slice(DAY_MARK.length);
      continue;
    }
    const [start, end, ...title] = line.split(SEP);
    lines.push({ day, start: start ?? '', end: end ?? '', title: title.join(SEP) });
  }
  return lines;
}
