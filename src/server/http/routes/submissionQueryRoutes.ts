/**
 * Reading what was accepted: GET /api/submissions (filters, newest first, cursor pages; ?mine=true
 * narrows it to the asker's own submissions; with ?idempotencyKey=KEY the outbox asks whether its
 * key landed), GET /api/submissions/:id (summary plus
 * the request, spliced in as the exact text accepted) and GET /api/submissions/:id/request (only the
 * bytes accepted).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readableScope } from '../../auth/index';
import type { StoredSubmission } from '../../store/index';
import { normaliseProposal, type SubmissionService, submissionLinks } from '../../submissions/index';
import { demand, refOf } from '../guard';
import { HttpProblem, wordedProblem } from '../HttpProblem';
import { problemResponse } from './apiSchemas';

interface ListQuery {
  instrument?: string;
  status?: string;
  proposal?: string;
  submitter?: string;
  mine?: boolean;
  idempotencyKey?: string;
  since?: string;
  until?: string;
  limit: number;
  cursor?: string;
}

export function summaryOf(s: StoredSubmission) {
  return {
    id: s.id,
    instrument: s.instrument,
    schemaVersion: s.schemaVersion,
    clientSchemaVersion: s.clientSchemaVersion,
    status: s.status,
    proposal: s.proposal,
    submitter: s.submitter,
    idempotencyKey: s.idempotencyKey,
    createdAt: s.createdAt,
    ...(s.defaultsRevision !== undefined && { defaultsRevision: s.defaultsRevision }),
    links: submissionLinks(s.id),
  };
}

const encodeCursor = (seq: number): string => Buffer.from(`s${seq}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^s(\d{1,15})$/.exec(text);
  if (!match)
    throw new HttpProblem(400, 'invalid-cursor', 'Invalid cursor', 'the cursor is not one this server gave');
  return Number(match[1]);
}

const isoOf = (value: string | undefined, name: string): string | undefined => {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time))
    throw new HttpProblem(400, 'invalid-parameters', 'Invalid parameters', `${name}: not a date-time`);
  return new Date(time).toISOString();
};

/** The submitter filter: `submitter`, or the asker's own name for `mine`; both must then agree. */
function submitterOf(request: FastifyRequest, q: ListQuery): string | undefined {
  if (q.mine !== true) return q.submitter;
  const me = request.principal.username;
  if (me === null)
    throw new HttpProblem(400, 'invalid-parameters', 'Invalid parameters', 'mine: nobody is signed in');
  if (q.submitter !== undefined && q.submitter !== me)
    throw new HttpProblem(
      400,
      'invalid-parameters',
      'Invalid parameters',
      `mine and submitter "${q.submitter.slice(0, 100)}" ask for different people: send one of them`,
    );
  return me;
}

const notFound = (id: string) =>
  wordedProblem(404, 'unknown-submission', 'Unknown submission', {
    key: 'problem.unknownSubmission',
    values: { id },
  });

const idParams = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } as const;

export function submissionQueryRoutes(app: FastifyInstance, service: SubmissionService): void {
  const listSchema = (summary: string) => ({
    schema: {
      summary,
      tags: ['submissions'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          instrument: { type: 'string' },
          status: { type: 'string' },
          proposal: { type: 'string', description: 'IPTS-31204, 31204 or IPTS number' },
          submitter: { type: 'string' },
          mine: {
            type: 'boolean',
            description: "only the asker's own submissions (those they sent), among those they may read",
          },
          idempotencyKey: { type: 'string', description: 'the submission(s) stored under this key' },
          since: { type: 'string', description: 'created at or after (ISO 8601)' },
          until: { type: 'string', description: 'created before (ISO 8601)' },
          limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
          cursor: { type: 'string', description: 'nextCursor of the previous page' },
        },
      },
      response: {
        200: {
          type: 'object',
          properties: {
            items: { type: 'array', items: { $ref: 'SubmissionSummary#' } },
            nextCursor: { type: ['string', 'null'] },
          },
          required: ['items', 'nextCursor'],
        },
        400: problemResponse('Bad filter or cursor'),
        401: problemResponse('Not signed in and no API token'),
      },
    },
  });

  /** Only what the asker may read: the filter is part of the query, so pages stay full and ordered. */
  const list = async (request: FastifyRequest, q: ListQuery, instrument = q.instrument) => {
    demand(request, { kind: 'list' });
    const readable = readableScope(request.principal);
    const rows = await service.list({
      ...(readable ? { readableBy: readable } : {}),
      instrument,
      status: q.status,
      proposal: q.proposal === undefined ? undefined : (normaliseProposal(q.proposal) ?? q.proposal),
      submitter: submitterOf(request, q),
      idempotencyKey: q.idempotencyKey,
      since: isoOf(q.since, 'since'),
      until: isoOf(q.until, 'until'),
      beforeSeq: q.cursor === undefined ? undefined : decodeCursor(q.cursor),
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(summaryOf),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last.seq) : null,
    };
  };

  /** The submission when the asker may read it; else the very 404 of a missing one. */
  const readable = async (request: FastifyRequest, id: string): Promise<StoredSubmission> => {
    demand(request, { kind: 'list' });
    const found = await service.get(id);
    if (!found) throw notFound(id);
    demand(request, { kind: 'read', submission: refOf(found) }, () => notFound(id));
    return found;
  };

  app.get<{ Querystring: ListQuery }>(
    '/api/submissions',
    listSchema('List submissions, newest first'),
    async (request) => list(request, request.query),
  );

  // The same list under the URL a submission is posted to: the form's outbox asks
  // `GET <submit URL>?idempotencyKey=KEY` whether a request whose answer it never saw landed.
  app.get<{ Querystring: ListQuery; Params: { id: string } }>(
    '/api/instruments/:id/submissions',
    listSchema("List one instrument's submissions, newest first"),
    async (request) => list(request, request.query, request.params.id),
  );

  app.get<{ Params: { id: string } }>(
    '/api/submissions/:id',
    {
      schema: {
        summary: 'One submission: its summary and the request exactly as accepted',
        tags: ['submissions'],
        params: idParams,
        response: {
          200: {
            description: 'SubmissionSummary plus `request`, the accepted JSON text spliced in unchanged',
            content: {
              'application/json': {
                schema: {
                  allOf: [{ $ref: 'SubmissionSummary#' }, { type: 'object', properties: { request: {} } }],
                },
              },
            },
          },
          404: problemResponse('Unknown submission'),
        },
      },
    },
    async (request, reply) => {
      const found = await readable(request, request.params.id);
      // Spliced as text, not re-serialised: the request reads exactly as it was accepted.
      const head = JSON.stringify(summaryOf(found));
      return reply
        .type('application/json; charset=utf-8')
        .send(`${head.slice(0, -1)},"request":${found.requestText}}`);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/submissions/:id/request',
    {
      schema: {
        summary: 'The request body exactly as accepted, byte for byte',
        tags: ['submissions'],
        params: idParams,
        response: {
          200: { description: 'the accepted bytes', content: { 'application/json': { schema: {} } } },
          404: problemResponse('Unknown submission'),
        },
      },
    },
    async (request, reply) => {
      const found = await readable(request, request.params.id);
      return reply.type('application/json; charset=utf-8').send(found.requestText);
    },
  );
}
