import type { Knex } from 'knex';
import * as initial from './migrations/001-initial.js';
import * as leases from './migrations/002-leases.js';
import * as graphInstances from './migrations/003-graph-instances.js';

/**
 * Migrations are listed here rather than discovered on disk, so the same code runs from src/ (tsx) and
 * from dist/ (compiled), and from the knex CLI through knexfile.ts.
 */
const MIGRATIONS: ReadonlyArray<readonly [string, Knex.Migration]> = [
  ['001-initial', initial],
  ['002-leases', leases],
  ['003-graph-instances', graphInstances],
];

export const migrationSource: Knex.MigrationSource<readonly [string, Knex.Migration]> = {
  getMigrations: async () => [...MIGRATIONS],
  getMigrationName: ([name]) => name,
  getMigration: async ([, migration]) => migration,
};
