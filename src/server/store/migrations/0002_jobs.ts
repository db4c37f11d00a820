/**
 * Migration 0002: jobs, their attempts, every state change, log lines, and the event feed with
 * increasing ids that the live channel replays ("since id"). Log lines are keyed by (job, attempt,
 * seq) so a batch retried after a lost acknowledgement is stored once.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from './Dialect';

export function jobsMigration(dialect: Dialect): Migration {
  const identity = (name: string) =>
    [
      name,
      dialect === 'sqlite' ? 'integer' : 'bigint',
      // biome-ignore lint/suspicious/noExplicitAny: Kysely's column builder type is internal
      (c: any) =>
        dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity(),
    ] as const;
  const bigint = dialect === 'sqlite' ? 'integer' : 'bigint';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
        .addColumn('instrument', 'text', (c) => c.notNull())
        .addColumn('job_index', 'integer', (c) => c.notNull())
        .addColumn('scan_index', 'integer')
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('request_text', 'text', (c) => c.notNull())
        .addColumn('max_parallel', 'integer')
        .addColumn('stop_on_failure', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('jobs_submission_index', ['submission_id', 'job_index'])
        .execute();
      await db.schema
        .createTable('job_attempts')
        .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id'))
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('cause', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('pid', 'integer')
        .addColumn('runner_id', 'text')
        .addColumn('exit_code', 'integer')
        .addColumn('signal', 'text')
        .addColumn('peak_memory_bytes', bigint)
        .addColumn('queued_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('ended_at', 'text')
        .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('job_attempts_pk', ['job_id', 'attempt'])
        .execute();
      await db.schema.createIndex('job_attempts_state').on('job_attempts').column('state').execute();
      await db.schema
        .createTable('job_transitions')
        .addColumn(...identity('seq'))
        .addColumn('job_id', 'text', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('time', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .execute();
      await db.schema
        .createIndex('job_transitions_job')
        .on('job_transitions')
        .columns(['job_id', 'attempt', 'seq'])
        .execute();
      await db.schema
        .createTable('job_log_lines')
        .addColumn('job_id', 'text', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('stream', 'text', (c) => c.notNull())
        .addColumn('time', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('job_log_lines_pk', ['job_id', 'attempt', 'seq'])
        .execute();
      await db.schema
        .createTable('events')
        .addColumn(...identity('id'))
        .addColumn('submission_id', 'text', (c) => c.notNull())
        .addColumn('instrument', 'text', (c) => c.notNull())
        .addColumn('job_id', 'text', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('events_submission')
        .on('events')
        .columns(['submission_id', 'id'])
        .execute();
      await db.schema.createIndex('events_instrument').on('events').columns(['instrument', 'id']).execute();
      await sql`select count(*) from events`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['events', 'job_log_lines', 'job_transitions', 'job_attempts', 'jobs'])
        await db.schema.dropTable(table).execute();
    },
  };
}
