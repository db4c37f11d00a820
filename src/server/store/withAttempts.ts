/**
 * Reads jobs rows with their request (their own, or their submission's: jobRequest.ts) and turns them
 * into StoredJobs with every attempt, in one more query for any number of jobs, not one per job.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from './Database';
import type { AttemptRecord, StoredJob } from './JobStore';
import type { JobsTable } from './JobTables';
import { jobRequestColumn } from './jobRequest';
import { toAttempt } from './toAttempt';

/** A jobs row with its request as jobRequestColumn reads it (its own, or its submission's). */
export type JobRow = Selectable<JobsTable> & { job_request: string };

export const toJob = (row: JobRow, attempts: AttemptRecord[]): StoredJob => ({
  id: row.id,
  submissionId: row.submission_id,
  instrument: row.instrument,
  index: Number(row.job_index),
  scanIndex: row.scan_index === null ? null : Number(row.scan_index),
  label: row.label,
  request: JSON.parse(row.job_request),
  maxParallel: row.max_parallel === null ? null : Number(row.max_parallel),
  stopOnFailure: Number(row.stop_on_failure) === 1,
  createdAt: row.created_at,
  attempts,
});

/** Every column of `jobs`, plus the job's request: its own, or its submission's (jobRequest.ts). */
export const selectJobs = (db: Kysely<Database>) =>
  db.selectFrom('jobs').selectAll('jobs').select(jobRequestColumn('jobs').as('job_request'));

/** The rows as StoredJobs, in the rows' order, each with its attempts in order. */
export async function withAttempts(db: Kysely<Database>, rows: JobRow[]): Promise<StoredJob[]> {
  if (rows.length === 0) return [];
  const attempts = await db
    .selectFrom('job_attempts')
    .selectAll()
    .where(
      'job_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('job_id')
    .orderBy('attempt')
    .execute();
  const byJob = new Map<string, AttemptRecord[]>();
  for (const a of attempts) {
    const list = byJob.get(a.job_id) ?? [];
    list.push(toAttempt(a));
    byJob.set(a.job_id, list);
  }
  return rows.map((r) => toJob(r, byJob.get(r.id) ?? []));
}
