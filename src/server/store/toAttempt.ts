/**
 * A stored job_attempts row as the AttemptRecord the service and pages read: numbers from either
 * driver's integers, nulls kept. Shared by the job reads and the snapshot (readSnapshot.ts), so both
 * describe an attempt the same way.
 */
import type { Selectable } from 'kysely';
import type { AttemptCause, JobState, StopReason } from '../jobs/index';
import type { AttemptRecord } from './JobStore';
import type { JobAttemptsTable } from './JobTables';

export const toAttempt = (row: Selectable<JobAttemptsTable>): AttemptRecord => ({
  jobId: row.job_id,
  attempt: Number(row.attempt),
  cause: row.cause as AttemptCause,
  state: row.state as JobState,
  message: row.message,
  reason: row.reason as StopReason | null,
  pid: row.pid === null ? null : Number(row.pid),
  runnerId: row.runner_id,
  exitCode: row.exit_code === null ? null : Number(row.exit_code),
  signal: row.signal,
  peakMemoryBytes: row.peak_memory_bytes === null ? null : Number(row.peak_memory_bytes),
  queuedAt: row.queued_at,
  startedAt: row.started_at,
  endedAt: row.ended_at,
  lastSeq: Number(row.last_seq),
});
