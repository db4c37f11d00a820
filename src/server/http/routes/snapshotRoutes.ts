/**
 * GET /api/submissions/:id/snapshot: what a submission's page shows when it opens, in one read: the
 * jobs with every attempt and transition, the last `tail` lines of each attempt's log (earlier lines
 * page through /api/jobs/:jobId/log), and `eventId`, the event the whole answer is current to. The page
 * then follows `submission:<id>` since that id: a long job's history arrives as one answer instead of
 * being replayed event by event, and nothing is missed or shown twice.
 */
import type { FastifyInstance } from 'fastify';
import type { JobService, SubmissionService } from '../../submissions/index';
import { demand, refOf } from '../guard';
import { wordedProblem } from '../HttpProblem';
import { problemResponse } from './apiSchemas';
import { jobView } from './jobRoutes';

/** Lines per attempt when the page does not say. */
export const DEFAULT_TAIL = 1000;

export function snapshotRoutes(app: FastifyInstance, submissions: SubmissionService, jobs: JobService): void {
  app.get<{ Params: { id: string }; Querystring: { tail: number } }>(
    '/api/submissions/:id/snapshot',
    {
      schema: {
        summary: "A submission's jobs, transitions and log tails, current to one event id",
        tags: ['jobs'],
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 100 } }, required: ['id'] },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            tail: {
              type: 'integer',
              minimum: 0,
              maximum: 20_000,
              default: DEFAULT_TAIL,
              description: 'the last lines of each attempt to include',
            },
          },
        },
        response: { 404: problemResponse('Unknown submission') },
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
      const snapshot = await jobs.snapshot(id, request.query.tail);
      return {
        submissionId: id,
        eventId: snapshot.eventId,
        jobs: snapshot.jobs.map((job) => ({
          ...jobView(job),
          transitions: job.transitions,
          logs: job.logs,
        })),
      };
    },
  );
}
