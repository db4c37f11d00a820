/**
 * The one narrow way the job layer reports what happens: state changes and batches of log lines. The
 * store implements it (and commits before it resolves); tests use MemoryJobRecorder. Nothing else in
 * this folder knows where jobs are kept, so a broker dispatcher reports through the same two calls.
 */
import type { JobTransition, LogLine } from './JobTypes';

/**
 * The contract, which the runner and dispatchers keep and MemoryJobRecorder checks:
 * 1. A promise resolves only once the call is durable (committed). The job layer treats a resolved
 *    call as the acknowledgement and a rejected one as "not stored" (see point 5).
 * 2. Calls for one attempt never overlap and arrive in order: `queued`, `running`, log batches in
 *    `seq` order, then exactly one final state. A new attempt of the same job starts with `queued`.
 * 3. `running` is sent as soon as the process has started (it carries the pid) and before any of its
 *    log lines; the final state is sent only after the whole process group has ended, its output is
 *    read to the end, and every log batch was acknowledged. So a store that says "succeeded" has the
 *    whole log, and a job still "running" in the store after a crash is found by recoverJobs.
 * 5. A refused call is retried (by default until it is stored; the attempt keeps its concurrency slot
 *    meanwhile), so a database that restarts loses nothing and a finished job is never run twice.
 * 4. appendLog may be called again with a batch the recorder stored but whose acknowledgement was
 *    lost (a retry): it must keep (jobId, attempt, seq) unique, storing such lines once.
 */
export interface JobRecorder {
  transition(change: JobTransition): Promise<void>;
  appendLog(jobId: string, attempt: number, lines: readonly LogLine[]): Promise<void>;
  /**
   * Optional: the attempt's curve file changed (size or time), so pages read it again. Sent only
   * between `running` and the final state; a recorder without it simply gets no curve news. `text`,
   * when given, is the file's content (a broker worker's file may be on a node the server cannot
   * read): the recorder keeps it as the attempt's curve.
   */
  curveChanged?(jobId: string, attempt: number, change: CurveNews): Promise<void>;
}

/** A curve file's change: its size and modification time, and with a broker worker its text. */
export interface CurveNews {
  readonly bytes: number;
  readonly time: string;
  readonly text?: string;
}
