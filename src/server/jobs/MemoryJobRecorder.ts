/**
 * A JobRecorder that keeps everything in memory and checks the recorder contract as calls arrive
 * (order, overlap, sequence numbers, nothing after a final state). Tests use it with the real runner;
 * a violation is kept in `violations`, which tests expect empty. `delayMs` makes every call take that
 * long before it is acknowledged, as a store's commit does, so overlapping or early calls show up.
 */
import type { JobRecorder } from './JobRecorder';
import { FINAL_STATES, type JobState, type JobTransition, type LogLine } from './JobTypes';

/** What the recorder holds for one attempt. */
export interface RecordedAttempt {
  readonly jobId: string;
  readonly attempt: number;
  readonly transitions: JobTransition[];
  readonly lines: LogLine[];
}

export interface MemoryJobRecorderOptions {
  /** Wait this long inside every call before acknowledging it (default 0). */
  readonly delayMs?: number;
}

export class MemoryJobRecorder implements JobRecorder {
  readonly violations: string[] = [];
  /** Every transition of every attempt, in the order they were acknowledged. */
  readonly history: JobTransition[] = [];
  private readonly attempts = new Map<string, RecordedAttempt>();
  private readonly busy = new Set<string>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: MemoryJobRecorderOptions = {}) {}

  async transition(change: JobTransition): Promise<void> {
    const key = keyOf(change.jobId, change.attempt);
    await this.enter(key);
    try {
      let record = this.attempts.get(key);
      if (record === undefined) {
        if (change.state !== 'queued') this.violate(`${key}: first state is ${change.state}, not queued`);
        record = { jobId: change.jobId, attempt: change.attempt, transitions: [], lines: [] };
        this.attempts.set(key, record);
      } else {
        const last = record.transitions.at(-1);
        if (last !== undefined && FINAL_STATES.has(last.state)) {
          this.violate(`${key}: ${change.state} after the final state ${last.state}`);
        }
        if (change.state === 'queued') this.violate(`${key}: queued twice`);
      }
      record.transitions.push(change);
      this.history.push(change);
    } finally {
      this.leave(key);
    }
  }

  async appendLog(jobId: string, attempt: number, lines: readonly LogLine[]): Promise<void> {
    const key = keyOf(jobId, attempt);
    await this.enter(key);
    try {
      const record = this.attempts.get(key);
      if (record === undefined) {
        this.violate(`${key}: log lines before queued`);
        return;
      }
      const last = record.transitions.at(-1);
      if (last !== undefined && FINAL_STATES.has(last.state)) this.violate(`${key}: log after ${last.state}`);
      for (const line of lines) {
        const expected = record.lines.length + 1;
        if (line.seq < expected) continue; // a retried batch: stored once (contract point 4)
        if (line.seq !== expected) this.violate(`${key}: line seq ${line.seq}, expected ${expected}`);
        record.lines.push(line);
      }
    } finally {
      this.leave(key);
    }
  }

  /** The attempt's record, or undefined if nothing was recorded for it. */
  get(jobId: string, attempt = 1): RecordedAttempt | undefined {
    return this.attempts.get(keyOf(jobId, attempt));
  }

  /** The attempt's latest state. */
  stateOf(jobId: string, attempt = 1): JobState | undefined {
    return this.get(jobId, attempt)?.transitions.at(-1)?.state;
  }

  /** The attempt's latest transition. */
  lastTransition(jobId: string, attempt = 1): JobTransition | undefined {
    return this.get(jobId, attempt)?.transitions.at(-1);
  }

  /** Log text of an attempt, one line each, `stream: text`. */
  logText(jobId: string, attempt = 1): string {
    return (this.get(jobId, attempt)?.lines ?? []).map((l) => `${l.stream}: ${l.text}`).join('\n');
  }

  /** Resolves once `test` holds after some recorded call; rejects after `timeoutMs`. */
  waitFor(test: () => boolean, timeoutMs = 20_000, what = 'condition'): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!test()) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.listeners.add(check);
    });
  }

  /** Resolves once the attempt reached a final state; returns that transition. */
  async waitForFinal(jobId: string, attempt = 1, timeoutMs = 20_000): Promise<JobTransition> {
    await this.waitFor(
      () => {
        const state = this.stateOf(jobId, attempt);
        return state !== undefined && FINAL_STATES.has(state);
      },
      timeoutMs,
      `${keyOf(jobId, attempt)} to finish`,
    );
    return this.lastTransition(jobId, attempt)!;
  }

  private async enter(key: string): Promise<void> {
    if (this.busy.has(key)) this.violate(`${key}: calls overlap`);
    this.busy.add(key);
    const delay = this.options.delayMs ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  }

  private leave(key: string): void {
    this.busy.delete(key);
    for (const listener of [...this.listeners]) listener();
  }

  private violate(message: string): void {
    this.violations.push(message);
  }
}

function keyOf(jobId: string, attempt: number): string {
  return `${jobId}#${attempt}`;
}
