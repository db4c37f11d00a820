/**
 * One submission's jobs as its page shows them: loaded from a snapshot (jobs, transitions, the tail
 * of each log, current to one event id), then moved forward by the events that follow that id. Each
 * attempt keeps its transitions, its loaded log lines (by seq, so nothing shows twice; earlier lines
 * are prepended on demand) and a curve counter that grows with each `curve` event. Mutable arrays
 * plus a version counter: a chatty log appends in place instead of copying 100,000 lines.
 */
import type { LiveEvent } from '../../forms/index';
import type { JobView, LogLineView, SnapshotView } from './serviceApi';

export type LogLine = LogLineView;

export interface AttemptLive {
  readonly attempt: number;
  state: string;
  message: string;
  readonly transitions: { state: string; time: string; message: string }[];
  lines: LogLine[];
  /** Lines stored before the first loaded one (the snapshot sends only the tail). */
  earlier: number;
  /** Grows with every `curve` event: the curve file changed. */
  curve: number;
}

export interface JobLive {
  readonly id: string;
  label: string;
  index: number;
  readonly attempts: Map<number, AttemptLive>;
}

const newAttempt = (attempt: number): AttemptLive => ({
  attempt,
  state: 'queued',
  message: '',
  transitions: [],
  lines: [],
  earlier: 0,
  curve: 0,
});

export class SubmissionLive {
  readonly jobs = new Map<string, JobLive>();
  version = 0;
  /** The event id the model is current to (the snapshot's, then each event's). */
  eventId = 0;

  /** Replaces everything with a snapshot; the events after `snapshot.eventId` follow. */
  load(snapshot: SnapshotView): void {
    this.jobs.clear();
    for (const view of snapshot.jobs) {
      const job: JobLive = { id: view.id, label: view.label, index: view.index, attempts: new Map() };
      for (const a of view.attempts) {
        const attempt = newAttempt(a.attempt);
        attempt.state = a.state;
        attempt.message = a.message;
        for (const t of view.transitions)
          if (t.attempt === a.attempt)
            attempt.transitions.push({ state: t.state, time: t.time, message: t.message });
        const log = view.logs.find((l) => l.attempt === a.attempt);
        if (log) {
          attempt.lines = [...log.lines];
          attempt.earlier = log.earlier;
        }
        job.attempts.set(a.attempt, attempt);
      }
      this.jobs.set(job.id, job);
    }
    this.eventId = snapshot.eventId;
    this.version++;
  }

  /** Labels and order from the jobs route (a job the snapshot did not have yet). */
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
    if (event.id <= this.eventId) return true; // the snapshot already has it
    this.eventId = event.id;
    let job = this.jobs.get(event.jobId);
    const known = job !== undefined;
    if (!job) {
      job = { id: event.jobId, label: 'job', index: this.jobs.size, attempts: new Map() };
      this.jobs.set(job.id, job);
    }
    let attempt = job.attempts.get(event.attempt);
    if (!attempt) {
      attempt = newAttempt(event.attempt);
      job.attempts.set(event.attempt, attempt);
    }
    if (event.kind === 'state') {
      const t = event.payload as { state: string; time: string; message: string };
      attempt.state = t.state;
      attempt.message = t.message;
      attempt.transitions.push({ state: t.state, time: t.time, message: t.message });
    } else if (event.kind === 'log') {
      const { lines } = event.payload as { lines: LogLine[] };
      const last = attempt.lines.at(-1)?.seq ?? attempt.earlier;
      for (const line of lines) if (line.seq > last) attempt.lines.push(line);
    } else if (event.kind === 'curve') {
      attempt.curve++;
    }
    this.version++;
    return known;
  }

  /** Puts lines read from the log route before the loaded ones (those already loaded are skipped). */
  prepend(jobId: string, attemptNo: number, lines: readonly LogLine[]): void {
    const attempt = this.jobs.get(jobId)?.attempts.get(attemptNo);
    if (!attempt) return;
    const first = attempt.lines[0]?.seq ?? Number.POSITIVE_INFINITY;
    const before = lines.filter((l) => l.seq < first);
    attempt.lines = [...before, ...attempt.lines];
    attempt.earlier = Math.max(0, (attempt.lines[0]?.seq ?? 1) - 1);
    this.version++;
  }

  /** Jobs in plan order. */
  ordered(): JobLive[] {
    return [...this.jobs.values()].sort((a, b) => a.index - b.index);
  }
}

/** The latest attempt of a job (undefined before its first event). */
export const latestAttempt = (job: JobLive): AttemptLive | undefined =>
  job.attempts.size === 0 ? undefined : job.attempts.get(Math.max(...job.attempts.keys()));
