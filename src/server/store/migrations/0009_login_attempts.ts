/**
 * Migration 0009: the sign-in attempt counters, one row per key ("address:<ip>" or "account:<name>")
 * holding the attempts of its current window and when that window ends. In the database rather than
 * in each process's memory, so every server process on one database counts the same attempts and a
 * restart forgets none. The index on `resets_at` lets the sweep find expired windows without a scan.
 */
import type { Kysely, Migration } from 'kysely';

export function loginAttemptsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('login_attempts')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('resets_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('login_attempts_expiry').on('login_attempts').column('resets_at').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('login_attempts').execute();
    },
  };
}
