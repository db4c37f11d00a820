/**
 * The waiting line of a dispatcher: first in, first out, except that an attempt whose instrument is
 * at its concurrency limit lets later attempts of other instruments pass. One instrument's long
 * queue then never blocks another's jobs while the total limit still holds.
 */
import type { JobAttempt } from './JobTypes';

export class JobQueue {
  private waiting: JobAttempt[] = [];
  private readonly runningBy = new Map<string, number>();
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
      (a) => (this.runningBy.get(a.instrument) ?? 0) < this.limitOf(a.instrument),
    );
    if (index < 0) return undefined;
    const attempt = this.waiting.splice(index, 1)[0]!;
    this.runningBy.set(attempt.instrument, (this.runningBy.get(attempt.instrument) ?? 0) + 1);
    this.runningTotal++;
    return attempt;
  }

  /** Frees the slot an attempt from take() held. */
  release(attempt: JobAttempt): void {
    this.runningBy.set(attempt.instrument, (this.runningBy.get(attempt.instrument) ?? 1) - 1);
    this.runningTotal--;
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
