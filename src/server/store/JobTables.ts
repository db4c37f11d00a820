/**
 * The job tables as Kysely sees them (migration 0002): jobs, their attempts, every state change, log
 * lines and the event feed the live channel replays. Kept apart from Database.ts so the submission
 * tables and the job tables can change independently.
 */
import type { Generated } from 'kysely';

export interface JobsTable {
  id: string;
  submission_id: string;
  instrument: string;
  job_index: number;
  scan_index: number | null;
  label: string;
  /** The job's own request (planJobs' output), JSON text. */
  request_text: string;
  max_parallel: number | null;
  stop_on_failure: number;
  created_at: string;
}

export interface JobAttemptsTable {
  job_id: string;
  attempt: number;
  cause: string;
  state: string;
  message: string;
  reason: string | null;
  pid: number | null;
  runner_id: string | null;
  exit_code: number | null;
  signal: string | null;
  peak_memory_bytes: number | null;
  queued_at: string;
  started_at: string | null;
  ended_at: string | null;
  /** Highest stored log seq (0: none), for recovery and paging. */
  last_seq: number;
  /** When the attempt was handed to the broker (migration 0004); null: not (yet) sent. */
  dispatched_at: string | null;
}

export interface JobTransitionsTable {
  seq: Generated<number>;
  job_id: string;
  attempt: number;
  state: string;
  time: string;
  message: string;
  reason: string | null;
}

export interface JobLogLinesTable {
  job_id: string;
  attempt: number;
  seq: number;
  stream: string;
  time: string;
  text: string;
}

export interface EventsTable {
  id: Generated<number>;
  submission_id: string;
  instrument: string;
  job_id: string;
  attempt: number;
  /** `state`, `log` or `curve`. */
  kind: string;
  /** The event's body as JSON text (a transition, or a batch of lines). */
  payload: string;
  created_at: string;
}

/** Migration 0005: one row (`name` = 'events'), the highest event id the retention sweep deleted. */
export interface EventHorizonTable {
  name: string;
  horizon: number;
}

/** The latest curve text a broker worker sent per attempt (its folder may be on another node). */
export interface JobCurvesTable {
  job_id: string;
  attempt: number;
  text: string;
  bytes: number;
  time: string;
}

export interface JobTables {
  jobs: JobsTable;
  job_attempts: JobAttemptsTable;
  job_transitions: JobTransitionsTable;
  job_log_lines: JobLogLinesTable;
  events: EventsTable;
  event_horizon: EventHorizonTable;
  job_curves: JobCurvesTable;
}
