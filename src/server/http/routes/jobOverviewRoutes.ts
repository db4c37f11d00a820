/**
 * What the pages read beside a job's own routes: the jobs of many submissions at once
 * (GET /api/jobs?submissions=a,b: the "My submissions" list shows every row's job states without a
 * request per row) and an attempt's reduced curve (GET /api/jobs/:jobId/curve), read while it grows.
 * The rules are those of reading a submission: the list leaves out what the asker may not read, and a
 * curve of such a job is a 404, as for one that does not exist.
 */
import type { FastifyInstance } from 'fastify';
import { mayRead } from '../../auth/index';
import { CurveFileError } from '../../jobs/index';
import { JobActionError, type JobService, type SubmissionService } from '../../submissions/index';
import { demand, refOf } from '../guard';
import { HttpProblem, wordedProblem } from '../HttpProblem';
import { problemResponse } from './apiSchemas';
import { jobView } from './jobRoutes';

/** At most this many submissions per read (the list asks page by page). */
export const MAX_SUBMISSIONS_PER_READ = 200;

export function jobOverviewRoutes(
  app: FastifyInstance,
  submissions: SubmissionService,
  jobs: JobService,
): void {
  const noCurve = (jobId: string) =>
    wordedProblem(404, 'no-curve', 'No curve', { key: 'problem.noCurve', values: { job: jobId } });

  app.get<{ Querystring: { submissions: string } }>(
    '/api/jobs',
    {
      schema: {
        summary: 'The jobs of several submissions (comma-separated ids), each with its attempts',
        tags: ['jobs'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['submissions'],
          properties: { submissions: { type: 'string', maxLength: 200 * 101 } },
        },
        response: {
          400: problemResponse('Too many or malformed ids'),
          401: problemResponse('Not signed in and no API token'),
        },
      },
    },
    async (request) => {
      demand(request, { kind: 'list' });
      const asked = [...new Set(request.query.submissions.split(',').filter((id) => id !== ''))];
      const ids: string[] = [];
      if (asked.length > MAX_SUBMISSIONS_PER_READ || asked.some((id) => id.length > 100))
        throw new HttpProblem(
          400,
          'invalid-parameters',
          'Invalid parameters',
          `submissions: at most ${MAX_SUBMISSIONS_PER_READ} ids of at most 100 characters, comma-separated`,
        );
      // What the asker may not read is left out, as a list leaves it out: its existence does not leak.
      for (const id of asked) {
        const found = await submissions.get(id);
        if (found && mayRead(request.principal, refOf(found))) ids.push(id);
      }
      return { items: (await jobs.jobsOfSubmissions(ids)).map(jobView) };
    },
  );

  app.get<{ Params: { jobId: string }; Querystring: { attempt?: number } }>(
    '/api/jobs/:jobId/curve',
    {
      schema: {
        summary: "An attempt's reduced curves (Q, intensity, error), also while the job writes them",
        tags: ['jobs'],
        params: {
          type: 'object',
          properties: { jobId: { type: 'string', maxLength: 100 } },
          required: ['jobId'],
        },
        querystring: { type: 'object', properties: { attempt: { type: 'integer', minimum: 1 } } },
        response: {
          404: problemResponse('Unknown job or attempt, or no curve (yet)'),
          422: problemResponse('The curve file cannot be read'),
        },
      },
    },
    async (request) => {
      const { jobId } = request.params;
      demand(request, { kind: 'list' });
      const job = await jobs.getJob(jobId);
      const submission = job ? await submissions.get(job.submissionId) : undefined;
      if (!submission) throw noCurve(jobId);
      demand(request, { kind: 'read', submission: refOf(submission) }, () => noCurve(jobId));
      try {
        const found = await jobs.curveOf(jobId, request.query.attempt);
        if (!found) throw noCurve(jobId);
        return {
          jobId,
          attempt: found.attempt,
          state: found.state,
          complete: found.complete,
          // [q, intensity, error]: a third of the bytes of objects, for curves of thousands of points.
          curves: found.curves.map((c) => ({
            label: c.label,
            points: c.points.map((p) => [p.q, p.intensity, Number.isNaN(p.error) ? null : p.error]),
          })),
        };
      } catch (error) {
        if (error instanceof JobActionError)
          throw new HttpProblem(
            404,
            error.kind,
            'Unknown job or attempt',
            error.message,
            {},
            {},
            error.words,
          );
        if (error instanceof CurveFileError)
          throw new HttpProblem(422, 'unreadable-curve', 'The curve file cannot be read', error.message);
        throw error;
      }
    },
  );
}
