// knex CLI entry (npx knex --knexfile knexfile.ts migrate:latest). The daemon runs the same migrations
// itself at start (src/store/open.ts); the database URL comes from $CALBRIDGE_DATABASE.
import type { Knex } from 'knex';
import { knexConfigFor } from './src/store/open.js';

const config: Knex.Config = knexConfigFor(process.env.CALBRIDGE_DATABASE ?? 'sqlite:./calbridge.db');

export default config;
