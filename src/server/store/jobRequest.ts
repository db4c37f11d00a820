/**
 * A job's request, stored once. A job that reduces all scans together (scanIndex null: "average", or a
 * request without a job choice) runs the submission's request itself, so its row keeps no copy of the
 * ~4 kB text: `jobs.request_text` is '' (never valid JSON, so never a stored request) and readers take
 * `submissions.request_text`. A per-scan job's request differs (one scan) and is stored whole. Rows
 * written before this change keep their copy and read as before.
 */
import { type RawBuilder, sql } from 'kysely';
import type { PlannedJob } from '../jobs/index';

/** What `jobs.request_text` holds for a job that runs its submission's request. */
export const SUBMISSION_REQUEST = '';

/**
 * The text to store for a planned job. planJobs gives a job whose scanIndex is null the request it
 * was given, the submission's own (the store's test "reads back every job's request" holds it to that).
 */
export const storedJobRequest = (planned: Pick<PlannedJob, 'scanIndex' | 'request'>): string =>
  planned.scanIndex === null ? SUBMISSION_REQUEST : JSON.stringify(planned.request);

/**
 * The job's request text as a selected column `job_request`: its own, or its submission's. `table` is
 * the name or alias the query gives the jobs table.
 */
export const jobRequestColumn = (table: string): RawBuilder<string> =>
  sql<string>`coalesce(nullif(${sql.ref(`${table}.request_text`)}, ''), (select s.request_text from submissions s where s.id = ${sql.ref(`${table}.submission_id`)}))`;
