/**
 * GET /api/instruments (the catalogue) and GET /api/instruments/:id/schema (the bundled schema, with
 * an ETag so the portal and scripts revalidate with a 304 instead of downloading it again).
 */
import type { FastifyInstance } from 'fastify';
import type { Instrument } from '../../instruments/index';
import { HttpProblem } from '../HttpProblem';
import { problemResponse } from './apiSchemas';

export function findInstrument(instruments: ReadonlyMap<string, Instrument>, id: string): Instrument {
  const instrument = instruments.get(id);
  if (!instrument) {
    const known = [...instruments.keys()].join(', ');
    throw new HttpProblem(
      404,
      'unknown-instrument',
      'Unknown instrument',
      `no instrument "${id}" (known: ${known})`,
    );
  }
  return instrument;
}

export const etagMatches = (header: string | undefined, etag: string): boolean =>
  header !== undefined &&
  (header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag));

export function instrumentRoutes(app: FastifyInstance, instruments: ReadonlyMap<string, Instrument>): void {
  app.get(
    '/api/instruments',
    {
      schema: {
        summary: 'The instruments this service accepts requests for',
        tags: ['instruments'],
        response: { 200: { type: 'array', items: { $ref: 'Instrument#' } } },
      },
    },
    async () =>
      [...instruments.values()].map((i) => ({
        id: i.id,
        name: i.name,
        kind: i.kind,
        dialect: i.dialect,
        schemaVersion: i.schemaVersion,
        schemaUrl: `/api/instruments/${i.id}/schema`,
        submissionsUrl: `/api/instruments/${i.id}/submissions`,
      })),
  );

  app.get<{ Params: { id: string } }>(
    '/api/instruments/:id/schema',
    {
      schema: {
        summary: "An instrument's bundled, self-contained JSON Schema",
        tags: ['instruments'],
        params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        response: {
          200: {
            description: 'The schema (ETag set)',
            content: { 'application/schema+json': { schema: {} } },
          },
          304: { description: 'Not modified (If-None-Match matched the ETag)', type: 'null' },
          404: problemResponse('Unknown instrument'),
        },
      },
    },
    async (request, reply) => {
      const instrument = findInstrument(instruments, request.params.id);
      reply.header('etag', instrument.etag).header('cache-control', 'no-cache');
      reply.header('x-schema-version', String(instrument.schemaVersion));
      if (etagMatches(request.headers['if-none-match'], instrument.etag)) return reply.code(304).send();
      return reply.type('application/schema+json').send(instrument.bundledText);
    },
  );
}
