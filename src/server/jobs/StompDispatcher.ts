/**
 * The cluster dispatcher: publishes each attempt to its route on the broker (per instrument, or the
 * high-memory queue) and follows it from the status messages workers send back; it runs nothing
 * itself. The server owns attempt numbers: a worker that got a job the broker delivered again (its
 * first holder died) makes the store say "interrupted" for the old attempt and run the next one, and
 * statuses from a run that lost its job are ignored, so each job completes once. While the broker is
 * away, attempts wait here, `queued` with "waiting for the reduction cluster", and go out on reconnect.
 */
import type { BrokerConfig } from './BrokerConfig';
import { jobMessage, readStatusMessage, routeFor } from './brokerMessages';
import type {
  CancelResult,
  CloseOptions,
  Dispatcher,
  DispatcherSnapshot,
  EnqueueOptions,
} from './Dispatcher';
import type { JobRecorder } from './JobRecorder';
import type { JobsConfig } from './JobsConfig';
import { FINAL_STATES, type JobAttempt, type JobState, type JobTransition } from './JobTypes';
import { StatusApplier } from './StatusApplier';
import { type LinkMessage, StompLink } from './StompLink';
import { withRetry } from './withRetry';

/** The latest attempt of a job, as the store has it. */
export interface AttemptView {
  readonly attempt: number;
  readonly state: JobState;
  readonly runnerId: string | null;
  /** Its highest stored log seq. */
  readonly lastSeq: number;
}

/** How the dispatcher reads what the store says about a job (the store implements it). */
export interface AttemptLookup {
  latest(jobId: string): Promise<AttemptView | undefined>;
}

export interface StompDispatcherOptions {
  readonly config: JobsConfig;
  readonly recorder: JobRecorder;
  readonly lookup: AttemptLookup;
  /** Told what could not be recorded or published, and about messages it could not use. */
  readonly onError?: (error: unknown, what: string) => void;
  /** Told when the broker connection comes or goes. */
  readonly onState?: (connected: boolean, detail: string) => void;
}

/** The words a page shows for an attempt waiting at the server for the broker. */
export const WAITING_FOR_CLUSTER = 'Waiting for the reduction cluster';

export class StompDispatcher implements Dispatcher {
  readonly kind = 'stomp';
  private readonly broker: BrokerConfig;
  private readonly link: StompLink;
  /** Attempts recorded `queued` but not yet confirmed by the broker, in order. */
  private readonly outbox: JobAttempt[] = [];
  /** Published and not started yet (for the snapshot). */
  private readonly published = new Map<string, JobAttempt>();
  /**
   * Published by this process and not final yet: what a request's `maxParallelJobs` counts and
   * `continueOnFailure: false` cancels. Kept in memory: after a restart these limits start afresh.
   */
  private readonly sent = new Map<string, JobAttempt>();
  private readonly applier: StatusApplier;
  private readonly idleWaiters: (() => void)[] = [];
  private flushing = false;
  private statuses: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: StompDispatcherOptions) {
    this.broker = options.config.broker;
    this.applier = new StatusApplier({
      recorder: options.recorder,
      latest: (jobId) => this.latest(jobId),
      stored: (call) => this.stored(call),
      refuse: (runId, jobId, why) => this.refuse(runId, jobId, why),
      instrumentOf: (jobId) => this.published.get(jobId)?.instrument ?? '',
      onStarted: (jobId) => {
        this.published.delete(jobId);
      },
      onFinal: async (jobId, state) => {
        this.published.delete(jobId);
        await this.finished(jobId, state);
      },
    });
    this.link = new StompLink({
      url: this.broker.url,
      login: this.broker.login,
      passcode: this.broker.passcode,
      reconnectDelayMs: this.broker.reconnectDelayMs,
      maxReconnectDelayMs: this.broker.maxReconnectDelayMs,
      onState: (connected, detail) => {
        options.onState?.(connected, detail);
        if (connected) void this.flush();
      },
    });
    // Status messages are acknowledged once stored; a large prefetch keeps them flowing, and one
    // consumer handles them in order (JMSXGroupID keeps a job's messages on one server of several).
    this.link.subscribe(
      this.broker.statusQueue,
      { ack: 'client-individual', 'activemq.prefetchSize': '500' },
      (message) => {
        this.statuses = this.statuses.then(() => this.onStatus(message));
      },
    );
    this.link.start();
  }

  /** Resolves once connected to the broker (tests, the benchmark). */
  connected(): Promise<void> {
    return this.link.whenConnected();
  }

  queuedMessage(attempt: Pick<JobAttempt, 'instrument' | 'request'>): string {
    return this.link.connected
      ? `Queued for the reduction cluster (${routeFor(attempt, this.broker)})`
      : `${WAITING_FOR_CLUSTER}: ${this.link.problem}; the job is sent as soon as the broker answers`;
  }

  async enqueue(attempt: JobAttempt, options: EnqueueOptions = {}): Promise<void> {
    if (this.closed) throw new Error('The job dispatcher is closed: the server is shutting down');
    if (this.outbox.some((a) => a.jobId === attempt.jobId)) {
      throw new Error(`Job ${attempt.jobId} is already waiting for the reduction cluster`);
    }
    if (options.alreadyQueued !== true) {
      const message = this.queuedMessage(attempt);
      await withRetry(
        () =>
          this.options.recorder.transition({
            jobId: attempt.jobId,
            attempt: attempt.attempt,
            state: 'queued',
            time: new Date().toISOString(),
            message: attempt.attempt === 1 ? message : `${message} (attempt ${attempt.attempt})`,
            cause: attempt.cause,
          }),
        { tries: 4 },
      );
    }
    this.outbox.push(attempt);
    void this.flush();
  }

  async cancel(jobId: string, message = 'Cancelled'): Promise<CancelResult> {
    const latest = await this.options.lookup.latest(jobId);
    if (latest === undefined || FINAL_STATES.has(latest.state)) return 'not-found';
    // Workers stop a running copy, and refuse a copy they get later (the store says cancelled).
    const control = JSON.stringify({ type: 'cancel', jobId, message });
    if (latest.state === 'queued') {
      const waiting = this.outbox.findIndex((a) => a.jobId === jobId);
      if (waiting >= 0) this.outbox.splice(waiting, 1);
      this.published.delete(jobId);
      await this.record({
        jobId,
        attempt: latest.attempt,
        state: 'cancelled',
        reason: 'cancel',
        time: now(),
        message,
      });
      await this.finished(jobId, 'cancelled');
      await this.link.publish(this.broker.controlTopic, control, { persistent: 'false' }).catch(() => {});
      this.notifyIfIdle();
      return 'cancelled';
    }
    await this.link.publish(this.broker.controlTopic, control, { persistent: 'false' });
    return 'stopping';
  }

  snapshot(): DispatcherSnapshot {
    const byInstrument: Record<string, { queued: number; running: number }> = {};
    const entry = (instrument: string) => {
      byInstrument[instrument] ??= { queued: 0, running: 0 };
      return byInstrument[instrument];
    };
    for (const a of this.outbox) entry(a.instrument).queued++;
    for (const a of this.published.values()) entry(a.instrument).queued++;
    for (const run of this.applier.runs.values()) entry(run.instrument).running++;
    return {
      queued: this.outbox.length + this.published.size,
      running: this.applier.runs.size,
      byInstrument,
    };
  }

  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops publishing and disconnects; what waits here stays `queued` (recoverJobs sends it at the next start). */
  async close(_options: CloseOptions = {}): Promise<void> {
    this.closed = true;
    this.outbox.length = 0;
    await this.statuses;
    await this.link.close();
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Publishes what waits, in order, while connected; a refusal leaves the rest for the next connection. */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.outbox.length > 0 && this.link.connected && !this.closed) {
        // The first in line whose submission is under its `maxParallelJobs`; later ones may pass.
        const attempt = this.outbox.find(
          (a) => a.maxParallel === undefined || this.sentOf(a.submissionId) < a.maxParallel,
        );
        if (attempt === undefined) break;
        try {
          await this.link.publish(
            routeFor(attempt, this.broker),
            JSON.stringify(jobMessage(attempt, this.broker)),
            {
              'formulary-job-id': attempt.jobId,
              'formulary-attempt': String(attempt.attempt),
              'formulary-instrument': attempt.instrument,
              'reply-to': this.broker.statusQueue,
            },
          );
        } catch (error) {
          this.options.onError?.(error, `publishing job ${attempt.jobId} (it waits for the broker)`);
          break;
        }
        const at = this.outbox.indexOf(attempt);
        if (at >= 0) this.outbox.splice(at, 1);
        this.published.set(attempt.jobId, attempt);
        this.sent.set(attempt.jobId, attempt);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async onStatus(message: LinkMessage): Promise<void> {
    const status = readStatusMessage(message.body);
    if ('problem' in status) {
      this.options.onError?.(new Error(status.problem), `a status message on ${this.broker.statusQueue}`);
      message.ack();
      return;
    }
    try {
      await this.applier.apply(status);
      message.ack();
    } catch (error) {
      // Not acknowledged: the broker delivers it again after a reconnect; nothing is lost.
      this.options.onError?.(error, `the ${status.kind} message of job ${status.jobId}`);
    }
    this.notifyIfIdle();
  }

  /** A job this process sent reached a final state: its submission's policies apply, and a slot frees. */
  private async finished(jobId: string, state: JobState): Promise<void> {
    const done = this.sent.get(jobId);
    this.sent.delete(jobId);
    if (done?.stopOnFailure === true && (state === 'failed' || state === 'timed_out')) {
      const what = done.scanIndex === null ? `job ${done.jobId}` : `scan ${done.scanIndex + 1}`;
      const message = `Not run: ${what} ${state === 'failed' ? 'failed' : 'timed out'} and the request asks to stop then (continueOnFailure is false)`;
      const sibling = (a: JobAttempt) => a.submissionId === done.submissionId && a.stopOnFailure === true;
      const waiting = this.outbox.filter(sibling);
      for (const a of waiting) this.outbox.splice(this.outbox.indexOf(a), 1);
      // Published but not started: cancelled in the store; a worker that gets one is told to stop.
      const onBroker = [...this.published.values()].filter(sibling);
      for (const a of [...waiting, ...onBroker]) {
        const latest = await this.latest(a.jobId);
        if (latest?.state !== 'queued') continue;
        await this.record({
          jobId: a.jobId,
          attempt: latest.attempt,
          state: 'cancelled',
          reason: 'cancel',
          time: now(),
          message,
        });
        this.published.delete(a.jobId);
        this.sent.delete(a.jobId);
        const control = JSON.stringify({ type: 'cancel', jobId: a.jobId, message });
        await this.link.publish(this.broker.controlTopic, control, { persistent: 'false' }).catch(() => {});
      }
    }
    void this.flush();
  }

  private sentOf(submissionId: string): number {
    let n = 0;
    for (const a of this.sent.values()) if (a.submissionId === submissionId) n++;
    return n;
  }

  /** Tells the run to stop: it holds a copy of a job that is not (or no longer) its own. */
  private async refuse(runId: string, jobId: string, why: string): Promise<void> {
    const control = JSON.stringify({ type: 'cancel', jobId, runId, message: `Not run here: ${why}` });
    await this.link.publish(this.broker.controlTopic, control, { persistent: 'false' });
  }

  private async record(change: JobTransition): Promise<void> {
    await this.stored(() => this.options.recorder.transition(change));
  }

  private latest(jobId: string): Promise<AttemptView | undefined> {
    return this.stored(() => this.options.lookup.latest(jobId));
  }

  /**
   * A store call made while handling a status message, retried until it succeeds: status messages are
   * handled one at a time, in order, and the next must not overtake one the store refused.
   */
  private stored<T>(call: () => Promise<T>): Promise<T> {
    return withRetry(call, {
      tries: Number.POSITIVE_INFINITY,
      onRefused: (error) => this.options.onError?.(error, 'the store refused a status update (retrying)'),
    });
  }

  private isIdle(): boolean {
    return this.outbox.length === 0 && this.published.size === 0 && this.applier.runs.size === 0;
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}

function now(): string {
  return new Date().toISOString();
}
