/**
 * Reads a submission's snapshot for its page: jobs, attempts, transitions, the tail of every attempt's
 * log and the event id all of it is current to, in one transaction (REPEATABLE READ on PostgreSQL, the
 * one connection on SQLite). Event ids become visible in increasing order with the rows they report
 * (createJobStore), so the snapshot reflects exactly the events up to its id: a page that follows the
 * group since that id gets nothing twice and misses nothing.
 */
import type { Kysely, Transaction } from 'kysely';
import type { JobState, LogStream, StopReason } from '../jobs/index';
import type { Database } from './Database';
import type { SnapshotLog, SubmissionSnapshot } from './JobStore';
import { jobRequestColumn } from './jobRequest';
import { toAttempt } from './toAttempt';
import { toJob } from './withAttempts';

async function lastIdIn(trx: Transaction<Database>): Promise<number> {
  const row = await trx
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  const horizon = await trx
    .selectFrom('event_horizon')
    .select('horizon')
    .where('name', '=', 'events')
    .executeTakeFirst();
  return Math.max(row?.id == null ? 0 : Number(row.id), horizon ? Number(horizon.horizon) : 0);
}

/** The highest event id, counting those a sweep deleted. */
export const lastEventIdOf = (db: Kysely<Database>) => db.transaction().execute(lastIdIn);

export async function readSnapshot(
  db: Kysely<Database>,
  kind: 'sqlite' | 'postgres',
  submissionId: string,
  tailLines: number,
): Promise<SubmissionSnapshot> {
  const begin = db.transaction();
  const transaction = kind === 'postgres' ? begin.setIsolationLevel('repeatable read') : begin;
  return transaction.execute(async (trx) => {
    // First, so the snapshot (PostgreSQL takes it at the first statement) and the id agree.
    const eventId = await lastIdIn(trx);
    const jobs = await trx
      .selectFrom('jobs')
      .selectAll('jobs')
      .select(jobRequestColumn('jobs').as('job_request'))
      .where('submission_id', '=', submissionId)
      .orderBy('job_index')
      .execute();
    if (jobs.length === 0) return { eventId, jobs: [] };
    const ids = jobs.map((j) => j.id);
    const attempts = await trx
      .selectFrom('job_attempts')
      .selectAll()
      .where('job_id', 'in', ids)
      .orderBy('job_id')
      .orderBy('attempt')
      .execute();
    const transitions = await trx
      .selectFrom('job_transitions')
      .selectAll()
      .where('job_id', 'in', ids)
      .orderBy('seq')
      .execute();
    const result = [];
    for (const job of jobs) {
      const mine = attempts.filter((a) => a.job_id === job.id).map(toAttempt);
      const logs: SnapshotLog[] = [];
      for (const attempt of mine) {
        const rows = await trx
          .selectFrom('job_log_lines')
          .select(['seq', 'stream', 'time', 'text'])
          .where('job_id', '=', job.id)
          .where('attempt', '=', attempt.attempt)
          .where('seq', '>', attempt.lastSeq - tailLines)
          .orderBy('seq')
          .execute();
        const lines = rows.map((r) => ({
          seq: Number(r.seq),
          stream: r.stream as LogStream,
          time: r.time,
          text: r.text,
        }));
        logs.push({ attempt: attempt.attempt, earlier: (lines[0]?.seq ?? attempt.lastSeq + 1) - 1, lines });
      }
      result.push({
        ...toJob(job, mine),
        transitions: transitions
          .filter((t) => t.job_id === job.id)
          .map((t) => ({
            attempt: Number(t.attempt),
            state: t.state as JobState,
            time: t.time,
            message: t.message,
            reason: t.reason as StopReason | null,
          })),
        logs,
      });
    }
    return { eventId, jobs: result };
  });
}
