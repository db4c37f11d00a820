/**
 * The vocabulary of the job layer: states, attempts, transitions and log lines. Plain data that a
 * store can persist and a live channel can send as JSON as they are (times are ISO 8601 strings).
 * No behaviour here, so the store, the live events and a later broker dispatcher share it freely.
 */

/** A job attempt's state; the last five are final. `timed_out` is shown as "timed out". */
export type JobState =
  | 'queued'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'timed_out'
  | 'interrupted';

export const FINAL_STATES: ReadonlySet<JobState> = new Set([
  'succeeded',
  'failed',
  'cancelled',
  'timed_out',
  'interrupted',
]);

/** Words for a state, as a page or a log line shows it. */
export const STATE_LABELS: Readonly<Record<JobState, string>> = {
  queued: 'queued',
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  cancelled: 'cancelled',
  timed_out: 'timed out',
  interrupted: 'interrupted',
};

/** Why an attempt exists: the first of a submission, a user's re-run, or a restart that queued it again. */
export type AttemptCause = 'submitted' | 'rerun' | 'recovery' | 'shutdown';

/**
 * Why an attempt ended the way it did, stored beside its final state: `exit` (the process ended by
 * itself, with `exitCode`), `signal` (killed by a signal nobody here sent), a limit, a user's cancel,
 * the server shutting down, a start that failed, or a restart that found it running.
 */
export type StopReason =
  | 'exit'
  | 'signal'
  | 'time-limit'
  | 'memory-limit'
  | 'cancel'
  | 'shutdown'
  | 'spawn-error'
  | 'no-task'
  | 'recovery';

/** One attempt of one job: what a dispatcher is asked to run. Re-running a job is attempt n+1. */
export interface JobAttempt {
  /** The job's id as the store gave it; letters, digits, `-` and `_` (it names a folder). */
  readonly jobId: string;
  /** 1 for the first run; each re-run or requeue adds one. */
  readonly attempt: number;
  readonly submissionId: string;
  /** The instrument id (the catalogue id), which picks the task to run. */
  readonly instrument: string;
  /** Which scan this job reduces when each scan is reduced alone; null when all scans go together. */
  readonly scanIndex: number | null;
  /** The request this job reduces (for a per-scan job, `job.scans` holds that one scan). */
  readonly request: unknown;
  readonly cause: AttemptCause;
  /**
   * At most this many jobs of the same submission run at once: the request's own `maxParallelJobs`
   * (planJobs reads it). Absent: no limit beyond the instrument's and the server's.
   */
  readonly maxParallel?: number;
  /** When a job of the submission fails, its queued siblings are cancelled (`continueOnFailure: false`). */
  readonly stopOnFailure?: boolean;
}

/** One state change, as the recorder stores it. */
export interface JobTransition {
  readonly jobId: string;
  readonly attempt: number;
  readonly state: JobState;
  /** ISO 8601 time of the change. */
  readonly time: string;
  /** What a scientist reads: for a failure, the last error line the process printed. */
  readonly message: string;
  /** Set on final states. */
  readonly reason?: StopReason;
  /** Set on `queued`. */
  readonly cause?: AttemptCause;
  /** Set on `running`: the process (and process group) id, so a restart can find a leftover. */
  readonly pid?: number;
  /** Set on `running`: which runner started it (see LocalDispatcherOptions.runnerId). */
  readonly runnerId?: string;
  /** Set on final states of attempts that ran: the exit code, or null when a signal ended it. */
  readonly exitCode?: number | null;
  readonly signal?: string | null;
  /** Set on final states of attempts that ran: the largest memory seen for the process tree. */
  readonly peakMemoryBytes?: number;
}

export type LogStream = 'stdout' | 'stderr' | 'system';

/** One stored line of an attempt's log; `seq` counts from 1 per attempt with no gaps. */
export interface LogLine {
  readonly seq: number;
  readonly stream: LogStream;
  /** ISO 8601 time the line was read. */
  readonly time: string;
  readonly text: string;
}
