/**
 * What the service does with jobs: turn an accepted submission into stored jobs and hand them to the
 * dispatcher; pick up at start-up what a previous run left unfinished; answer reads, cancels and
 * re-runs. Knows neither HTTP nor SQL: the store keeps jobs, the dispatcher runs them, routes
 * translate the outcomes (`JobActionError.kind`) into statuses.
 */
import { type MessageValues, translate } from '../../schemas/index';
import {
  type Dispatcher,
  FINAL_STATES,
  type JobAttempt,
  type JobsConfig,
  planJobs,
  type RecoveryReport,
  recoverJobs,
} from '../jobs/index';
import type {
  AcceptedJob,
  JobDetail,
  JobStore,
  StoredJob,
  StoredLogLine,
  SubmissionSnapshot,
} from '../store/index';
import { type AttemptCurve, readAttemptCurve } from './readAttemptCurve';

/** Why a cancel or re-run was refused: the route picks the status from `kind`. */
export class JobActionError extends Error {
  /** The reason's catalogue words (problem.*), so the answer speaks the caller's language. */
  readonly words: { readonly key: string; readonly values?: MessageValues };

  /** `message` is the English of the catalogue's `key` with `values` (for logs). */
  constructor(
    readonly kind: 'unknown-job' | 'unknown-attempt' | 'not-active' | 'still-active' | 'elsewhere',
    key: string,
    values?: MessageValues,
  ) {
    super(translate('en', key, values));
    this.name = 'JobActionError';
    this.words = { key, ...(values && { values }) };
  }
}

export interface JobServiceOptions {
  readonly jobs: JobStore;
  readonly dispatcher: Dispatcher;
  readonly config: JobsConfig;
  readonly runnerId: string;
  /** Told what could not be planned or queued (the submission itself stays accepted). */
  readonly onError?: (error: unknown, what: string) => void;
}

export class JobService {
  constructor(private readonly options: JobServiceOptions) {}

  /**
   * Plans, stores and queues the jobs of an accepted submission. Safe to call again for the same
   * submission: the stored jobs are reused and only those never queued are queued.
   */
  async startJobs(submission: { id: string; instrument: string; requestText: string }): Promise<StoredJob[]> {
    const planned = planJobs(JSON.parse(submission.requestText));
    const jobs = await this.options.jobs.createJobs(submission.id, submission.instrument, planned);
    for (const job of jobs) {
      if (job.attempts.length === 0) await this.options.dispatcher.enqueue(attemptOf(job, 1, 'submitted'));
    }
    return jobs;
  }

  /**
   * The jobs a new submission should get, each with the words of its `queued` transition: stored
   * with the submission in one transaction (SubmissionStore.accept), then given to queueStored.
   * Throws JobPlanError when the request's job choice cannot be planned.
   */
  planAccepted(instrument: string, request: unknown): AcceptedJob[] {
    return planJobs(request).map((planned) => ({
      planned,
      queuedMessage: this.options.dispatcher.queuedMessage({ instrument, request: planned.request }),
    }));
  }

  /** Hands jobs stored with attempt 1 already `queued` (accept()) to the dispatcher. */
  async queueStored(jobs: readonly StoredJob[]): Promise<void> {
    for (const job of jobs)
      await this.options.dispatcher.enqueue(attemptOf(job, 1, 'submitted'), { alreadyQueued: true });
  }

  /**
   * At start-up: interrupted and queued attempts (recoverJobs), then jobs stored but never queued,
   * then accepted submissions whose jobs were never stored (planned and queued now).
   */
  async recover(): Promise<RecoveryReport & { readonly started: readonly string[] }> {
    const { jobs, dispatcher, config, runnerId } = this.options;
    const report = await recoverJobs(await jobs.unfinished(), {
      recorder: jobs,
      dispatcher,
      runnerId,
      requeueInterrupted: config.requeueInterrupted,
      killGraceMs: config.killGraceMs,
    });
    const started: string[] = [];
    for (const job of await jobs.unstarted()) {
      await dispatcher.enqueue(attemptOf(job, 1, 'submitted'));
      started.push(job.id);
    }
    for (const submission of await jobs.submissionsWithoutJobs()) {
      for (const job of await this.startJobs(submission)) started.push(job.id);
    }
    return { ...report, started };
  }

  jobsOf(submissionId: string): Promise<StoredJob[]> {
    return this.options.jobs.jobsOf(submissionId);
  }

  jobsOfSubmissions(submissionIds: readonly string[]): Promise<StoredJob[]> {
    return this.options.jobs.jobsOfSubmissions(submissionIds);
  }

  /**
   * The reduced curve an attempt wrote (the latest attempt when `attempt` is omitted), read while
   * the job may still be writing it; undefined when its task names no curve file or none exists yet.
   */
  async curveOf(jobId: string, attempt: number | undefined): Promise<AttemptCurve | undefined> {
    const job = await this.mustGet(jobId);
    const chosen = attempt ?? job.attempts.at(-1)?.attempt;
    const record = job.attempts.find((a) => a.attempt === chosen);
    if (chosen === undefined || record === undefined)
      throw new JobActionError('unknown-attempt', 'problem.noAttemptYet', {
        job: jobId,
        attempt: chosen ?? 1,
      });
    const stored = await this.options.jobs.storedCurve(jobId, chosen);
    return readAttemptCurve(
      attemptOf(job, chosen, record.cause),
      record.state,
      this.options.config,
      stored?.text,
    );
  }

  /** The submission's jobs with the last `tailLines` of every attempt's log, at one event id. */
  snapshot(submissionId: string, tailLines: number): Promise<SubmissionSnapshot> {
    return this.options.jobs.snapshot(submissionId, tailLines);
  }

  getJob(jobId: string): Promise<JobDetail | undefined> {
    return this.options.jobs.getJob(jobId);
  }

  /** One attempt's lines after `afterSeq`; the latest attempt when `attempt` is omitted. */
  async readLog(
    jobId: string,
    attempt: number | undefined,
    afterSeq: number,
    limit: number,
  ): Promise<{ job: JobDetail; attempt: number; lines: StoredLogLine[] }> {
    const job = await this.mustGet(jobId);
    const chosen = attempt ?? job.attempts.at(-1)?.attempt ?? 1;
    if (job.attempts.length > 0 && !job.attempts.some((a) => a.attempt === chosen))
      throw new JobActionError('unknown-attempt', 'problem.unknownAttempt', {
        job: jobId,
        count: job.attempts.length,
        attempt: chosen,
      });
    return { job, attempt: chosen, lines: await this.options.jobs.readLog(jobId, chosen, afterSeq, limit) };
  }

  /**
   * Searches one attempt's whole stored log (the latest attempt when `attempt` is omitted) for a
   * plain, case-insensitive substring: matching lines after `afterSeq`, at most `limit`, and the
   * total up to `throughSeq` (default: the lines stored now, returned as `through` for the next page).
   */
  async searchLog(
    jobId: string,
    attempt: number | undefined,
    search: { needle: string; afterSeq: number; throughSeq?: number; limit: number },
  ): Promise<{ attempt: number; through: number; total: number; lines: readonly StoredLogLine[] }> {
    const job = await this.mustGet(jobId);
    const chosen = attempt ?? job.attempts.at(-1)?.attempt ?? 1;
    const record = job.attempts.find((a) => a.attempt === chosen);
    if (job.attempts.length > 0 && record === undefined)
      throw new JobActionError('unknown-attempt', 'problem.unknownAttempt', {
        job: jobId,
        count: job.attempts.length,
        attempt: chosen,
      });
    const through = Math.min(search.throughSeq ?? Number.MAX_SAFE_INTEGER, record?.lastSeq ?? 0);
    const page = await this.options.jobs.searchLog(jobId, chosen, { ...search, throughSeq: through });
    return { attempt: chosen, through, ...page };
  }

  /** Cancels the job's queued or running attempt; the answer says whether it is done or stopping. */
  async cancel(jobId: string, by: string): Promise<'cancelled' | 'stopping'> {
    const job = await this.mustGet(jobId);
    const latest = job.attempts.at(-1);
    if (latest === undefined || FINAL_STATES.has(latest.state))
      throw new JobActionError('not-active', 'problem.notActive', {
        job: jobId,
        state: latest?.state ?? 'none',
      });
    const result = await this.options.dispatcher.cancel(jobId, `Cancelled by ${by}`);
    if (result === 'not-found')
      throw new JobActionError('elsewhere', 'problem.elsewhere', {
        job: jobId,
        state: latest.state,
        runner: latest.runnerId ?? '?',
      });
    return result;
  }

  /** Queues the next attempt of a finished job (cause "rerun"); refused while an attempt is active. */
  async rerun(jobId: string): Promise<number> {
    const job = await this.mustGet(jobId);
    const latest = job.attempts.at(-1);
    if (latest !== undefined && !FINAL_STATES.has(latest.state))
      throw new JobActionError('still-active', 'problem.stillActive', {
        job: jobId,
        attempt: latest.attempt,
        state: latest.state,
      });
    const next = (latest?.attempt ?? 0) + 1;
    await this.options.dispatcher.enqueue(attemptOf(job, next, next === 1 ? 'submitted' : 'rerun'));
    return next;
  }

  close(): Promise<void> {
    return this.options.dispatcher.close({ drainMs: 0 });
  }

  private async mustGet(jobId: string): Promise<JobDetail> {
    const job = await this.options.jobs.getJob(jobId);
    if (!job) throw new JobActionError('unknown-job', 'problem.unknownJob', { id: jobId });
    return job;
  }
}

function attemptOf(job: StoredJob, attempt: number, cause: JobAttempt['cause']): JobAttempt {
  return {
    jobId: job.id,
    attempt,
    submissionId: job.submissionId,
    instrument: job.instrument,
    scanIndex: job.scanIndex,
    request: job.request,
    cause,
    ...(job.maxParallel === null ? {} : { maxParallel: job.maxParallel }),
    ...(job.stopOnFailure ? { stopOnFailure: true } : {}),
  };
}
