/**
 * Migration 0005: the event horizon, one row holding the highest event id the retention sweep has
 * deleted. A client resuming "since" an id below it may have missed deleted events, so it is told to
 * reload its snapshot instead; and the feed's last id never goes below it, even with the table empty.
 */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from './Dialect';

export function eventHorizonMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('event_horizon')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('horizon', dialect === 'sqlite' ? 'integer' : 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('events_created').on('events').column('created_at').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('events_created').execute();
      await db.schema.dropTable('event_horizon').execute();
    },
  };
}
