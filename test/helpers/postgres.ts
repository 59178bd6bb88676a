import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server these machines run (127.0.0.1:5432, trust auth); override with CALBRIDGE_TEST_PG. */
const ADMIN_URL = process.env.CALBRIDGE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TempDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** Creates a throw-away database; `drop()` removes it. */
export async function createTempDatabase(): Promise<TempDatabase> {
  const name = `calbridge_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
