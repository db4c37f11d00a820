/**
 * A test switch: answer the first N submissions with 503, so the end-to-end test can show the
 * portal's outbox retrying with one Idempotency-Key until the server accepts. Off unless the
 * composition root is given a count (FORMULARY_TEST_FAIL_SUBMISSIONS); it says so in the log.
 */
import type { FastifyInstance } from 'fastify';
import { HttpProblem } from '../HttpProblem';

export function installTestFaults(app: FastifyInstance, failFirstSubmissions: number): void {
  if (failFirstSubmissions <= 0) return;
  let left = failFirstSubmissions;
  app.log.warn({ failFirstSubmissions }, 'test switch: the first submissions will be answered 503');
  app.addHook('preHandler', async (request) => {
    if (request.method !== 'POST' || !request.routeOptions.url?.endsWith('/submissions') || left <= 0) return;
    left -= 1;
    throw new HttpProblem(
      503,
      'unavailable',
      'Service unavailable',
      'test switch: failing this submission on purpose',
      {},
      {
        'retry-after': '1',
      },
    );
  });
}
