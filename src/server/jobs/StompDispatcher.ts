/**
 * The cluster dispatcher: publishes each attempt to its route on the broker (per instrument, or the
 * high-memory queue) and follows it from the status messages workers send back; it runs nothing
 * itself. The server owns attempt numbers: a worker that got a job the broker delivered again (its
 * first holder died) makes the store say "interrupted" for the old attempt and run the next one, and
 * statuses from a run that lost its job are ignored, so each job completes once. While the broker is
 * away, attempts wait here, `queued` with "waiting for the reduction cluster", and go out on reconnect.
 * A request's `maxParallelJobs`, an instrument's `concurrency` and `continueOnFailure` are read from
 * the store (DispatchLedger), so they hold across a restart of this server and across several servers.
 * Publishing is pipelined: a job's SEND goes out without waiting for the previous one's receipt (a
 * KahaDB journal write and fsync, which the next job used to wait for; bench:dispatch --trace).
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
import type { DispatchLedger } from './DispatchLedger';
import type { JobRecorder } from './JobRecorder';
import { type JobsConfig, taskFor } from './JobsConfig';
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
  /** Which jobs are out on the cluster and each job's policy, as the store keeps them. */
  readonly ledger: DispatchLedger;
  /** Told what could not be recorded or published, and about messages it could not use. */
  readonly onError?: (error: unknown, what: string) => void;
  /** Told when the broker connection comes or goes. */
  readonly onState?: (connected: boolean, detail: string) => void;
}

/** The words a page shows for an attempt waiting at the server for the broker. */
export const WAITING_FOR_CLUSTER = 'Waiting for the reduction cluster';

/**
 * Jobs sent and not yet confirmed by the broker, at most: enough for a burst to stream (the receipt
 * of each is a journal write the broker batches), few enough that a lost connection sends little again.
 */
export const MAX_UNCONFIRMED = 64;

export class StompDispatcher implements Dispatcher {
  readonly kind = 'stomp';
  private readonly broker: BrokerConfig;
  private readonly link: StompLink;
  /** Attempts recorded `queued` and not sent yet, in order of arrival. */
  private readonly outbox: JobAttempt[] = [];
  /** Sent (confirmed or not) and not started yet (for the snapshot). */
  private readonly published = new Map<string, JobAttempt>();
  /**
   * Sent and not yet confirmed by the broker (and, for a limited job, not yet marked in the store):
   * they count as out on the cluster, and go back in line if the broker never confirms them.
   */
  private readonly unconfirmed = new Map<string, JobAttempt>();
  /** Each queued attempt's place in line, so one the broker did not confirm goes back in it. */
  private readonly arrival = new WeakMap<JobAttempt, number>();
  private arrivals = 0;
  private readonly applier: StatusApplier;
  private readonly idleWaiters: (() => void)[] = [];
  private flushing = false;
  /** A flush was asked for while one ran (a job finished meanwhile): it runs once more. */
  private flushAgain = false;
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
    this.arrival.set(attempt, ++this.arrivals);
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

  /**
   * Sends what waits, in order, while connected, without waiting for each receipt (see
   * MAX_UNCONFIRMED); one the broker does not confirm goes back in line (`notConfirmed`).
   */
  private async flush(): Promise<void> {
    if (this.flushing) {
      // A final state that arrived after the running flush read its counts would otherwise free a
      // slot nobody looks at until the next enqueue or final state.
      this.flushAgain = true;
      return;
    }
    this.flushing = true;
    this.flushAgain = false;
    try {
      while (
        this.outbox.length > 0 &&
        this.link.connected &&
        !this.closed &&
        this.unconfirmed.size < MAX_UNCONFIRMED
      ) {
        let attempt: JobAttempt | undefined;
        try {
          attempt = await this.nextAllowed();
        } catch (error) {
          this.options.onError?.(error, 'counting the jobs out on the cluster (retrying in a second)');
          setTimeout(() => void this.flush(), 1000).unref();
          break;
        }
        if (attempt === undefined) break;
        const sent = attempt;
        this.outbox.splice(this.outbox.indexOf(sent), 1);
        this.unconfirmed.set(sent.jobId, sent);
        // Before its `started` can arrive: a status applied first must find it here to remove it.
        this.published.set(sent.jobId, sent);
        // The SEND is written now; the receipt comes when the broker has stored it.
        this.link
          .publish(routeFor(sent, this.broker), JSON.stringify(jobMessage(sent, this.broker)), {
            'formulary-job-id': sent.jobId,
            'formulary-attempt': String(sent.attempt),
            'formulary-instrument': sent.instrument,
            'reply-to': this.broker.statusQueue,
          })
          .then(
            () => this.confirmed(sent),
            (error: unknown) => this.notConfirmed(sent, error),
          );
      }
    } finally {
      this.flushing = false;
    }
    if (this.flushAgain && this.link.connected && !this.closed) void this.flush();
  }

  /** The broker has the job: a limited one is marked in the store (what the next count reads). */
  private async confirmed(sent: JobAttempt): Promise<void> {
    if (sent.maxParallel !== undefined || this.instrumentLimit(sent.instrument) !== undefined) {
      await withRetry(() => this.options.ledger.markDispatched(sent.jobId, sent.attempt, now()), {
        tries: 4,
      }).catch((error: unknown) =>
        this.options.onError?.(error, `recording that job ${sent.jobId} went to the broker`),
      );
    }
    this.unconfirmed.delete(sent.jobId);
    if (this.outbox.length > 0) void this.flush();
    this.notifyIfIdle();
  }

  /**
   * No receipt (the connection was lost, or the broker did not answer in time): the job goes back in
   * its place in line, unless it started meanwhile or was cancelled, and is sent again on reconnect.
   * A copy the broker did store runs once: a second `started` for it is refused (StatusApplier).
   */
  private notConfirmed(sent: JobAttempt, error: unknown): void {
    this.unconfirmed.delete(sent.jobId);
    this.options.onError?.(error, `publishing job ${sent.jobId} (it waits for the broker)`);
    if (this.closed || !this.published.has(sent.jobId)) return;
    this.published.delete(sent.jobId);
    const place = this.arrival.get(sent) ?? 0;
    const at = this.outbox.findIndex((a) => (this.arrival.get(a) ?? 0) > place);
    this.outbox.splice(at < 0 ? this.outbox.length : at, 0, sent);
    // Still connected (a late receipt): try again shortly; else the reconnect flushes.
    if (this.link.connected) setTimeout(() => void this.flush(), 1000).unref();
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

  /**
   * A job reached a final state: a slot of its submission frees, and when it failed and its request
   * says `continueOnFailure: false`, the submission's queued jobs are cancelled. The policy and the
   * queued jobs come from the store, so this holds for jobs sent before a restart, or by another server.
   */
  private async finished(jobId: string, state: JobState): Promise<void> {
    if (state === 'failed' || state === 'timed_out') {
      const policy = await this.stored(() => this.options.ledger.policyOf(jobId));
      if (policy?.stopOnFailure === true) {
        const what = policy.scanIndex === null ? `job ${jobId}` : `scan ${policy.scanIndex + 1}`;
        const message = `Not run: ${what} ${state === 'failed' ? 'failed' : 'timed out'} and the request asks to stop then (continueOnFailure is false)`;
        const queued = await this.stored(() => this.options.ledger.queuedOf(policy.submissionId));
        for (const q of queued) {
          const waiting = this.outbox.findIndex((a) => a.jobId === q.jobId);
          if (waiting >= 0) this.outbox.splice(waiting, 1);
          const latest = await this.latest(q.jobId);
          if (latest?.state !== 'queued' || latest.attempt !== q.attempt) continue;
          await this.record({
            jobId: q.jobId,
            attempt: q.attempt,
            state: 'cancelled',
            reason: 'cancel',
            time: now(),
            message,
          });
          this.published.delete(q.jobId);
          // Published but not started: a worker that gets it is told to stop (the store says cancelled).
          const control = JSON.stringify({ type: 'cancel', jobId: q.jobId, message });
          await this.link.publish(this.broker.controlTopic, control, { persistent: 'false' }).catch(() => {});
        }
      }
    }
    void this.flush();
  }

  /**
   * The first attempt in line whose instrument is under its cluster `concurrency` and whose submission
   * is under its `maxParallelJobs` (later ones may pass, so one instrument's line never blocks
   * another's). The counts are of jobs out on the cluster as the store has them, from every server,
   * this one aside (after a restart it may be out already, and is sent again). Held attempts go out
   * when a job reports its final state (finished -> flush).
   */
  private async nextAllowed(): Promise<JobAttempt | undefined> {
    const outOfSubmission = new Map<string, ReadonlySet<string>>();
    const outOfInstrument = new Map<string, ReadonlySet<string>>();
    // Sent but not yet confirmed (or marked): out on the cluster, though the store does not say so yet.
    const withUnconfirmed = (stored: readonly string[], same: (u: JobAttempt) => boolean) => {
      const out = new Set(stored);
      for (const u of this.unconfirmed.values()) if (same(u)) out.add(u.jobId);
      return out;
    };
    const others = (out: ReadonlySet<string>, jobId: string) => out.size - (out.has(jobId) ? 1 : 0);
    for (const a of [...this.outbox]) {
      const limit = this.instrumentLimit(a.instrument);
      if (limit !== undefined) {
        let out = outOfInstrument.get(a.instrument);
        if (out === undefined) {
          const stored = await this.options.ledger.outstandingOfInstrument(a.instrument);
          out = withUnconfirmed(stored, (u) => u.instrument === a.instrument);
          outOfInstrument.set(a.instrument, out);
        }
        if (others(out, a.jobId) >= limit) continue;
      }
      if (a.maxParallel !== undefined) {
        let out = outOfSubmission.get(a.submissionId);
        if (out === undefined) {
          const stored = await this.options.ledger.outstanding(a.submissionId);
          out = withUnconfirmed(stored, (u) => u.submissionId === a.submissionId);
          outOfSubmission.set(a.submissionId, out);
        }
        if (others(out, a.jobId) >= a.maxParallel) continue;
      }
      if (this.outbox.includes(a)) return a;
    }
    return undefined;
  }

  /** The instrument's `concurrency` when the configuration gives one (see TaskConfig.clusterConcurrency). */
  private instrumentLimit(instrument: string): number | undefined {
    return taskFor(this.options.config, instrument)?.clusterConcurrency;
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
    return (
      this.outbox.length === 0 &&
      this.published.size === 0 &&
      this.unconfirmed.size === 0 &&
      this.applier.runs.size === 0
    );
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}

function now(): string {
  return new Date().toISOString();
}
