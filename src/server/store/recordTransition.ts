/**
 * Records one state change of an attempt in one transaction: the attempt row (created on `queued`,
 * updated after), the transition kept for history, and its `state` event. A repeat of the state the
 * attempt already has is a retry and stores nothing; a change out of a final state is refused.
 */
import type { Kysely } from 'kysely';
import { FINAL_STATES, type JobState, type JobTransition } from '../jobs/index';
import { addEvent, jobOf } from './addEvent';
import type { Database } from './Database';

/** Stores `change`; the id of its event, or undefined for a retry that stored nothing. */
export function recordTransition(
  db: Kysely<Database>,
  kind: 'sqlite' | 'postgres',
  change: JobTransition,
): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => {
    const job = await jobOf(trx, change.jobId);
    const current = await trx
      .selectFrom('job_attempts')
      .selectAll()
      .where('job_id', '=', change.jobId)
      .where('attempt', '=', change.attempt)
      .executeTakeFirst();
    if (change.state === 'queued') {
      if (current) return undefined; // a retry whose acknowledgement was lost
      await trx
        .insertInto('job_attempts')
        .values({
          job_id: change.jobId,
          attempt: change.attempt,
          cause: change.cause ?? 'submitted',
          state: 'queued',
          message: change.message,
          reason: null,
          pid: null,
          runner_id: null,
          exit_code: null,
          signal: null,
          peak_memory_bytes: null,
          queued_at: change.time,
          started_at: null,
          ended_at: null,
          last_seq: 0,
        })
        .execute();
    } else {
      if (!current)
        throw new Error(`job ${change.jobId} has no attempt ${change.attempt} to move to ${change.state}`);
      if (current.state === change.state) return undefined; // a retry
      if (FINAL_STATES.has(current.state as JobState))
        throw new Error(
          `job ${change.jobId} attempt ${change.attempt} is already ${current.state}; it cannot become ${change.state}`,
        );
      const final = FINAL_STATES.has(change.state);
      await trx
        .updateTable('job_attempts')
        .set({
          state: change.state,
          message: change.message,
          ...(change.reason === undefined ? {} : { reason: change.reason }),
          ...(change.pid === undefined ? {} : { pid: change.pid }),
          ...(change.runnerId === undefined ? {} : { runner_id: change.runnerId }),
          ...(change.exitCode === undefined ? {} : { exit_code: change.exitCode }),
          ...(change.signal === undefined ? {} : { signal: change.signal }),
          ...(change.peakMemoryBytes === undefined ? {} : { peak_memory_bytes: change.peakMemoryBytes }),
          ...(change.state === 'running' ? { started_at: change.time } : {}),
          ...(final ? { ended_at: change.time } : {}),
        })
        .where('job_id', '=', change.jobId)
        .where('attempt', '=', change.attempt)
        .execute();
    }
    await trx
      .insertInto('job_transitions')
      .values({
        job_id: change.jobId,
        attempt: change.attempt,
        state: change.state,
        time: change.time,
        message: change.message,
        reason: change.reason ?? null,
      })
      .execute();
    return addEvent(trx, kind, job, change.jobId, change.attempt, 'state', change);
  });
}
