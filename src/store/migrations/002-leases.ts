import type { Knex } from 'knex';

/** One daemon instance at a time works on a pair, when several share a PostgreSQL database. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('leases', (t) => {
    t.string('pair').primary();
    t.string('holder').notNullable();
    t.bigInteger('expires_at').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('leases');
}
