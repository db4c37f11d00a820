/**
 * Stores a submission's planned jobs once: called again for the same submission (a retry, or another
 * process planning it at the same moment) it returns the jobs already stored, never a second copy.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlannedJob } from '../jobs/index';
import type { Database } from './Database';
import type { StoredJob } from './JobStore';
import { storedJobRequest } from './jobRequest';
import { selectJobs, toJob, withAttempts } from './withAttempts';

/** The submission's jobs in index order: the ones stored before, or `planned`, stored now. */
export async function createJobs(
  db: Kysely<Database>,
  submissionId: string,
  instrument: string,
  planned: readonly PlannedJob[],
): Promise<StoredJob[]> {
  const existing = await selectJobs(db).where('submission_id', '=', submissionId).execute();
  if (existing.length > 0)
    return withAttempts(
      db,
      existing.sort((a, b) => a.job_index - b.job_index),
    );
  const now = new Date().toISOString();
  const rows = planned.map((p) => ({
    id: randomUUID(),
    submission_id: submissionId,
    instrument,
    job_index: p.index,
    scan_index: p.scanIndex,
    label: p.label,
    request_text: storedJobRequest(p),
    max_parallel: p.maxParallel ?? null,
    stop_on_failure: p.stopOnFailure === true ? 1 : 0,
    created_at: now,
  }));
  try {
    await db.transaction().execute(async (trx) => {
      for (const row of rows) await trx.insertInto('jobs').values(row).execute();
    });
  } catch (error) {
    // Another process planned the same submission at the same time: its jobs stand.
    const raced = await selectJobs(db).where('submission_id', '=', submissionId).execute();
    if (raced.length === 0) throw error;
    return withAttempts(
      db,
      raced.sort((a, b) => a.job_index - b.job_index),
    );
  }
  return rows.map((r, i) => toJob({ ...r, job_request: JSON.stringify(planned[i]!.request) }, []));
}
