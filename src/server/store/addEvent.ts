/**
 * Stores a live event inside the transaction that stores what it reports, so an event exists exactly
 * when its change does. On PostgreSQL it takes one advisory lock until commit, so event ids become
 * visible in increasing order (a reader resuming "after id N" never misses a smaller id committed
 * later), and NOTIFY carries the id to other processes at commit, never for a rollback.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from './Database';
import { EVENT_CHANNEL, EVENT_LOCK } from './insertAcceptedJobs';
import type { LiveEvent } from './JobStore';

/** The job's submission and instrument, which every event carries; throws for an unknown job. */
export async function jobOf(trx: Transaction<Database>, jobId: string) {
  const job = await trx
    .selectFrom('jobs')
    .select(['submission_id', 'instrument'])
    .where('id', '=', jobId)
    .executeTakeFirst();
  if (!job) throw new Error(`job ${jobId} is not stored`);
  return job;
}

/** Inserts the event inside `trx`, ordered and announced; returns its id. */
export async function addEvent(
  trx: Transaction<Database>,
  kind: 'sqlite' | 'postgres',
  job: { submission_id: string; instrument: string },
  jobId: string,
  attempt: number,
  eventKind: LiveEvent['kind'],
  payload: unknown,
): Promise<number> {
  if (kind === 'postgres') await sql`select pg_advisory_xact_lock(${EVENT_LOCK})`.execute(trx);
  const row = await trx
    .insertInto('events')
    .values({
      submission_id: job.submission_id,
      instrument: job.instrument,
      job_id: jobId,
      attempt,
      kind: eventKind,
      payload: JSON.stringify(payload),
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  // Delivered by PostgreSQL at commit, never for a rolled-back transaction.
  if (kind === 'postgres') await sql`select pg_notify(${EVENT_CHANNEL}, ${String(id)})`.execute(trx);
  return id;
}
