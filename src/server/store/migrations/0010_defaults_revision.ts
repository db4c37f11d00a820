/**
 * Migration 0010: which instrument defaults a submitted request was made against. The form sends the
 * revision of the defaults overlay its values started from (X-Defaults-Revision); null for clients
 * that do not say (scripts, the embed, submissions made before this column).
 */
import type { Kysely, Migration } from 'kysely';

export function defaultsRevisionMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('submissions').addColumn('defaults_revision', 'integer').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('submissions').dropColumn('defaults_revision').execute();
    },
  };
}
