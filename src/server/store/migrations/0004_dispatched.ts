/**
 * Migration 0004: when an attempt was handed to the broker (`job_attempts.dispatched_at`). A request's
 * `maxParallelJobs` counts the jobs out on the cluster; with this column that count comes from the
 * database, so a restarted server (or a second server process) keeps to it instead of starting afresh.
 */
import { type Kysely, type Migration, sql } from 'kysely';

export function dispatchedMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('job_attempts').addColumn('dispatched_at', 'text').execute();
      // The count reads a submission's jobs; jobs_submission_index (submission_id, job_index) serves it.
      await sql`select count(dispatched_at) from job_attempts`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('job_attempts').dropColumn('dispatched_at').execute();
    },
  };
}
