import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { migrationSource } from './migration-source.js';

export class DatabaseUrlError extends Error {
  constructor(readonly url: string) {
    super(`unsupported database URL "${url}" (want sqlite:PATH or postgres://…)`);
    this.name = 'DatabaseUrlError';
  }
}

/** knex settings for `sqlite:PATH` (default) or `postgres://…` URLs. */
export function knexConfigFor(url: string): Knex.Config {
  const migrations = { migrationSource, tableName: 'knex_migrations' };
  if (/^postgres(ql)?:\/\//.test(url)) {
    return { client: 'pg', connection: url, pool: { min: 0, max: 4 }, migrations };
  }
  if (url.startsWith('sqlite:')) {
    const filename = url.slice('sqlite:'.length);
    return {
      client: 'sqlite3',
      connection: { filename },
      useNullAsDefault: true,
      // One connection: SQLite serialises writers anyway, and foreign keys are per connection.
      pool: {
        min: 1,
        max: 1,
        afterCreate: (conn: { run(sql: string, cb: (err: Error | null) => void): void }, done: (err: Error | null, conn: unknown) => void) => {
          conn.run('PRAGMA foreign_keys = ON', (err) => {
            if (err) return done(err, conn);
            conn.run('PRAGMA journal_mode = WAL', (err2) => done(err2, conn));
          });
        },
      },
      migrations,
    };
  }
  throw new DatabaseUrlError(url);
}

/** Opens the database, creating the SQLite file's folder, and brings the schema up to date. */
export async function openDatabase(url: string): Promise<Knex> {
  if (url.startsWith('sqlite:') && url !== 'sqlite::memory:') {
    mkdirSync(dirname(url.slice('sqlite:'.length)), { recursive: true });
  }
  const db = knexFactory(knexConfigFor(url));
  await db.migrate.latest();
  return db;
}
