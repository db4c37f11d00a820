/**
 * The waiting line of a dispatcher: first in, first out, except that an attempt whose instrument (or
 * submission, by its request's `maxParallelJobs`) is at its limit lets later attempts pass. One
 * instrument's long queue then never blocks another's jobs while the total limit still holds.
 */
import type { JobAttempt } from './JobTypes';

export class JobQueue {
  private waiting: JobAttempt[] = [];
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

  push(attempt: JobAttempt): void {
    this.waiting.push(attempt);
  }

  /** Removes the waiting attempt of `jobId`; returns it, or undefined. O(waiting). */
  remove(jobId: string): JobAttempt | undefined {
    const index = this.waiting.findIndex((a) => a.jobId === jobId);
    if (index < 0) return undefined;
    return this.waiting.splice(index, 1)[0];
  }

  has(jobId: string): boolean {
    return this.waiting.some((a) => a.jobId === jobId);
  }

  /** The next attempt allowed to start, counted as running; undefined when none may start. O(waiting). */
  take(): JobAttempt | undefined {
    if (this.runningTotal >= this.maxTotal) return undefined;
    const index = this.waiting.findIndex(
      (a) =>
        (this.runningBy.get(a.instrument) ?? 0) < this.limitOf(a.instrument) &&
        (a.maxParallel === undefined || (this.runningOf.get(a.submissionId) ?? 0) < a.maxParallel),
    );
    if (index < 0) return undefined;
    const attempt = this.waiting.splice(index, 1)[0]!;
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
    const removed = this.waiting.filter(test);
    this.waiting = this.waiting.filter((a) => !test(a));
    return removed;
  }

  /** Empties the line and returns what waited. */
  drain(): JobAttempt[] {
    const all = this.waiting;
    this.waiting = [];
    return all;
  }

  waitingList(): readonly JobAttempt[] {
    return this.waiting;
  }
}
