/**
 * Every error answer is application/problem+json and carries the request id (also in X-Request-Id on
 * every response): our HttpProblems as thrown, Fastify's own errors (body too large, media type, route
 * schema) mapped to their statuses, anything else a 500 without internals. Each is logged with the
 * request id; a 5xx with its stack, in the log only. A problem with catalogue words (a refusal a page
 * shows a person) is worded in the request's Accept-Language, with its key as `code`.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { englishCatalogue, translate } from '../../../schemas/index';
import { HttpProblem, problemBase, wordedProblem } from '../HttpProblem';
import { requestLocale } from '../requestLocale';

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
      return wordedProblem(413, 'body-too-large', 'Request body too large', { key: 'problem.bodyTooLarge' });
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
      return wordedProblem(403, 'csrf', 'CSRF token missing or wrong', { key: 'problem.csrf' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpProblem(400, 'malformed-json', 'Malformed JSON', 'the body is empty');
  }
  if (status >= 400 && status < 500) {
    return new HttpProblem(status, 'bad-request', 'Bad request', error.message);
  }
  return new HttpProblem(500, 'internal', 'Internal error', 'the server failed; quote the request id');
}

/**
 * The title and detail of `problem` in `locale`: a worded detail from the catalogue; the title from
 * `problem.title.<slug>` when the catalogue's English is the title thrown (a route that titles the
 * slug otherwise keeps its own English).
 */
export function problemText(problem: HttpProblem, locale: string): { title: string; detail: string } {
  const titleKey = `problem.title.${problem.slug}`;
  const title =
    problem.words && englishCatalogue[titleKey] === problem.title
      ? translate(locale, titleKey)
      : problem.title;
  const detail = problem.words ? translate(locale, problem.words.key, problem.words.values) : problem.message;
  return { title, detail };
}

/** Sends `problem` for `request`, worded in its Accept-Language where the problem has words. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: HttpProblem,
): FastifyReply {
  const locale = problem.words ? (requestLocale(request.headers['accept-language']) ?? 'en') : undefined;
  const { title, detail } = problemText(problem, locale ?? 'en');
  if (locale) {
    const vary = reply.getHeader('vary');
    reply
      .header('content-language', locale)
      .header('vary', vary ? `${String(vary)}, Accept-Language` : 'Accept-Language');
  }
  return reply
    .code(problem.statusCode)
    .headers(problem.headers)
    .type(PROBLEM_TYPE)
    .send(
      JSON.stringify({
        type: problemBase + problem.slug,
        // The reason's stable name (its catalogue key less "problem."): clients compare this, not words.
        ...(problem.words && { code: problem.words.key.replace(/^problem\./, '') }),
        title,
        status: problem.statusCode,
        detail,
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
    const problem = wordedProblem(404, 'not-found', 'Not found', {
      key: 'problem.notFound',
      values: { method: request.method, url: request.url },
    });
    request.log.info({ status: 404 }, 'not found');
    return sendProblem(request, reply, problem);
  });
}
