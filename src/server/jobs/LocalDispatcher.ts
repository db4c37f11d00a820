/**
 * The embedded dispatcher: runs attempts as child processes of this server, as many at once as the
 * configuration allows (per instrument and in all), in arrival order otherwise. It holds no state a
 * restart needs: the store does, through the JobRecorder, and recoverJobs picks up from there.
 */
import { hostname } from 'node:os';
import type {
  CancelResult,
  CloseOptions,
  Dispatcher,
  DispatcherSnapshot,
  EnqueueOptions,
} from './Dispatcher';
import { JobQueue } from './JobQueue';
import type { JobRecorder } from './JobRecorder';
import { type JobsConfig, taskFor } from './JobsConfig';
import type { JobAttempt, JobTransition } from './JobTypes';
import { type RunningAttempt, runLocalAttempt } from './runLocalAttempt';
import { type RetryOptions, withRetry } from './withRetry';

export interface LocalDispatcherOptions {
  readonly config: JobsConfig;
  readonly recorder: JobRecorder;
  /**
   * Names this server among those sharing a store (default: the host name). Recovery touches only
   * attempts started under the same id, so each server process with local jobs needs its own.
   */
  readonly runnerId?: string;
  /** How running attempts retry refused recorder calls (default: until stored; see runLocalAttempt). */
  readonly retry?: RetryOptions;
  /** Told when the recorder refused a call past its retries (default: written to stderr). */
  readonly onError?: (error: unknown, what: string) => void;
}

interface Running {
  readonly attempt: JobAttempt;
  readonly handle: RunningAttempt;
}

export class LocalDispatcher implements Dispatcher {
  readonly kind = 'local';
  readonly runnerId: string;
  private readonly queue: JobQueue;
  private readonly running = new Map<string, Running>();
  /** Jobs whose `queued` is being recorded: not in the queue yet, but taken. */
  private readonly arriving = new Set<string>();
  /** Cancels that came while the job was arriving: its message, applied once `queued` is stored. */
  private readonly cancelOnArrival = new Map<string, string>();
  private readonly idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly options: LocalDispatcherOptions) {
    this.runnerId = options.runnerId ?? hostname();
    const { config } = options;
    this.queue = new JobQueue(
      config.maxConcurrent,
      (instrument) => taskFor(config, instrument)?.concurrency ?? 1,
    );
  }

  async enqueue(attempt: JobAttempt, options: EnqueueOptions = {}): Promise<void> {
    if (this.closed) throw new Error('The job dispatcher is closed: the server is shutting down');
    const { jobId } = attempt;
    if (this.arriving.has(jobId) || this.queue.has(jobId) || this.running.has(jobId)) {
      throw new Error(`Job ${jobId} is already queued or running; cancel it or wait for it to finish first`);
    }
    this.arriving.add(jobId);
    try {
      if (options.alreadyQueued !== true) {
        await withRetry(
          () =>
            this.options.recorder.transition({
              ...ids(attempt),
              state: 'queued',
              time: new Date().toISOString(),
              message: attempt.attempt === 1 ? this.queuedMessage() : `Queued as attempt ${attempt.attempt}`,
              cause: attempt.cause,
            }),
          // A few tries only: the caller (a route, recovery) is waiting and reports the refusal.
          { tries: 4 },
        );
      }
      const cancelled = this.cancelOnArrival.get(jobId);
      if (cancelled !== undefined) {
        this.cancelOnArrival.delete(jobId);
        await this.record({
          ...ids(attempt),
          state: 'cancelled',
          reason: 'cancel',
          time: now(),
          message: cancelled,
        });
        return;
      }
      if (taskFor(this.options.config, attempt.instrument) === undefined) {
        await this.record({
          ...ids(attempt),
          state: 'failed',
          reason: 'no-task',
          time: new Date().toISOString(),
          message: `No reduction task is configured for instrument "${attempt.instrument}" (jobs.tasks.${attempt.instrument})`,
        });
        return;
      }
      this.queue.push(attempt);
    } finally {
      this.arriving.delete(jobId);
      this.cancelOnArrival.delete(jobId);
    }
    this.pump();
  }

  queuedMessage(): string {
    return 'Queued';
  }

  async cancel(jobId: string, message = 'Cancelled'): Promise<CancelResult> {
    const waiting = this.queue.remove(jobId);
    if (waiting !== undefined) {
      await this.record({
        ...ids(waiting),
        state: 'cancelled',
        reason: 'cancel',
        time: new Date().toISOString(),
        message,
      });
      this.notifyIfIdle();
      return 'cancelled';
    }
    if (this.arriving.has(jobId)) {
      this.cancelOnArrival.set(jobId, message);
      return 'stopping';
    }
    const running = this.running.get(jobId);
    if (running === undefined) return 'not-found';
    running.handle.stop('cancel', message);
    return 'stopping';
  }

  snapshot(): DispatcherSnapshot {
    const byInstrument: Record<string, { queued: number; running: number }> = {};
    const entry = (instrument: string) => {
      byInstrument[instrument] ??= { queued: 0, running: 0 };
      return byInstrument[instrument];
    };
    for (const a of this.queue.waitingList()) entry(a.instrument).queued++;
    for (const { attempt } of this.running.values()) entry(attempt.instrument).running++;
    return { queued: this.queue.size, running: this.running.size, byInstrument };
  }

  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(options: CloseOptions = {}): Promise<void> {
    this.closed = true;
    this.queue.drain(); // still `queued` in the store: recoverJobs queues them at the next start
    const all = [...this.running.values()];
    if (all.length === 0) return;
    const drained = Promise.all(all.map((r) => r.handle.done));
    if ((options.drainMs ?? 0) > 0) {
      await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, options.drainMs))]);
    }
    const stopped = [...this.running.values()];
    for (const r of stopped) r.handle.stop('shutdown');
    const finals = await Promise.all(stopped.map((r) => r.handle.done));
    for (const [i, final] of finals.entries()) {
      if (final.state !== 'interrupted') continue;
      const { attempt } = stopped[i]!;
      const next: JobAttempt = { ...attempt, attempt: attempt.attempt + 1, cause: 'shutdown' };
      await this.record({
        ...ids(next),
        state: 'queued',
        cause: 'shutdown',
        time: new Date().toISOString(),
        message: `Queued as attempt ${next.attempt}: attempt ${attempt.attempt} was stopped when the server shut down`,
      });
    }
  }

  private pump(): void {
    for (
      let attempt = this.queue.take();
      attempt !== undefined && !this.closed;
      attempt = this.queue.take()
    ) {
      this.start(attempt);
    }
  }

  private start(attempt: JobAttempt): void {
    const task = taskFor(this.options.config, attempt.instrument)!;
    const handle = runLocalAttempt(attempt, {
      config: this.options.config,
      task,
      recorder: this.options.recorder,
      runnerId: this.runnerId,
      retry: this.options.retry,
      onError: this.reportError,
    });
    this.running.set(attempt.jobId, { attempt, handle });
    // The slot is freed only once the final state is acknowledged (runLocalAttempt's `done`).
    void handle.done.then(async (final) => {
      this.running.delete(attempt.jobId);
      this.queue.release(attempt);
      if (attempt.stopOnFailure === true && (final.state === 'failed' || final.state === 'timed_out')) {
        await this.cancelSiblings(attempt, final.state);
      }
      if (!this.closed) this.pump();
      this.notifyIfIdle();
    });
  }

  /** The request said not to go on after a failure: its jobs still waiting are cancelled, saying why. */
  private async cancelSiblings(failed: JobAttempt, state: 'failed' | 'timed_out'): Promise<void> {
    const what = failed.scanIndex === null ? `job ${failed.jobId}` : `scan ${failed.scanIndex + 1}`;
    const message = `Not run: ${what} ${state === 'failed' ? 'failed' : 'timed out'} and the request asks to stop then (continueOnFailure is false)`;
    const siblings = this.queue.removeWhere(
      (a) => a.submissionId === failed.submissionId && a.stopOnFailure === true,
    );
    for (const sibling of siblings) {
      await this.record({ ...ids(sibling), state: 'cancelled', reason: 'cancel', time: now(), message });
    }
  }

  private async record(change: JobTransition): Promise<void> {
    await withRetry(() => this.options.recorder.transition(change), { tries: 6 }).catch((error: unknown) =>
      this.reportError(error, `the ${change.state} state of job ${change.jobId} attempt ${change.attempt}`),
    );
  }

  private readonly reportError = (error: unknown, what: string): void => {
    if (this.options.onError !== undefined) this.options.onError(error, what);
    else process.stderr.write(`formulary jobs: could not record ${what}: ${String(error)}\n`);
  };

  private isIdle(): boolean {
    return this.running.size === 0 && this.queue.size === 0 && this.arriving.size === 0;
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}

function now(): string {
  return new Date().toISOString();
}

function ids(attempt: JobAttempt): { jobId: string; attempt: number } {
  return { jobId: attempt.jobId, attempt: attempt.attempt };
}
