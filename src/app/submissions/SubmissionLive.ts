/**
 * One submission's jobs as its page shows them, folded from its event history: the feed replays
 * every stored event from id 0 (so a reload in the middle shows everything so far) and then follows.
 * Each attempt keeps its transitions and its log lines (by seq, so nothing shows twice). Mutable
 * arrays plus a version counter: a chatty log appends in place instead of copying 100,000 lines.
 */
import type { LiveEvent } from '../../forms/index';
import type { JobView } from './serviceApi';

export interface LogLine {
  readonly seq: number;
  readonly stream: 'stdout' | 'stderr' | 'system';
  readonly time: string;
  readonly text: string;
}

export interface AttemptLive {
  readonly attempt: number;
  state: string;
  message: string;
  readonly transitions: { state: string; time: string; message: string }[];
  readonly lines: LogLine[];
}

export interface JobLive {
  readonly id: string;
  label: string;
  index: number;
  readonly attempts: Map<number, AttemptLive>;
}

export class SubmissionLive {
  readonly jobs = new Map<string, JobLive>();
  version = 0;

  /** Labels and order from the jobs route; attempts come from the events. */
  setJobs(views: readonly JobView[]): void {
    for (const view of views) {
      const job = this.jobs.get(view.id) ?? {
        id: view.id,
        label: view.label,
        index: view.index,
        attempts: new Map(),
      };
      job.label = view.label;
      job.index = view.index;
      this.jobs.set(view.id, job);
    }
    this.version++;
  }

  /** Applies one event; returns false when its job is not known yet (the page reads the jobs again). */
  apply(event: LiveEvent): boolean {
    let job = this.jobs.get(event.jobId);
    const known = job !== undefined;
    if (!job) {
      job = { id: event.jobId, label: 'job', index: this.jobs.size, attempts: new Map() };
      this.jobs.set(job.id, job);
    }
    let attempt = job.attempts.get(event.attempt);
    if (!attempt) {
      attempt = { attempt: event.attempt, state: 'queued', message: '', transitions: [], lines: [] };
      job.attempts.set(event.attempt, attempt);
    }
    if (event.kind === 'state') {
      const t = event.payload as { state: string; time: string; message: string };
      attempt.state = t.state;
      attempt.message = t.message;
      attempt.transitions.push({ state: t.state, time: t.time, message: t.message });
    } else {
      const { lines } = event.payload as { lines: LogLine[] };
      const last = attempt.lines.at(-1)?.seq ?? 0;
      for (const line of lines) if (line.seq > last) attempt.lines.push(line);
    }
    this.version++;
    return known;
  }

  /** Jobs in plan order. */
  ordered(): JobLive[] {
    return [...this.jobs.values()].sort((a, b) => a.index - b.index);
  }
}

/** The latest attempt of a job (undefined before its first event). */
export const latestAttempt = (job: JobLive): AttemptLive | undefined =>
  job.attempts.size === 0 ? undefined : job.attempts.get(Math.max(...job.attempts.keys()));
