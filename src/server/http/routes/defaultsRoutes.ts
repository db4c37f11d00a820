/**
 * Instrument defaults edited by staff, over HTTP. GET /api/instruments/:id/defaults (the overlay on
 * the schema's defaults, with its own ETag: the schema route's ETag stays the schema's bytes, so a
 * change of defaults never makes every client download the schema again, and a saved default shows at
 * the next revalidation of this small document), GET …/defaults/history (old -> new per field), PATCH
 * …/defaults {set, reset} and DELETE …/defaults?pointer= (staff of the instrument and admins). Every
 * change is written to the audit log in the change's own commit. The route only translates: DefaultsService decides.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type DefaultsEdit, DefaultsError, type DefaultsService } from '../../defaults/index';
import type { Instrument } from '../../instruments/index';
import type { DefaultChange } from '../../store/index';
import { demand } from '../guard';
import { HttpProblem } from '../HttpProblem';
import { problemResponse } from './apiSchemas';
import { etagMatches, findInstrument } from './instrumentRoutes';

const params = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } as const;

export function defaultsRoutes(
  app: FastifyInstance,
  instruments: ReadonlyMap<string, Instrument>,
  defaults: DefaultsService,
): void {
  const changeView = (instrument: Instrument, c: DefaultChange) => ({
    seq: c.seq,
    pointer: c.pointer,
    label: defaults.fieldAt(instrument, c.pointer)?.label ?? c.pointer,
    ...(c.oldValue !== undefined && { oldValue: c.oldValue }),
    ...(c.newValue !== undefined && { newValue: c.newValue }),
    reset: c.reset,
    changedBy: c.changedBy,
    changedAt: c.changedAt,
  });

  /** Checks, writes and audits (one entry per field, in the same commit); answers the changes and the new defaults. */
  const apply = async (request: FastifyRequest, instrument: Instrument, edit: DefaultsEdit) => {
    demand(request, { kind: 'edit-defaults', instrument: instrument.id });
    let changes: DefaultChange[];
    try {
      changes = await defaults.change(instrument, edit, request.principal.username!, request.ip);
    } catch (error) {
      if (!(error instanceof DefaultsError)) throw error;
      throw new HttpProblem(422, 'invalid-default', 'Default refused', error.message, {
        errors: error.problems,
      });
    }
    return {
      changes: changes.map((c) => changeView(instrument, c)),
      defaults: await defaults.effective(instrument),
    };
  };

  app.get<{ Params: { id: string } }>(
    '/api/instruments/:id/defaults',
    {
      schema: {
        summary: "The instrument's defaults as its staff changed them (an overlay on the schema's)",
        description: 'New forms start from the schema defaults with these values in. ETag: the revision.',
        tags: ['instruments'],
        params,
        response: {
          304: { description: 'Not modified', type: 'null' },
          404: problemResponse('Unknown instrument'),
        },
      },
    },
    async (request, reply) => {
      const instrument = findInstrument(instruments, request.params.id);
      const effective = await defaults.effective(instrument);
      // The revision changes with every save; the schema's own tag, with a new schema at a restart
      // (labels and schema defaults in this answer come from it).
      const etag = `"defaults-${effective.revision}-${instrument.etag.slice(1, 9)}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return effective;
    },
  );

  app.get<{ Params: { id: string }; Querystring: { limit: number; before?: number } }>(
    '/api/instruments/:id/defaults/history',
    {
      schema: {
        summary: "Every change of the instrument's defaults, newest first: who, when, field, old -> new",
        tags: ['instruments'],
        params,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
            before: { type: 'integer', minimum: 1, description: 'nextBefore of the previous page' },
          },
        },
        response: { 404: problemResponse('Unknown instrument') },
      },
    },
    async (request) => {
      const instrument = findInstrument(instruments, request.params.id);
      const { limit, before } = request.query;
      const rows = await defaults.history(instrument, limit + 1, before);
      const page = rows.slice(0, limit);
      return {
        items: page.map((c) => changeView(instrument, c)),
        nextBefore: rows.length > limit ? (page.at(-1)?.seq ?? null) : null,
      };
    },
  );

  app.patch<{ Params: { id: string }; Body: DefaultsEdit }>(
    '/api/instruments/:id/defaults',
    {
      schema: {
        summary: 'Change defaults (set: pointer -> value) or put them back to the schema (reset: pointers)',
        tags: ['instruments'],
        params,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            set: { type: 'object', description: 'field pointer -> the new default' },
            reset: { type: 'array', items: { type: 'string' }, maxItems: 10_000 },
          },
        },
        response: {
          401: problemResponse('Not signed in and no API token'),
          403: problemResponse('Not staff of this instrument nor an administrator'),
          404: problemResponse('Unknown instrument'),
          422: problemResponse(
            'A field that does not exist, or a value its schema refuses: errors[] names each',
          ),
        },
      },
    },
    async (request) => {
      const instrument = findInstrument(instruments, request.params.id);
      return apply(request, instrument, request.body ?? {});
    },
  );

  app.delete<{ Params: { id: string }; Querystring: { pointer: string } }>(
    '/api/instruments/:id/defaults',
    {
      schema: {
        summary: "Put one field back to the schema's default",
        tags: ['instruments'],
        params,
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['pointer'],
          properties: { pointer: { type: 'string', minLength: 1 } },
        },
        response: {
          401: problemResponse('Not signed in and no API token'),
          403: problemResponse('Not staff of this instrument nor an administrator'),
          404: problemResponse('Unknown instrument'),
          422: problemResponse('Not a field of this schema'),
        },
      },
    },
    async (request) => {
      const instrument = findInstrument(instruments, request.params.id);
      return apply(request, instrument, { reset: [request.query.pointer] });
    },
  );
}
