/**
 * The benchmark's floor: parse the JSON and insert the row, with no validation and no idempotency
 * record. Registered only when the server is started for `npm run bench:server`; never in production.
 */
import type { FastifyInstance } from 'fastify';
import type { Instrument } from '../../instruments/index';
import type { SubmissionService } from '../../submissions/index';
import { HttpProblem } from '../HttpProblem';
import { findInstrument } from './instrumentRoutes';

export function floorRoute(
  app: FastifyInstance,
  instruments: ReadonlyMap<string, Instrument>,
  service: SubmissionService,
): void {
  app.post<{ Params: { id: string } }>(
    '/api/bench-floor/instruments/:id/submissions',
    { schema: { hide: true } as never },
    async (request, reply) => {
      const instrument = findInstrument(instruments, request.params.id);
      if (request.jsonText === undefined)
        throw new HttpProblem(415, 'unsupported-media-type', 'Unsupported media type', 'JSON only');
      const id = await service.storeUnchecked(instrument, request.jsonText, request.body);
      return reply
        .code(201)
        .type('application/json; charset=utf-8')
        .send(`{"id":${JSON.stringify(id)}}`);
    },
  );
}
