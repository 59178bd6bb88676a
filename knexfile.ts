// knex CLI entry (npx knex --knexfile knexfile.ts migrate:latest). The daemon runs the same
// migrations itself at start; see src/store.
const url = process.env.CALBRIDGE_DATABASE ?? 'sqlite:./calbridge.db';

const config = url.startsWith('postgres')
  ? { client: 'pg', connection: url, migrations: { directory: './src/store/migrations', loadExtensions: ['.ts', '.js'] } }
  : {
      client: 'sqlite3',
      connection: { filename: url.replace(/^sqlite:/, '') },
      useNullAsDefault: true,
      migrations: { directory: './src/store/migrations', loadExtensions: ['.ts', '.js'] },
    };

export default config;
