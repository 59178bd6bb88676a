import type { Knex } from 'knex';

/**
 * Occurrence/exception id → series master id, as delta rounds report them. A later `@removed` names only the
 * occurrence's id (graph-api.md §6.2), so this index tells which series to re-read.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('graph_instances', (t) => {
    t.string('pair').notNullable().references('name').inTable('pairs').onDelete('CASCADE');
    t.string('instance_id').notNullable();
    t.string('master_id').notNullable();
    t.primary(['pair', 'instance_id']);
  });
  // Items a cycle could not finish: the next cycle reads them again from both sides, whatever the cursors say.
  await knex.schema.createTable('rereads', (t) => {
    t.string('pair').notNullable().references('name').inTable('pairs').onDelete('CASCADE');
    t.string('uid').notNullable();
    t.string('graph_ref');
    t.string('caldav_ref');
    t.primary(['pair', 'uid']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('rereads');
  await knex.schema.dropTableIfExists('graph_instances');
}
