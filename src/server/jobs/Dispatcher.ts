/**
 * What the server asks of whatever runs its jobs: take an attempt, cancel a job, say what is queued
 * and running, close. `LocalDispatcher` runs child processes on this host; a broker dispatcher
 * (issue 24) publishes to reduction nodes instead and reports through the same JobRecorder.
 */
import type { JobAttempt } from './JobTypes';

/**
 * What cancel found: a queued attempt is cancelled at once; a running (or just arriving) one is being
 * stopped and ends `cancelled` once its processes are gone.
 */
export type CancelResult = 'cancelled' | 'stopping' | 'not-found';

export interface DispatcherSnapshot {
  readonly queued: number;
  readonly running: number;
  /** Counts per instrument id. */
  readonly byInstrument: Readonly<Record<string, { readonly queued: number; readonly running: number }>>;
}

export interface EnqueueOptions {
  readonly alreadyQueued?: boolean;
}

export interface CloseOptions {
  /** Let running jobs finish for this long before stopping them (default 0: stop at once). */
  readonly drainMs?: number;
}

export interface Dispatcher {
  /** `local` or `stomp`: shown in logs and the health check. */
  readonly kind: string;
  /**
   * Records `queued` for the attempt (acknowledged before this resolves) and schedules it. For a
   * re-run, pass the next attempt number with cause "rerun". Refuses an attempt of a job that is
   * already queued or running here. With `alreadyQueued` (recovery), the store has `queued` for it
   * and nothing is recorded again.
   */
  enqueue(attempt: JobAttempt, options?: EnqueueOptions): Promise<void>;
  /**
   * What the `queued` transition of a first attempt says: recorded by enqueue, or, for the jobs of
   * a new submission, stored with the submission itself (then enqueued with `alreadyQueued`).
   */
  queuedMessage(attempt: Pick<JobAttempt, 'instrument' | 'request'>): string;
  /** Cancels the job's queued or running attempt; running ones end as `cancelled` once their processes are gone. */
  cancel(jobId: string, message?: string): Promise<CancelResult>;
  snapshot(): DispatcherSnapshot;
  /** Resolves once every attempt it started has a final state recorded (for tests and shutdown). */
  idle(): Promise<void>;
  /**
   * Stops taking work. Queued attempts stay `queued` in the store (recoverJobs queues them at the
   * next start); running ones get `drainMs` to finish, then end `interrupted` and a next attempt is
   * recorded `queued` with cause "shutdown".
   */
  close(options?: CloseOptions): Promise<void>;
}
