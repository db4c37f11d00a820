/**
 * The rows one accept() writes, built once in plain data: the submission, its idempotency record, each
 * job with attempt 1 `queued`, its transition and event, and the audit entry. Three writers take them
 * (Kysely's transaction, PostgreSQL's single statement, SQLite's prepared statements), so what is
 * stored cannot differ between the paths, only how many round trips it takes.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { JobTransition } from '../jobs/index';
import type { NewAuditEntry } from './AuthStore';
import type { IdempotencyKeysTable, SubmissionsTable } from './Database';
import type { AcceptedJob } from './insertAcceptedJobs';
import type { StoredJob } from './JobStore';
import type { EventsTable, JobAttemptsTable, JobsTable, JobTransitionsTable } from './JobTables';
import { storedJobRequest } from './jobRequest';
import type { AcceptExtras, IdempotencyRecord, NewSubmission } from './SubmissionStore';

export interface AcceptRows {
  readonly submission: Insertable<SubmissionsTable>;
  readonly key: Insertable<IdempotencyKeysTable>;
  /** What accept() answers with: the jobs as stored, attempt 1 queued. */
  readonly jobs: StoredJob[];
  readonly jobRows: Insertable<JobsTable>[];
  readonly attemptRows: Insertable<JobAttemptsTable>[];
  readonly transitionRows: Insertable<JobTransitionsTable>[];
  readonly eventRows: Insertable<EventsTable>[];
  readonly audit: NewAuditEntry | undefined;
}

export const submissionRow = (s: NewSubmission): Insertable<SubmissionsTable> => ({
  id: s.id,
  instrument: s.instrument,
  schema_version: s.schemaVersion,
  client_schema_version: s.clientSchemaVersion,
  status: s.status,
  proposal: s.proposal,
  submitter: s.submitter,
  idempotency_key: s.idempotencyKey,
  request_text: s.requestText,
  created_at: s.createdAt,
  defaults_revision: s.defaultsRevision ?? null,
});

const keyRow = (r: IdempotencyRecord): Insertable<IdempotencyKeysTable> => ({
  key: r.key,
  fingerprint: r.fingerprint,
  submission_id: r.submissionId,
  response_status: r.responseStatus,
  response_body: r.responseBody,
  created_at: r.createdAt,
  expires_at: r.expiresAt,
});

/** The rows of one accept(); job ids are drawn here, so a retried write stores the same ids. O(jobs). */
export function acceptRows(
  submission: NewSubmission,
  record: IdempotencyRecord,
  time: string,
  extras: AcceptExtras,
): AcceptRows {
  const accepted = extras.jobs ?? [];
  const jobs = accepted.map((a) => storedJobOf(submission, a, time));
  return {
    submission: submissionRow(submission),
    key: keyRow(record),
    jobs,
    jobRows: jobs.map((j, i) => ({
      id: j.id,
      submission_id: j.submissionId,
      instrument: j.instrument,
      job_index: j.index,
      scan_index: j.scanIndex,
      label: j.label,
      request_text: storedJobRequest(accepted[i]!.planned),
      max_parallel: j.maxParallel,
      stop_on_failure: j.stopOnFailure ? 1 : 0,
      created_at: time,
    })),
    attemptRows: jobs.map((j) => ({
      job_id: j.id,
      attempt: 1,
      cause: 'submitted',
      state: 'queued',
      message: j.attempts[0]!.message,
      queued_at: time,
      last_seq: 0,
    })),
    transitionRows: jobs.map((j) => ({
      job_id: j.id,
      attempt: 1,
      state: 'queued',
      time,
      message: j.attempts[0]!.message,
      reason: null,
    })),
    // The payload is the transition, as the recorder's transition() stores it for a later `queued`.
    eventRows: jobs.map((j) => {
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
    }),
    audit: extras.audit,
  };
}

function storedJobOf(
  submission: { readonly id: string; readonly instrument: string },
  { planned: p, queuedMessage }: AcceptedJob,
  time: string,
): StoredJob {
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
}
