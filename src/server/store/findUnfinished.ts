/**
 * What start-up recovery (recoverJobs) reads to pick up where a stopped server left off: attempts
 * still queued or running, accepted submissions whose jobs were never stored, and jobs never started.
 */
import type { Kysely } from 'kysely';
import type { AttemptCause, UnfinishedAttempt } from '../jobs/index';
import type { Database } from './Database';
import type { StoredJob } from './JobStore';
import { jobRequestColumn } from './jobRequest';
import { isLatestAttempt } from './latestAttempt';
import { toJob } from './withAttempts';

/** The latest attempt of every job whose latest attempt is queued or running, oldest queued first. */
export async function findUnfinished(db: Kysely<Database>): Promise<UnfinishedAttempt[]> {
  const rows = await db
    .selectFrom('job_attempts as a')
    .innerJoin('jobs as j', 'j.id', 'a.job_id')
    .selectAll('a')
    .select([
      'j.submission_id',
      'j.instrument',
      'j.scan_index',
      jobRequestColumn('j').as('job_request'),
      'j.max_parallel',
      'j.stop_on_failure',
      (eb) =>
        eb
          .selectFrom('job_attempts as r')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('r.job_id', '=', 'a.job_id')
          .where('r.cause', '=', 'recovery')
          .as('recoveries'),
    ])
    .where('a.state', 'in', ['queued', 'running'])
    .where(isLatestAttempt)
    .orderBy('a.queued_at')
    .execute();
  return rows.map(
    (r): UnfinishedAttempt => ({
      jobId: r.job_id,
      attempt: Number(r.attempt),
      submissionId: r.submission_id,
      instrument: r.instrument,
      scanIndex: r.scan_index === null ? null : Number(r.scan_index),
      request: JSON.parse(r.job_request),
      cause: r.cause as AttemptCause,
      ...(r.max_parallel === null ? {} : { maxParallel: Number(r.max_parallel) }),
      ...(Number(r.stop_on_failure) === 1 ? { stopOnFailure: true } : {}),
      state: r.state as 'queued' | 'running',
      runnerId: r.runner_id,
      pid: r.pid === null ? null : Number(r.pid),
      lastSeq: Number(r.last_seq),
      recoveries: Number(r.recoveries),
    }),
  );
}

/** Accepted submissions with no job stored, oldest first. */
export async function findSubmissionsWithoutJobs(
  db: Kysely<Database>,
): Promise<{ id: string; instrument: string; requestText: string }[]> {
  const rows = await db
    .selectFrom('submissions as s')
    .select(['s.id', 's.instrument', 's.request_text'])
    .where('s.status', '=', 'accepted')
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('jobs as j').select('j.id').whereRef('j.submission_id', '=', 's.id'))),
    )
    .orderBy('s.seq')
    .execute();
  return rows.map((r) => ({ id: r.id, instrument: r.instrument, requestText: r.request_text }));
}

/** Jobs stored without any attempt, oldest first. */
export async function findUnstarted(db: Kysely<Database>): Promise<StoredJob[]> {
  const rows = await db
    .selectFrom('jobs as j')
    .selectAll('j')
    .select(jobRequestColumn('j').as('job_request'))
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('job_attempts as a').select('a.attempt').whereRef('a.job_id', '=', 'j.id')),
      ),
    )
    .orderBy('j.created_at')
    .orderBy('j.job_index')
    .execute();
  return rows.map((r) => toJob(r, []));
}
