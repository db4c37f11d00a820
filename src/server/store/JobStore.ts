/**
 * The storage interface of jobs: the JobRecorder the job layer reports through, plus what the service
 * and the live channel read back (jobs with their attempts and transitions, log pages, the unfinished
 * attempts recovery needs, and the event feed with increasing ids). Implemented once over Kysely for
 * SQLite and PostgreSQL (createJobStore); it never knows HTTP.
 */
import type {
  AttemptCause,
  CurveNews,
  JobRecorder,
  JobState,
  LogLine,
  LogStream,
  PlannedJob,
  StopReason,
  UnfinishedAttempt,
} from '../jobs/index';

export interface AttemptRecord {
  readonly jobId: string;
  readonly attempt: number;
  readonly cause: AttemptCause;
  readonly state: JobState;
  readonly message: string;
  readonly reason: StopReason | null;
  readonly pid: number | null;
  readonly runnerId: string | null;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly peakMemoryBytes: number | null;
  readonly queuedAt: string;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  /** How many log lines the attempt has stored (its highest seq). */
  readonly lastSeq: number;
}

export interface TransitionRecord {
  readonly attempt: number;
  readonly state: JobState;
  readonly time: string;
  readonly message: string;
  readonly reason: StopReason | null;
}

export interface StoredJob {
  readonly id: string;
  readonly submissionId: string;
  readonly instrument: string;
  readonly index: number;
  readonly scanIndex: number | null;
  readonly label: string;
  readonly request: unknown;
  readonly maxParallel: number | null;
  readonly stopOnFailure: boolean;
  readonly createdAt: string;
  /** Every attempt, oldest first; empty only between createJobs and the first `queued`. */
  readonly attempts: readonly AttemptRecord[];
}

export interface JobDetail extends StoredJob {
  /** Every transition of every attempt, in the order they were stored. */
  readonly transitions: readonly TransitionRecord[];
}

/** One stored event: a state change or a batch of log lines; ids only grow, in commit order. */
export interface LiveEvent {
  readonly id: number;
  readonly submissionId: string;
  readonly instrument: string;
  readonly jobId: string;
  readonly attempt: number;
  readonly kind: 'state' | 'log' | 'curve';
  /**
   * For `state`: the transition (state, time, message, reason, ...); for `log`: `{lines: LogLine[]}`;
   * for `curve`: `{bytes, time}`, the attempt's curve file changed (readers fetch it again).
   */
  readonly payload: unknown;
  readonly createdAt: string;
}

/** Which events a reader wants: those of some submissions, or of an instrument's queue. Absent: all. */
export interface EventFilter {
  readonly submissionIds?: readonly string[];
  readonly instrument?: string;
}

export interface StoredLogLine extends LogLine {
  readonly stream: LogStream;
}

/** A search of one attempt's log: a plain substring, case-insensitive, over seq (afterSeq, throughSeq]. */
export interface LogSearch {
  readonly needle: string;
  readonly afterSeq: number;
  /** The last seq searched (the attempt's lastSeq when the search began), so pages agree on the total. */
  readonly throughSeq: number;
  readonly limit: number;
}

/** One page of a log search: the matching lines and how many lines match up to `throughSeq` in all. */
export interface LogSearchPage {
  readonly total: number;
  readonly lines: readonly StoredLogLine[];
}

/** One attempt's log as a snapshot carries it: its last lines, and how many come before them. */
export interface SnapshotLog {
  readonly attempt: number;
  /** Lines stored before `lines` (not sent; the log routes page them). */
  readonly earlier: number;
  readonly lines: readonly StoredLogLine[];
}

/**
 * A submission's jobs as they stood at event `eventId`: read in one transaction, so every event up to
 * that id is reflected and none after it. A page shows it, then follows the group since `eventId`.
 */
export interface SubmissionSnapshot {
  readonly eventId: number;
  readonly jobs: readonly (JobDetail & { readonly logs: readonly SnapshotLog[] })[];
}

/** What one retention sweep did. */
export interface SweepResult {
  readonly deleted: number;
  /** The highest event id deleted so far, by this sweep or an earlier one (0: none). */
  readonly horizon: number;
}

export interface JobStore extends JobRecorder {
  /**
   * Records that an attempt's curve file changed: a `curve` event (payload `{bytes, time}`), so pages
   * read it again; with `text` (a broker worker's file), also keeps that text as the attempt's curve.
   */
  curveChanged(jobId: string, attempt: number, change: CurveNews): Promise<void>;
  /** The curve text a worker sent for the attempt (the latest), or undefined. */
  storedCurve(
    jobId: string,
    attempt: number,
  ): Promise<{ text: string; bytes: number; time: string } | undefined>;
  /** The submission's jobs, transitions and the last `tailLines` lines of each attempt, at one event id. */
  snapshot(submissionId: string, tailLines: number): Promise<SubmissionSnapshot>;
  /**
   * Deletes the events created before `before` (ISO time) of jobs with no queued or running attempt,
   * always keeping the newest event (so ids never restart); raises the horizon to the highest id
   * deleted. Jobs, transitions and log lines stay: only the replay feed is trimmed. At most `limit`
   * events (default 10,000) per call, one transaction each: call again while `deleted` equals it.
   */
  sweepEvents(before: string, limit?: number): Promise<SweepResult>;
  /** The highest event id ever deleted by a sweep (0: none): a resume below it must reload. */
  eventHorizon(): Promise<number>;
  /**
   * Gives the planned jobs of a submission their ids and stores them in one transaction. Calling it
   * again for the same submission returns the jobs already stored (a retry creates no second copy).
   */
  createJobs(submissionId: string, instrument: string, planned: readonly PlannedJob[]): Promise<StoredJob[]>;
  jobsOf(submissionId: string): Promise<StoredJob[]>;
  /** The jobs of many submissions in one read (a list page's states), by submission then index. */
  jobsOfSubmissions(submissionIds: readonly string[]): Promise<StoredJob[]>;
  getJob(jobId: string): Promise<JobDetail | undefined>;
  /** Lines of one attempt with seq > afterSeq, in order, at most `limit`. */
  readLog(jobId: string, attempt: number, afterSeq: number, limit: number): Promise<StoredLogLine[]>;
  /**
   * Lines of one attempt containing `search.needle` (plain substring: % and _ are literal; case
   * ignored), with seq in (afterSeq, throughSeq], in order, at most `limit`, and the count of every
   * match up to throughSeq. O(lines of the attempt).
   */
  searchLog(jobId: string, attempt: number, search: LogSearch): Promise<LogSearchPage>;
  /** The latest attempt of every job whose latest attempt is queued or running (for recoverJobs). */
  unfinished(): Promise<UnfinishedAttempt[]>;
  /**
   * Accepted submissions with no job stored: the server stopped between committing the submission
   * and createJobs. Oldest first.
   */
  submissionsWithoutJobs(): Promise<{ id: string; instrument: string; requestText: string }[]>;
  /** Jobs stored without any attempt (the server stopped between createJobs and enqueue). */
  unstarted(): Promise<StoredJob[]>;
  /** Events with id > afterId, in id order, at most `limit`. */
  eventsSince(afterId: number, filter: EventFilter, limit: number): Promise<LiveEvent[]>;
  /** The highest event id stored, or deleted by a sweep (0 when none). */
  lastEventId(): Promise<number>;
  /**
   * Calls `wake` whenever events may have been stored, by this process (after commit) or, on
   * PostgreSQL, by another process (LISTEN/NOTIFY, payload the event id). A wake-up is a hint: the
   * reader reads the rows after its own cursor, so a lost or repeated hint loses or repeats nothing.
   * Returns the unsubscribe function.
   */
  onEvent(wake: (id: number) => void): () => void;
}
