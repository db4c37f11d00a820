/**
 * The jobs of a submission being accepted, written inside accept()'s transaction: job rows, each
 * job's first attempt already `queued`, its transition and its event, one multi-row insert per table.
 * Before, the same rows took three transactions (the submission, the jobs, then `queued` through the
 * recorder) and about a dozen statements; a server stopping between them left a submission without
 * jobs for recovery to heal. Now they commit with the submission and its key, or not at all. This is
 * the general writer (Kysely, any back end); acceptOnPostgres and acceptOnSqlite write the same rows
 * (acceptRows.ts) in fewer round trips.
 */
import { sql, type Transaction } from 'kysely';
import type { PlannedJob } from '../jobs/index';
import type { AcceptRows } from './acceptRows';
import type { Database } from './Database';

/** Arbitrary constant naming the advisory lock that orders event commits (createJobStore's). */
export const EVENT_LOCK = 7_342_001;
/** The NOTIFY channel; its payload is the event id. */
export const EVENT_CHANNEL = 'formulary_events';

/**
 * A job planned from the accepted request, and what its `queued` transition says (the dispatcher's
 * words). A job whose `planned.scanIndex` is null runs the submission's request as stored, which its
 * row then does not copy (jobRequest.ts): planJobs gives such a job the request it was given.
 */
export interface AcceptedJob {
  readonly planned: PlannedJob;
  readonly queuedMessage: string;
}

/**
 * Inserts the jobs and the audit entry of `rows` (the submission and key are the caller's); returns the
 * highest event id (0 when there were no jobs), to wake the readers after commit.
 */
export async function insertAcceptedJobs(
  trx: Transaction<Database>,
  kind: 'sqlite' | 'postgres',
  rows: AcceptRows,
): Promise<number> {
  if (rows.audit) await trx.insertInto('audit_log').values(rows.audit).execute();
  if (rows.jobRows.length === 0) return 0;
  await trx.insertInto('jobs').values(rows.jobRows).execute();
  await trx.insertInto('job_attempts').values(rows.attemptRows).execute();
  await trx.insertInto('job_transitions').values(rows.transitionRows).execute();
  if (kind === 'postgres') await sql`select pg_advisory_xact_lock(${EVENT_LOCK})`.execute(trx);
  const ids = (await trx.insertInto('events').values(rows.eventRows).returning('id').execute()).map((r) =>
    Number(r.id),
  );
  // Delivered by PostgreSQL at commit, never for a rolled-back transaction.
  if (kind === 'postgres')
    for (const id of ids) await sql`select pg_notify(${EVENT_CHANNEL}, ${String(id)})`.execute(trx);
  return Math.max(...ids);
}
