/**
 * The DispatchLedger over Kysely, the same queries on SQLite and PostgreSQL: marks attempts handed to
 * the broker (job_attempts.dispatched_at, migration 0004) and reads back, per submission and per
 * instrument, the jobs out on the cluster, and the ones still queued. Kept apart from createJobStore: only the `stomp`
 * dispatcher uses it, and it never writes an event.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { DispatchLedger } from '../jobs/index';
import type { Database } from './Database';
import { isLatestAttempt } from './latestAttempt';

export function createDispatchLedger(db: Kysely<Database>): DispatchLedger {
  /** The latest attempt of each job of the submission: one that no later attempt of its job follows. */
  const latestOf = (submissionId: string) =>
    db
      .selectFrom('job_attempts as a')
      .innerJoin('jobs as j', 'j.id', 'a.job_id')
      .where('j.submission_id', '=', submissionId)
      .where(isLatestAttempt);

  /** Latest attempts that are running, or queued and handed to the broker. */
  const out = (eb: ExpressionBuilder<Database & { a: Database['job_attempts'] }, 'a'>) =>
    eb.or([
      eb('a.state', '=', 'running'),
      eb.and([eb('a.state', '=', 'queued'), eb('a.dispatched_at', 'is not', null)]),
    ]);

  return {
    async markDispatched(jobId, attempt, time) {
      await db
        .updateTable('job_attempts')
        .set({ dispatched_at: time })
        .where('job_id', '=', jobId)
        .where('attempt', '=', attempt)
        .execute();
    },

    async outstanding(submissionId) {
      const rows = await latestOf(submissionId)
        .select('a.job_id')
        .where(out)
        .orderBy('j.job_index')
        .execute();
      return rows.map((r) => r.job_id);
    },

    async outstandingOfInstrument(instrument) {
      // Reads attempts by state first (index job_attempts_state, migration 0002): the few not final,
      // never the instrument's whole history.
      const rows = await db
        .selectFrom('job_attempts as a')
        .innerJoin('jobs as j', 'j.id', 'a.job_id')
        .select('a.job_id')
        .where('a.state', 'in', ['running', 'queued'])
        .where(out)
        .where('j.instrument', '=', instrument)
        .where(isLatestAttempt)
        .orderBy('a.job_id')
        .execute();
      return rows.map((r) => r.job_id);
    },

    async policyOf(jobId) {
      const row = await db
        .selectFrom('jobs')
        .select(['submission_id', 'scan_index', 'stop_on_failure'])
        .where('id', '=', jobId)
        .executeTakeFirst();
      return (
        row && {
          submissionId: row.submission_id,
          scanIndex: row.scan_index === null ? null : Number(row.scan_index),
          stopOnFailure: Number(row.stop_on_failure) === 1,
        }
      );
    },

    async queuedOf(submissionId) {
      const rows = await latestOf(submissionId)
        .select(['a.job_id', 'a.attempt'])
        .where('a.state', '=', 'queued')
        .orderBy('j.job_index')
        .execute();
      return rows.map((r) => ({ jobId: r.job_id, attempt: Number(r.attempt) }));
    },
  };
}
