/**
 * Migration 0006: instrument defaults edited by staff. An overlay on the schema's defaults (one row
 * per changed field), the append-only history of every change (who, when, field, old -> new), and a
 * revision per instrument that each change bumps (the defaults' ETag; on PostgreSQL its row lock
 * orders concurrent saves).
 */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from './Dialect';

export function defaultsMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('instrument_defaults')
        .addColumn('instrument', 'text', (c) => c.notNull())
        .addColumn('pointer', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('changed_by', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('instrument_defaults_pk', ['instrument', 'pointer'])
        .execute();
      await db.schema
        .createTable('default_changes')
        .addColumn('seq', dialect === 'sqlite' ? 'integer' : 'bigint', (c) =>
          dialect === 'sqlite'
            ? c.primaryKey().autoIncrement()
            : c.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn('instrument', 'text', (c) => c.notNull())
        .addColumn('pointer', 'text', (c) => c.notNull())
        .addColumn('old_value', 'text')
        .addColumn('new_value', 'text')
        .addColumn('reset', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('changed_by', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('default_changes_instrument')
        .on('default_changes')
        .columns(['instrument', 'seq'])
        .execute();
      await db.schema
        .createTable('default_revisions')
        .addColumn('instrument', 'text', (c) => c.primaryKey())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['default_revisions', 'default_changes', 'instrument_defaults'])
        await db.schema.dropTable(table).execute();
    },
  };
}
