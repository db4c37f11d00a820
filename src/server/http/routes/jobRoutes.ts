/**
 * Jobs over HTTP: a submission's jobs (GET /api/submissions/:id/jobs), one job with every attempt and
 * transition (GET /api/jobs/:jobId), its log in pages of lines (GET /api/jobs/:jobId/log) or as a
 * text download (GET /api/jobs/:jobId/log.txt), searched whole on the server (GET
 * /api/jobs/:jobId/log/search?q=, a plain case-insensitive substring, paged), and the actions POST /api/jobs/:jobId/cancel and
 * /rerun. Routes only translate: JobService decides, JobActionError names the refusal.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthService } from '../../auth/index';
import type { AttemptRecord, JobDetail, StoredJob, StoredSubmission } from '../../store/index';
import { JobActionError, type JobService, type SubmissionService } from '../../submissions/index';
import { demand, refOf } from '../guard';
import { HttpProblem, wordedProblem } from '../HttpProblem';
import { problemResponse } from './apiSchemas';

const STATUS: Record<JobActionError['kind'], [number, string]> = {
  'unknown-job': [404, 'Unknown job'],
  'unknown-attempt': [404, 'Unknown attempt'],
  'not-active': [409, 'Job not active'],
  'still-active': [409, 'Job still active'],
  elsewhere: [409, 'Job runs elsewhere'],
};

/** Turns a JobActionError into problem details; anything else stays a 500. */
async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof JobActionError)) throw error;
    const [status, title] = STATUS[error.kind];
    throw new HttpProblem(status, error.kind, title, error.message, {}, {}, error.words);
  }
}

export const jobLinks = (id: string) => {
  const base = `/api/jobs/${encodeURIComponent(id)}`;
  return {
    self: base,
    log: `${base}/log`,
    logSearch: `${base}/log/search`,
    logText: `${base}/log.txt`,
    cancel: `${base}/cancel`,
    rerun: `${base}/rerun`,
  };
};

const attemptView = (a: AttemptRecord) => ({
  attempt: a.attempt,
  cause: a.cause,
  state: a.state,
  message: a.message,
  reason: a.reason,
  exitCode: a.exitCode,
  signal: a.signal,
  peakMemoryBytes: a.peakMemoryBytes,
  runnerId: a.runnerId,
  queuedAt: a.queuedAt,
  startedAt: a.startedAt,
  endedAt: a.endedAt,
  lines: a.lastSeq,
});

export const jobView = (job: StoredJob) => {
  const latest = job.attempts.at(-1);
  return {
    id: job.id,
    submissionId: job.submissionId,
    instrument: job.instrument,
    index: job.index,
    scanIndex: job.scanIndex,
    label: job.label,
    state: latest?.state ?? 'queued',
    message: latest?.message ?? 'Waiting to be queued',
    attempt: latest?.attempt ?? 0,
    attempts: job.attempts.map(attemptView),
    links: jobLinks(job.id),
  };
};

const jobParams = {
  type: 'object',
  properties: { jobId: { type: 'string', maxLength: 100 } },
  required: ['jobId'],
} as const;
const logQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    attempt: { type: 'integer', minimum: 1, description: 'default: the latest' },
    after: { type: 'integer', minimum: 0, default: 0, description: 'lines with a higher seq' },
    limit: { type: 'integer', minimum: 1, maximum: 5000, default: 1000 },
  },
} as const;

const searchQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['q'],
  properties: {
    q: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: 'plain text, any case; % and _ are literal',
    },
    attempt: { type: 'integer', minimum: 1, description: 'default: the latest' },
    after: { type: 'integer', minimum: 0, default: 0, description: 'matches with a higher seq' },
    through: {
      type: 'integer',
      minimum: 0,
      description: "the first page's `through`: later pages count and search the same lines",
    },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 200 },
  },
} as const;

export function jobRoutes(
  app: FastifyInstance,
  submissions: SubmissionService,
  jobs: JobService,
  auth: AuthService,
): void {
  const unknownJob = (jobId: string) =>
    wordedProblem(404, 'unknown-job', 'Unknown job', { key: 'problem.unknownJob', values: { id: jobId } });

  /** The job and its submission when the asker may read them; else the 404 of a missing job. */
  const readableJob = async (
    request: FastifyRequest,
    jobId: string,
  ): Promise<{ job: JobDetail; submission: StoredSubmission }> => {
    demand(request, { kind: 'list' });
    const job = await jobs.getJob(jobId);
    const submission = job ? await submissions.get(job.submissionId) : undefined;
    if (!job || !submission) throw unknownJob(jobId);
    demand(request, { kind: 'read', submission: refOf(submission) }, () => unknownJob(jobId));
    return { job, submission };
  };

  const audit = (request: FastifyRequest, action: string, target: string, detail: object) =>
    auth
      .audit({ actor: request.principal.username, action, target, address: request.ip, detail })
      .catch((error: unknown) => request.log.error({ err: error }, 'audit entry could not be written'));

  app.get<{ Params: { id: string } }>(
    '/api/submissions/:id/jobs',
    {
      schema: {
        summary: "A submission's jobs, each with its attempts",
        tags: ['jobs'],
        params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        response: { 404: problemResponse('Unknown job or submission') },
      },
    },
    async (request) => {
      const { id } = request.params;
      const missing = () =>
        wordedProblem(404, 'unknown-submission', 'Unknown submission', {
          key: 'problem.unknownSubmission',
          values: { id },
        });
      demand(request, { kind: 'list' });
      const submission = await submissions.get(id);
      if (!submission) throw missing();
      demand(request, { kind: 'read', submission: refOf(submission) }, missing);
      return { submissionId: id, items: (await jobs.jobsOf(id)).map(jobView) };
    },
  );

  app.get<{ Params: { jobId: string } }>(
    '/api/jobs/:jobId',
    {
      schema: {
        summary: 'One job with every attempt and every state change',
        tags: ['jobs'],
        params: jobParams,
        response: { 404: problemResponse('Unknown job or submission') },
      },
    },
    async (request) =>
      answering(async () => {
        const { job } = await readableJob(request, request.params.jobId);
        return { ...jobView(job), transitions: job.transitions };
      }),
  );

  app.get<{ Params: { jobId: string }; Querystring: { attempt?: number; after: number; limit: number } }>(
    '/api/jobs/:jobId/log',
    {
      schema: {
        summary: "A page of an attempt's log lines (seq, stream, time, text)",
        tags: ['jobs'],
        params: jobParams,
        querystring: logQuery,
        response: { 404: problemResponse('Unknown job or submission') },
      },
    },
    async (request) =>
      answering(async () => {
        const { attempt, after, limit } = request.query;
        await readableJob(request, request.params.jobId);
        const page = await jobs.readLog(request.params.jobId, attempt, after, limit);
        const last = page.lines.at(-1)?.seq;
        const record = page.job.attempts.find((a) => a.attempt === page.attempt);
        return {
          jobId: page.job.id,
          attempt: page.attempt,
          state: record?.state ?? 'queued',
          lines: page.lines,
          // Another page exists when this one is full; a running job may add lines past `after` later.
          next: last !== undefined && page.lines.length === limit ? last : null,
        };
      }),
  );

  app.get<{
    Params: { jobId: string };
    Querystring: { q: string; attempt?: number; after: number; through?: number; limit: number };
  }>(
    '/api/jobs/:jobId/log/search',
    {
      schema: {
        summary:
          "Lines of an attempt's whole stored log that contain `q` (any case), in pages, with the total",
        tags: ['jobs'],
        params: jobParams,
        querystring: searchQuery,
        response: { 404: problemResponse('Unknown job or submission') },
      },
    },
    async (request) =>
      answering(async () => {
        const { q, attempt, after, through, limit } = request.query;
        await readableJob(request, request.params.jobId);
        const found = await jobs.searchLog(request.params.jobId, attempt, {
          needle: q,
          afterSeq: after,
          throughSeq: through,
          limit,
        });
        const last = found.lines.at(-1)?.seq;
        return {
          jobId: request.params.jobId,
          attempt: found.attempt,
          q,
          // Lines up to this seq were searched; the page matches later lines as they arrive.
          through: found.through,
          total: found.total,
          lines: found.lines,
          next: last !== undefined && found.lines.length === limit ? last : null,
        };
      }),
  );

  app.get<{ Params: { jobId: string }; Querystring: { attempt?: number } }>(
    '/api/jobs/:jobId/log.txt',
    {
      schema: {
        summary: "An attempt's whole log as text (stderr lines marked), for download",
        tags: ['jobs'],
        params: jobParams,
        querystring: { type: 'object', properties: { attempt: { type: 'integer', minimum: 1 } } },
        response: { 404: problemResponse('Unknown job or submission') },
      },
    },
    async (request, reply) =>
      answering(async () => {
        const { jobId } = request.params;
        await readableJob(request, jobId);
        let after = 0;
        let text = '';
        let attempt = request.query.attempt;
        for (;;) {
          const page = await jobs.readLog(jobId, attempt, after, 5000);
          attempt = page.attempt;
          for (const line of page.lines) text += `${line.time} ${line.stream.padEnd(6)} ${line.text}\n`;
          if (page.lines.length < 5000) break;
          after = page.lines.at(-1)!.seq;
        }
        return reply
          .type('text/plain; charset=utf-8')
          .header('content-disposition', `attachment; filename="job-${jobId}-attempt-${attempt}.log"`)
          .send(text);
      }),
  );

  app.post<{ Params: { jobId: string } }>(
    '/api/jobs/:jobId/cancel',
    {
      schema: {
        summary: "Cancel the job's queued or running attempt",
        tags: ['jobs'],
        params: jobParams,
        response: {
          404: problemResponse('Unknown job'),
          409: problemResponse("Not possible in the job's state"),
        },
      },
    },
    async (request, reply) =>
      answering(async () => {
        const { submission } = await readableJob(request, request.params.jobId);
        demand(request, { kind: 'cancel', submission: refOf(submission) });
        const result = await jobs.cancel(request.params.jobId, request.principal.username ?? request.ip);
        await audit(request, 'cancel', request.params.jobId, { submission: submission.id, result });
        reply.code(202);
        return { jobId: request.params.jobId, result, links: jobLinks(request.params.jobId) };
      }),
  );

  app.post<{ Params: { jobId: string } }>(
    '/api/jobs/:jobId/rerun',
    {
      schema: {
        summary: 'Run a finished job again, as its next attempt',
        tags: ['jobs'],
        params: jobParams,
        response: {
          404: problemResponse('Unknown job'),
          409: problemResponse("Not possible in the job's state"),
        },
      },
    },
    async (request, reply) =>
      answering(async () => {
        const { job, submission } = await readableJob(request, request.params.jobId);
        demand(request, {
          kind: 'rerun',
          submission: refOf(submission),
          state: job.attempts.at(-1)?.state ?? null,
        });
        const attempt = await jobs.rerun(request.params.jobId);
        await audit(request, 'rerun', request.params.jobId, { submission: submission.id, attempt });
        reply.code(202);
        return { jobId: request.params.jobId, attempt, links: jobLinks(request.params.jobId) };
      }),
  );

  app.post<{ Body: { jobIds: string[] } }>(
    '/api/jobs/rerun',
    {
      schema: {
        summary: 'Re-run many finished jobs at once (administrators)',
        tags: ['jobs'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['jobIds'],
          properties: {
            jobIds: { type: 'array', minItems: 1, maxItems: 1000, items: { type: 'string', maxLength: 100 } },
          },
        },
        response: { 401: problemResponse('Not signed in'), 403: problemResponse('Not an administrator') },
      },
    },
    async (request, reply) => {
      demand(request, { kind: 'batch-rerun' });
      const results: { jobId: string; attempt?: number; error?: string }[] = [];
      for (const jobId of new Set(request.body.jobIds)) {
        try {
          results.push({ jobId, attempt: await jobs.rerun(jobId) });
        } catch (error) {
          if (!(error instanceof JobActionError)) throw error;
          results.push({ jobId, error: error.message });
        }
      }
      await audit(request, 'batch-rerun', `${results.length} jobs`, {
        rerun: results.filter((r) => r.attempt !== undefined).map((r) => r.jobId),
        refused: results.filter((r) => r.error !== undefined).map((r) => r.jobId),
      });
      reply.code(202);
      return { results };
    },
  );
}
