/**
 * How a route asks the rules: `demand(request, action)` throws the problem for a refusal (401 with
 * WWW-Authenticate, 403 naming what is missing), and a 404 exactly as the route answers for what does
 * not exist, so a private submission's existence never leaks. Each refusal keeps the rules' catalogue
 * words, so the answer is worded in the caller's language.
 */
import type { FastifyRequest } from 'fastify';
import { type Action, decide, type SubmissionRef } from '../auth/index';
import { type HttpProblem, type ProblemWords, wordedProblem } from './HttpProblem';

export function refuse(status: 401 | 403 | 404, words: ProblemWords, notFound?: () => HttpProblem): never {
  if (status === 404 && notFound) throw notFound();
  if (status === 401)
    throw wordedProblem(
      401,
      'unauthenticated',
      'Sign-in required',
      words,
      {},
      {
        'www-authenticate': 'Bearer realm="formulary"',
      },
    );
  if (status === 403) throw wordedProblem(403, 'forbidden', 'Not allowed', words);
  throw wordedProblem(404, 'not-found', 'Not found', words);
}

export function demand(request: FastifyRequest, action: Action, notFound?: () => HttpProblem): void {
  const decision = decide(request.principal, action);
  if (!decision.allow) refuse(decision.status, decision.words, notFound);
}

/** 401 for anonymous, whatever the action. */
export function demandSignedIn(request: FastifyRequest): void {
  if (request.principal.username === null) refuse(401, { key: 'problem.signIn' });
}

export const refOf = (s: {
  instrument: string;
  proposal: string | null;
  submitter: string | null;
}): SubmissionRef => ({
  instrument: s.instrument,
  proposal: s.proposal,
  submitter: s.submitter,
});
