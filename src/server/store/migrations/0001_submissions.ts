/**
 * Migration 0001: submissions and the idempotency records that keep each one accepted once. Later
 * issues add tables in later files (jobs, job transitions, log lines, events with increasing ids,
 * users): never edit a migration that has shipped, add the next one.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from './Dialect';

export function submissionsMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('submissions')
        // The insertion order, newest-first cursor. SQLite's AUTOINCREMENT never reuses a deleted id;
        // PostgreSQL's identity column does the same across processes.
        .addColumn('seq', dialect === 'sqlite' ? 'integer' : 'bigint', (c) =>
          dialect === 'sqlite'
            ? c.primaryKey().autoIncrement()
            : c.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('instrument', 'text', (c) => c.notNull())
        .addColumn('schema_version', 'integer', (c) => c.notNull())
        .addColumn('client_schema_version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('proposal', 'text')
        .addColumn('submitter', 'text')
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('request_text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      for (const [name, columns] of [
        ['submissions_instrument_seq', ['instrument', 'seq']],
        ['submissions_proposal_seq', ['proposal', 'seq']],
        ['submissions_submitter_seq', ['submitter', 'seq']],
        ['submissions_key', ['idempotency_key']],
        ['submissions_created_at', ['created_at']],
      ] as const) {
        await db.schema
          .createIndex(name)
          .on('submissions')
          .columns([...columns])
          .execute();
      }
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
        .addColumn('response_status', 'integer', (c) => c.notNull())
        .addColumn('response_body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('idempotency_keys_expires_at')
        .on('idempotency_keys')
        .column('expires_at')
        .execute();
      // A marker query both dialects accept, so a broken migration fails here and not at first use.
      await sql`select count(*) from submissions`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('idempotency_keys').execute();
      await db.schema.dropTable('submissions').execute();
    },
  };
}
