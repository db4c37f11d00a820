/**
 * A reduction node's side of the broker (`formulary worker`): takes jobs from its queues, one per
 * slot (client acknowledgement, prefetch 1), runs the instrument's predefined task with the same
 * runner, limits and log capture as the local dispatcher, publishes started, log, complete and error
 * messages, and acknowledges a job only after its final state is confirmed by the broker. A worker
 * that dies mid-job has acknowledged nothing, so the broker gives the job to another.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { BrokerConfig } from './BrokerConfig';
import { MAX_CURVE_TEXT, readJobMessage, type StatusKind, statusKindOf } from './brokerMessages';
import type { CurveNews, JobRecorder } from './JobRecorder';
import { type JobsConfig, taskFor } from './JobsConfig';
import type { JobAttempt, JobTransition, LogLine } from './JobTypes';
import { attemptPaths } from './prepareAttempt';
import { groupLeadersWith, signalTree, treeAlive } from './processTree';
import { type RunningAttempt, runLocalAttempt } from './runLocalAttempt';
import { type LinkMessage, StompLink } from './StompLink';
import { stompTraceFile, traceLine } from './stompTrace';

export interface BrokerWorkerOptions {
  readonly config: JobsConfig;
  /** The broker section, with the URL the command line gave. */
  readonly broker: BrokerConfig;
  /** Destinations to take jobs from (a wildcard or a comma-separated composite works on ActiveMQ). */
  readonly queues: readonly string[];
  /** Jobs run at once: one subscription with prefetch 1 per slot. */
  readonly concurrency: number;
  /** Names this worker in logs and run ids (default host:pid). */
  readonly name?: string;
  /** Where the worker's own lines go (default stderr). */
  readonly log?: (line: string) => void;
}

/** Set in each task's environment to the worker's name. */
export const WORKER_VARIABLE = 'FORMULARY_WORKER';

interface Active {
  readonly attempt: JobAttempt;
  readonly runId: string;
  readonly handle: RunningAttempt;
}

export class BrokerWorker {
  readonly name: string;
  private readonly link: StompLink;
  private readonly active = new Map<string, Active>();
  private readonly unsubscribes: (() => void)[] = [];
  private readonly log: (line: string) => void;
  private closing = false;
  /** Jobs cancelled while this worker listened: a copy arriving later is refused. */
  private readonly cancelled = new Map<string, string>();
  /** FORMULARY_STOMP_TRACE: marks a task's start, so a trace tells it apart from the dispatch. */
  readonly traceFile = stompTraceFile();

  constructor(private readonly options: BrokerWorkerOptions) {
    this.name = options.name ?? `${hostname()}:${process.pid}`;
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    const { broker } = options;
    this.link = new StompLink({
      url: broker.url,
      login: broker.login,
      passcode: broker.passcode,
      reconnectDelayMs: broker.reconnectDelayMs,
      maxReconnectDelayMs: broker.maxReconnectDelayMs,
      onState: (_connected, detail) => this.log(`worker ${this.name}: ${detail}`),
    });
  }

  /**
   * Connects and starts taking jobs, after stopping what a previous worker of the same name left
   * running (it was killed; the broker has given those jobs to others since).
   */
  async start(): Promise<void> {
    await this.stopLeftovers();
    const destination = this.options.queues.join(',');
    this.unsubscribes.push(
      this.link.subscribe(this.options.broker.controlTopic, {}, (message) => this.onControl(message)),
    );
    for (let slot = 0; slot < this.options.concurrency; slot++) {
      this.unsubscribes.push(
        this.link.subscribe(
          destination,
          { ack: 'client-individual', 'activemq.prefetchSize': '1' },
          (message) => {
            void this.take(message);
          },
        ),
      );
    }
    this.link.start();
    this.log(
      `worker ${this.name}: taking jobs from ${destination} on ${this.options.broker.url}, ${this.options.concurrency} at a time`,
    );
  }

  whenConnected(): Promise<void> {
    return this.link.whenConnected();
  }

  /** Stops the process groups of tasks started by an earlier worker of this name (SIGTERM, then SIGKILL). */
  async stopLeftovers(): Promise<number[]> {
    const leaders = groupLeadersWith(WORKER_VARIABLE, this.name);
    if (leaders.length === 0) return leaders;
    this.log(
      `worker ${this.name}: stopping ${leaders.length} task(s) a previous worker of this name left running (pids ${leaders.join(', ')})`,
    );
    for (const pid of leaders) signalTree(pid, 'SIGTERM');
    const killAt = Date.now() + this.options.config.killGraceMs;
    while (leaders.some(treeAlive)) {
      if (Date.now() >= killAt) for (const pid of leaders) signalTree(pid, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return leaders;
  }

  /**
   * Stops taking jobs; running ones are stopped and NOT acknowledged, so the broker hands them to
   * another worker (their log says why). Resolves once their processes are gone and it disconnected.
   */
  async close(): Promise<void> {
    this.closing = true;
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    const running = [...this.active.values()];
    for (const { handle } of running) {
      handle.stop('shutdown', `Worker ${this.name} is shutting down; the job goes back to the broker`);
    }
    await Promise.all(running.map((r) => r.handle.done));
    await this.link.close();
  }

  private async take(message: LinkMessage): Promise<void> {
    const { broker, config } = this.options;
    const read = readJobMessage(message.body, broker);
    if ('problem' in read) {
      this.log(
        `worker ${this.name}: a message it cannot run goes to ${broker.invalidQueue}: ${read.problem}`,
      );
      await this.publishUntilStored(broker.invalidQueue, message.body, { 'formulary-problem': read.problem });
      message.ack();
      return;
    }
    const { attempt } = read;
    const runId = `${this.name}/${randomUUID().slice(0, 8)}`;
    const task = taskFor(config, attempt.instrument);
    const curveFile = task === undefined ? null : attemptPaths(attempt, task, config).curveFile;
    const recorder = new StatusPublisher(this, attempt, runId, message.redelivered, curveFile);
    const refusal = this.cancelled.get(attempt.jobId);
    if (task === undefined || refusal !== undefined) {
      await recorder.transition({
        jobId: attempt.jobId,
        attempt: attempt.attempt,
        state: refusal === undefined ? 'failed' : 'cancelled',
        reason: refusal === undefined ? 'no-task' : 'cancel',
        time: new Date().toISOString(),
        message:
          refusal ??
          `No reduction task is configured for instrument "${attempt.instrument}" on worker ${this.name} (jobs.tasks.${attempt.instrument})`,
      });
      message.ack();
      return;
    }
    this.log(
      `worker ${this.name}: job ${attempt.jobId} attempt ${attempt.attempt} as ${runId}${message.redelivered ? ' (delivered again)' : ''}`,
    );
    if (this.traceFile !== undefined) traceLine(this.traceFile, `WORKER run ${attempt.jobId}`);
    const handle = runLocalAttempt(attempt, {
      config,
      // Marks the task's processes as this worker's, so a restart under the same name finds leftovers.
      task: { ...task, env: { ...task.env, [WORKER_VARIABLE]: this.name } },
      recorder,
      runnerId: runId,
      onError: (error, what) => this.log(`worker ${this.name}: could not publish ${what}: ${String(error)}`),
    });
    this.active.set(runId, { attempt, runId, handle });
    const final = await handle.done;
    this.active.delete(runId);
    // The final state is confirmed by the broker (or the worker is closing and leaves the job to it).
    if (!recorder.withheldFinal) message.ack();
    this.log(`worker ${this.name}: job ${attempt.jobId} ${final.state}`);
  }

  private onControl(message: LinkMessage): void {
    let control: { type?: unknown; jobId?: unknown; runId?: unknown; message?: unknown };
    try {
      control = JSON.parse(message.body);
    } catch {
      return;
    }
    if (control.type !== 'cancel' || typeof control.jobId !== 'string') return;
    const text = typeof control.message === 'string' ? control.message : 'Cancelled';
    if (control.runId === undefined) {
      this.cancelled.set(control.jobId, text);
      if (this.cancelled.size > 10_000) this.cancelled.delete(this.cancelled.keys().next().value!);
    }
    for (const active of this.active.values()) {
      if (active.attempt.jobId !== control.jobId) continue;
      if (control.runId !== undefined && control.runId !== active.runId) continue;
      active.handle.stop('cancel', text);
    }
  }

  /** Publishes until the broker confirms, waiting out disconnections: a status is never dropped. */
  async publishUntilStored(
    destination: string,
    body: string,
    headers: Record<string, string>,
  ): Promise<void> {
    let delay = 100;
    for (;;) {
      try {
        await this.link.whenConnected();
        await this.link.publish(destination, body, headers);
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 5000);
      }
    }
  }

  get closingNow(): boolean {
    return this.closing;
  }

  get statusQueue(): string {
    return this.options.broker.statusQueue;
  }
}

/**
 * The worker's JobRecorder: each transition, log batch and curve change becomes a status message on
 * the server's queue (a curve change with the file's text: the server may not see this node's folder). The run's first line says when the broker delivered the job again; a final "interrupted"
 * from the worker's own shutdown is withheld, since the job goes back to the broker instead.
 */
class StatusPublisher implements JobRecorder {
  withheldFinal = false;
  private offset = 0;

  constructor(
    private readonly worker: BrokerWorker,
    private readonly attempt: JobAttempt,
    private readonly runId: string,
    private readonly redelivered: boolean,
    private readonly curveFile: string | null,
  ) {}

  async transition(change: JobTransition): Promise<void> {
    if (change.state === 'queued') return;
    const { traceFile } = this.worker;
    if (change.state === 'running' && traceFile !== undefined) {
      traceLine(traceFile, `WORKER running ${change.jobId}`);
    }
    if (this.worker.closingNow && change.state === 'interrupted') {
      this.withheldFinal = true;
      return;
    }
    await this.send(statusKindOf(change), { transition: change });
    if (change.state === 'running' && this.redelivered) {
      this.offset = 1;
      await this.send('log', {
        lines: [
          {
            seq: 1,
            stream: 'system',
            time: new Date().toISOString(),
            text: 'The broker delivered this job again: the worker that had it before stopped without finishing it',
          },
        ],
      });
    }
  }

  async appendLog(_jobId: string, _attempt: number, lines: readonly LogLine[]): Promise<void> {
    const shifted = this.offset === 0 ? lines : lines.map((l) => ({ ...l, seq: l.seq + this.offset }));
    await this.send('log', { lines: shifted });
  }

  /** Called by the runner's watcher of the curve file (after `running`, before the final state). */
  async curveChanged(_jobId: string, _attempt: number, change: CurveNews): Promise<void> {
    let text: string | undefined;
    if (this.curveFile !== null && change.bytes <= MAX_CURVE_TEXT) {
      try {
        text = await readFile(this.curveFile, 'utf8');
      } catch {
        text = undefined; // moved away meanwhile: the news still goes, the next change brings text
      }
    }
    // The size and time of what is sent, which may have grown since the watcher looked.
    if (text !== undefined && Buffer.byteLength(text) > MAX_CURVE_TEXT) text = undefined;
    const bytes = text === undefined ? change.bytes : Buffer.byteLength(text);
    await this.send('curve', {
      curve: { bytes, time: change.time, ...(text === undefined ? {} : { text }) },
    });
  }

  private send(kind: StatusKind, fields: object): Promise<void> {
    const body = JSON.stringify({
      kind,
      jobId: this.attempt.jobId,
      attempt: this.attempt.attempt,
      runId: this.runId,
      redelivered: this.redelivered,
      ...fields,
    });
    // JMSXGroupID: the broker gives one job's statuses to one server of several, in order.
    return this.worker.publishUntilStored(this.worker.statusQueue, body, {
      JMSXGroupID: this.attempt.jobId,
      'formulary-status': kind,
      'formulary-job-id': this.attempt.jobId,
    });
  }
}
