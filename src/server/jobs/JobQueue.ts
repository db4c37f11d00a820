/**
 * The waiting line of a dispatcher: first in, first out, except that an attempt whose instrument (or
 * submission, by its request's `maxParallelJobs`) is at its limit lets later attempts pass. One
 * instrument's long queue then never blocks another's jobs while the total limit still holds.
 * The line is a Map by job id (Map keeps insertion order): enqueue checks "already waiting?" for
 * every submission, and with thousands waiting an array scan there was the dispatcher's whole cost.
 */
import type { JobAttempt } from './JobTypes';

export class JobQueue {
  /** Waiting attempts by job id, in arrival order. */
  private waiting = new Map<string, JobAttempt>();
  private readonly runningBy = new Map<string, number>();
  private readonly runningOf = new Map<string, number>();
  private runningTotal = 0;

  /**
   * @param maxTotal most attempts running at once
   * @param limitOf most attempts of one instrument running at once
   */
  constructor(
    private readonly maxTotal: number,
    private readonly limitOf: (instrument: string) => number,
  ) {}

  /** Appends an attempt; a job waits at most once (the dispatcher refuses a second). O(1). */
  push(attempt: JobAttempt): void {
    this.waiting.set(attempt.jobId, attempt);
  }

  /** Removes the waiting attempt of `jobId`; returns it, or undefined. O(1). */
  remove(jobId: string): JobAttempt | undefined {
    const attempt = this.waiting.get(jobId);
    if (attempt !== undefined) this.waiting.delete(jobId);
    return attempt;
  }

  /** O(1). */
  has(jobId: string): boolean {
    return this.waiting.has(jobId);
  }

  get size(): number {
    return this.waiting.size;
  }

  /**
   * The next attempt allowed to start, counted as running; undefined when none may start. O(1) while
   * the total limit is reached (the common case with a long line), else O(attempts passed over).
   */
  take(): JobAttempt | undefined {
    if (this.runningTotal >= this.maxTotal) return undefined;
    let attempt: JobAttempt | undefined;
    for (const a of this.waiting.values()) {
      if (
        (this.runningBy.get(a.instrument) ?? 0) < this.limitOf(a.instrument) &&
        (a.maxParallel === undefined || (this.runningOf.get(a.submissionId) ?? 0) < a.maxParallel)
      ) {
        attempt = a;
        break;
      }
    }
    if (attempt === undefined) return undefined;
    this.waiting.delete(attempt.jobId);
    this.runningBy.set(attempt.instrument, (this.runningBy.get(attempt.instrument) ?? 0) + 1);
    this.runningOf.set(attempt.submissionId, (this.runningOf.get(attempt.submissionId) ?? 0) + 1);
    this.runningTotal++;
    return attempt;
  }

  /** Frees the slot an attempt from take() held. */
  release(attempt: JobAttempt): void {
    this.runningBy.set(attempt.instrument, (this.runningBy.get(attempt.instrument) ?? 1) - 1);
    const ofSubmission = (this.runningOf.get(attempt.submissionId) ?? 1) - 1;
    if (ofSubmission === 0) this.runningOf.delete(attempt.submissionId);
    else this.runningOf.set(attempt.submissionId, ofSubmission);
    this.runningTotal--;
  }

  /** Removes and returns the waiting attempts of a submission that `test` picks. O(waiting). */
  removeWhere(test: (attempt: JobAttempt) => boolean): JobAttempt[] {
    const removed = [...this.waiting.values()].filter(test);
    for (const a of removed) this.waiting.delete(a.jobId);
    return removed;
  }

  /** Empties the line and returns what waited. */
  drain(): JobAttempt[] {
    const all = [...this.waiting.values()];
    this.waiting = new Map();
    return all;
  }

  /** The waiting attempts in arrival order (a copy: O(waiting)). */
  waitingList(): readonly JobAttempt[] {
    return [...this.waiting.values()];
  }
}
