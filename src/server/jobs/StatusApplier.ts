/**
 * The rules by which the cluster dispatcher turns a worker's status message into stored states, so
 * each job completes once whatever the broker redelivers: the server owns attempt numbers; a
 * redelivered job that finds its attempt running makes that attempt "interrupted" (with a log line)
 * and runs the next; a duplicate copy, or a run of a job already final, is told to stop; and the
 * lines and states of a run that lost its job are not the job's.
 */
import type { StatusMessage } from './brokerMessages';
import type { JobRecorder } from './JobRecorder';
import { FINAL_STATES, type JobState, type JobTransition } from './JobTypes';
import type { AttemptView } from './StompDispatcher';

export interface StatusApplierOptions {
  readonly recorder: JobRecorder;
  /** The job's latest attempt in the store (retried until the store answers). */
  readonly latest: (jobId: string) => Promise<AttemptView | undefined>;
  /** Runs a store call until it succeeds. */
  readonly stored: <T>(call: () => Promise<T>) => Promise<T>;
  /** Tells the run to stop: it holds a copy of a job that is not (or no longer) its own. */
  readonly refuse: (runId: string, jobId: string, why: string) => Promise<void>;
  readonly instrumentOf: (jobId: string) => string;
  readonly onStarted: (jobId: string) => void;
  readonly onFinal: (jobId: string, state: JobState) => Promise<void>;
}

export class StatusApplier {
  /** Runs the store accepted, by run id. */
  readonly runs = new Map<string, { jobId: string; attempt: number; instrument: string }>();

  constructor(private readonly options: StatusApplierOptions) {}

  /** Stores what the message says (once stored, it may be acknowledged). */
  async apply(status: StatusMessage): Promise<void> {
    const { jobId, runId } = status;
    const known = this.runs.get(runId);
    if (status.kind === 'log') {
      const attempt = known?.attempt ?? (await this.attemptOfRun(jobId, runId));
      if (attempt === undefined) return; // a run that lost its job: its lines are not the job's
      await this.options.stored(() => this.options.recorder.appendLog(jobId, attempt, status.lines ?? []));
      return;
    }
    if (status.kind === 'curve') {
      const attempt = known?.attempt ?? (await this.attemptOfRun(jobId, runId));
      const { recorder } = this.options;
      if (attempt === undefined || !recorder.curveChanged || !status.curve) return; // not the job's run
      const { bytes, time, text } = status.curve;
      await this.options.stored(() =>
        recorder.curveChanged!(jobId, attempt, { bytes, time, ...(text === undefined ? {} : { text }) }),
      );
      return;
    }
    const change = status.transition!;
    if (status.kind === 'started') return this.started(status, change);
    // complete or error
    let attempt = known?.attempt ?? (await this.attemptOfRun(jobId, runId));
    if (attempt === undefined) {
      // A run that failed before it started (no task, spawn error) finishes a queued attempt directly.
      const latest = await this.options.latest(jobId);
      if (latest?.state !== 'queued') return;
      attempt = latest.attempt;
    }
    await this.record({ ...change, jobId, attempt });
    this.runs.delete(runId);
    await this.options.onFinal(jobId, change.state);
  }

  private async started(status: StatusMessage, change: JobTransition): Promise<void> {
    const { jobId, runId } = status;
    const { refuse } = this.options;
    const latest = await this.options.latest(jobId);
    if (latest === undefined) return refuse(runId, jobId, 'the server has no such job');
    if (latest.runnerId === runId) return; // the same message again
    if (FINAL_STATES.has(latest.state)) {
      return refuse(runId, jobId, `the job is already ${latest.state.replace('_', ' ')}`);
    }
    let attempt = latest.attempt;
    if (latest.state === 'running') {
      if (!status.redelivered) return refuse(runId, jobId, `it already runs on ${latest.runnerId}`);
      attempt = await this.interrupt(jobId, latest, runId);
    }
    await this.record({ ...change, jobId, attempt, runnerId: runId });
    this.runs.set(runId, { jobId, attempt, instrument: this.options.instrumentOf(jobId) });
    this.options.onStarted(jobId);
  }

  /**
   * The broker gave the job to another worker, so the one that had it stopped without finishing:
   * its attempt ends `interrupted` with a line saying so, and the next is queued for the new run.
   */
  private async interrupt(jobId: string, latest: AttemptView, runId: string): Promise<number> {
    const next = latest.attempt + 1;
    const text = `Interrupted: the worker running this attempt (${latest.runnerId}) stopped before finishing; the broker delivered the job again to ${runId}, which runs it as attempt ${next}`;
    const time = new Date().toISOString();
    await this.options.stored(() =>
      this.options.recorder.appendLog(jobId, latest.attempt, [
        { seq: latest.lastSeq + 1, stream: 'system', time, text },
      ]),
    );
    await this.record({
      jobId,
      attempt: latest.attempt,
      state: 'interrupted',
      reason: 'recovery',
      time,
      message: text,
    });
    for (const [id, run] of this.runs) if (run.jobId === jobId) this.runs.delete(id);
    await this.record({
      jobId,
      attempt: next,
      state: 'queued',
      cause: 'recovery',
      time,
      message: `Queued as attempt ${next}: attempt ${latest.attempt} was interrupted when its worker stopped`,
    });
    return next;
  }

  /** The attempt a run holds, from the store when this process did not see it start (a restart). */
  private async attemptOfRun(jobId: string, runId: string): Promise<number | undefined> {
    const latest = await this.options.latest(jobId);
    return latest?.runnerId === runId && latest.state === 'running' ? latest.attempt : undefined;
  }

  private record(change: JobTransition): Promise<void> {
    return this.options.stored(() => this.options.recorder.transition(change));
  }
}
