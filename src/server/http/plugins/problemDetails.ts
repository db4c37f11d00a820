/**
 * Every error answer is application/problem+json and carries the request id (also in X-Request-Id on
 * every response): our HttpProblems as thrown, Fastify's own errors (body too large, media type, route
 * schema) mapped to their statuses, anything else a 500 without internals. Each is logged with the
 * request id; a 5xx with its stack, in the log only.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem, problemBase } from '../HttpProblem';

export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

function fromFastify(error: FastifyError, request: FastifyRequest): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const status = error.statusCode ?? 500;
  if (error.validation) {
    const errors = error.validation.map((v) => ({
      in: error.validationContext ?? 'request',
      pointer: v.instancePath || '',
      message: v.message ?? 'is invalid',
    }));
    return new HttpProblem(
      400,
      'invalid-parameters',
      'Invalid parameters',
      `${error.validationContext ?? 'request'}: ${errors.map((e) => `${e.pointer || '/'} ${e.message}`).join('; ')}`,
      { errors },
    );
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpProblem(413, 'body-too-large', 'Request body too large', error.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpProblem(
        415,
        'unsupported-media-type',
        'Unsupported media type',
        `send the request as application/json (got ${request.headers['content-type'] ?? 'no Content-Type'})`,
      );
    case 'FST_CSRF_MISSING_SECRET':
    case 'FST_CSRF_INVALID_TOKEN':
      return new HttpProblem(
        403,
        'csrf',
        'CSRF token missing or wrong',
        'a request signed in by cookie must send the X-CSRF-Token header (the formulary_csrf cookie, or csrfToken from GET /api/auth/session)',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpProblem(400, 'malformed-json', 'Malformed JSON', 'the body is empty');
  }
  if (status >= 400 && status < 500) {
    return new HttpProblem(status, 'bad-request', 'Bad request', error.message);
  }
  return new HttpProblem(500, 'internal', 'Internal error', 'the server failed; quote the request id');
}

/** Sends `problem` for `request`. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: HttpProblem,
): FastifyReply {
  return reply
    .code(problem.statusCode)
    .headers(problem.headers)
    .type(PROBLEM_TYPE)
    .send(
      JSON.stringify({
        type: problemBase + problem.slug,
        title: problem.title,
        status: problem.statusCode,
        detail: problem.message,
        instance: request.url,
        requestId: request.id,
        ...problem.extra,
      }),
    );
}

/** Installs the error and not-found handlers and the X-Request-Id header on the root instance. */
export function installProblemDetails(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = fromFastify(error, request);
    if (problem.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    else
      request.log.info(
        { status: problem.statusCode, problem: problem.slug, detail: problem.message },
        'refused',
      );
    return sendProblem(request, reply, problem);
  });
  app.setNotFoundHandler((request, reply) => {
    const problem = new HttpProblem(
      404,
      'not-found',
      'Not found',
      `nothing at ${request.method} ${request.url}`,
    );
    request.log.info({ status: 404 }, 'not found');
    return sendProblem(request, reply, problem);
  });
}
