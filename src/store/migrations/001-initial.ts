import type { Knex } from 'knex';

/**
 * The sync state. One row per (pair, series) in `items` is the mapping table: Graph master/single id ⇄
 * CalDAV href and UID, the versions last seen on each side, and the last synced model (the 3-way merge base).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('pairs', (t) => {
    t.string('name').primary();
    t.string('graph_calendar_id');
    t.string('caldav_calendar_url');
    t.bigInteger('last_success_at');
    t.bigInteger('last_attempt_at');
    t.text('last_error');
    t.text('last_counts');
  });
  await knex.schema.createTable('items', (t) => {
    t.increments('id').primary();
    t.string('pair').notNullable().references('name').inTable('pairs').onDelete('CASCADE');
    t.string('uid').notNullable();
    t.string('graph_id');
    t.string('caldav_href');
    t.string('graph_change_key');
    t.string('caldav_etag');
    t.string('graph_fingerprint');
    t.string('caldav_fingerprint');
    t.text('base');
    t.bigInteger('updated_at').notNullable();
    t.unique(['pair', 'uid']);
    t.unique(['pair', 'graph_id']);
    t.unique(['pair', 'caldav_href']);
  });
  await knex.schema.createTable('cursors', (t) => {
    t.string('pair').notNullable().references('name').inTable('pairs').onDelete('CASCADE');
    t.string('side').notNullable();
    t.string('scope').notNullable();
    t.text('value').notNullable();
    t.bigInteger('updated_at').notNullable();
    t.primary(['pair', 'side', 'scope']);
  });
  await knex.schema.createTable('journal', (t) => {
    t.increments('id').primary();
    t.string('pair').notNullable().references('name').inTable('pairs').onDelete('CASCADE');
    t.string('uid').notNullable();
    t.string('operation').notNullable();
    t.string('idempotency_key').notNullable();
    t.text('payload');
    t.string('state').notNullable();
    t.text('outcome');
    t.bigInteger('created_at').notNullable();
    t.bigInteger('finished_at');
    t.index(['pair', 'state']);
  });
  await knex.schema.createTable('conflicts', (t) => {
    t.increments('id').primary();
    t.string('pair').notNullable().references('name').inTable('pairs').onDelete('CASCADE');
    t.string('uid').notNullable();
    t.string('fields').notNullable();
    t.string('winner').notNullable();
    t.text('losing_version').notNullable();
    t.bigInteger('created_at').notNullable();
    t.index(['pair', 'created_at']);
  });
  await knex.schema.createTable('item_errors', (t) => {
    t.string('pair').notNullable().references('name').inTable('pairs').onDelete('CASCADE');
    t.string('side').notNullable();
    t.string('ref').notNullable();
    t.text('message').notNullable();
    t.integer('count').notNullable();
    t.bigInteger('first_seen').notNullable();
    t.bigInteger('last_seen').notNullable();
    t.primary(['pair', 'side', 'ref']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['item_errors', 'conflicts', 'journal', 'cursors', 'items', 'pairs']) {
    await knex.schema.dropTableIfExists(table);
  }
}
