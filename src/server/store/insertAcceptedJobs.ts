/**
 * The jobs of a submission being accepted, written inside accept()'s transaction: job rows, each
 * job's first attempt already `queued`, its transition and its event, one multi-row insert per table.
 * Before, the same rows took three transactions (the submission, the jobs, then `queued` through the
 * recorder) and about a dozen statements; a server stopping between them left a submission without
 * jobs for recovery to heal. Now they commit with the submission and its key, or not at all.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { JobTransition, PlannedJob } from '../jobs/index';
import type { Database } from './Database';
import type { StoredJob } from './JobStore';

/** Arbitrary constant naming the advisory lock that orders event commits (createJobStore's). */
export const EVENT_LOCK = 7_342_001;
/** The NOTIFY channel; its payload is the event id. */
export const EVENT_CHANNEL = 'formulary_events';

/** A job planned from the accepted request, and what its `queued` transition says (the dispatcher's words). */
export interface AcceptedJob {
  readonly planned: PlannedJob;
  readonly queuedMessage: string;
}

/**
 * Inserts the jobs of `submission` with attempt 1 queued (cause "submitted") at `time`; returns the
 * stored jobs and the highest event id (0 when there were no jobs), to wake the readers after commit.
 */
export async function insertAcceptedJobs(
  trx: Transaction<Database>,
  kind: 'sqlite' | 'postgres',
  submission: { readonly id: string; readonly instrument: string },
  accepted: readonly AcceptedJob[],
  time: string,
): Promise<{ jobs: StoredJob[]; lastEventId: number }> {
  if (accepted.length === 0) return { jobs: [], lastEventId: 0 };
  const jobs: StoredJob[] = accepted.map(({ planned: p, queuedMessage }) => {
    const id = randomUUID();
    return {
      id,
      submissionId: submission.id,
      instrument: submission.instrument,
      index: p.index,
      scanIndex: p.scanIndex,
      label: p.label,
      request: p.request,
      maxParallel: p.maxParallel ?? null,
      stopOnFailure: p.stopOnFailure === true,
      createdAt: time,
      attempts: [
        {
          jobId: id,
          attempt: 1,
          cause: 'submitted',
          state: 'queued',
          message: queuedMessage,
          reason: null,
          pid: null,
          runnerId: null,
          exitCode: null,
          signal: null,
          peakMemoryBytes: null,
          queuedAt: time,
          startedAt: null,
          endedAt: null,
          lastSeq: 0,
        },
      ],
    };
  });
  await trx
    .insertInto('jobs')
    .values(
      jobs.map((j) => ({
        id: j.id,
        submission_id: j.submissionId,
        instrument: j.instrument,
        job_index: j.index,
        scan_index: j.scanIndex,
        label: j.label,
        request_text: JSON.stringify(j.request),
        max_parallel: j.maxParallel,
        stop_on_failure: j.stopOnFailure ? 1 : 0,
        created_at: time,
      })),
    )
    .execute();
  await trx
    .insertInto('job_attempts')
    .values(
      jobs.map((j) => ({
        job_id: j.id,
        attempt: 1,
        cause: 'submitted',
        state: 'queued',
        message: j.attempts[0]!.message,
        reason: null,
        pid: null,
        runner_id: null,
        exit_code: null,
        signal: null,
        peak_memory_bytes: null,
        queued_at: time,
        started_at: null,
        ended_at: null,
        last_seq: 0,
      })),
    )
    .execute();
  await trx
    .insertInto('job_transitions')
    .values(
      jobs.map((j) => ({
        job_id: j.id,
        attempt: 1,
        state: 'queued',
        time,
        message: j.attempts[0]!.message,
        reason: null,
      })),
    )
    .execute();
  if (kind === 'postgres') await sql`select pg_advisory_xact_lock(${EVENT_LOCK})`.execute(trx);
  // The payload is the transition, as the recorder's transition() stores it for a later `queued`.
  const eventRows = jobs.map((j) => {
    const change: JobTransition = {
      jobId: j.id,
      attempt: 1,
      state: 'queued',
      time,
      message: j.attempts[0]!.message,
      cause: 'submitted',
    };
    return {
      submission_id: submission.id,
      instrument: submission.instrument,
      job_id: j.id,
      attempt: 1,
      kind: 'state',
      payload: JSON.stringify(change),
      created_at: time,
    };
  });
  const ids = (await trx.insertInto('events').values(eventRows).returning('id').execute()).map((r) =>
    Number(r.id),
  );
  // Delivered by PostgreSQL at commit, never for a rolled-back transaction.
  if (kind === 'postgres')
    for (const id of ids) await sql`select pg_notify(${EVENT_CHANNEL}, ${String(id)})`.execute(trx);
  return { jobs, lastEventId: Math.max(...ids) };
}
