/**
 * An error a route or the body parser throws to answer with RFC 9457 problem details: a status, a
 * short title, a detail naming what was wrong, and extra members (errors, line, column). Anything
 * else thrown becomes a 500 that says only "internal error" and the request id: no stack, no SQL.
 * A problem a page shows to a person carries `words` (the catalogue key and values of its detail):
 * the answer is worded in the caller's Accept-Language, and the key goes out as `code`, so a client
 * tells refusals apart without reading sentences.
 */
import { type MessageValues, translate } from '../../schemas/index';

export const problemBase = 'https://formulary.dev/problems/';

/** The catalogue key (problem.*) and values of a problem's detail. */
export interface ProblemWords {
  readonly key: string;
  readonly values?: MessageValues;
}

export class HttpProblem extends Error {
  readonly statusCode: number;
  readonly slug: string;
  readonly title: string;
  readonly extra: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;
  /** The detail's catalogue words; `message` is their English (logs). */
  readonly words?: ProblemWords;

  constructor(
    statusCode: number,
    slug: string,
    title: string,
    detail: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
    words?: ProblemWords,
  ) {
    super(detail);
    this.statusCode = statusCode;
    this.slug = slug;
    this.title = title;
    this.extra = extra;
    this.headers = headers;
    if (words) this.words = words;
  }
}

/**
 * A problem whose detail is catalogue words: `message` is their English (for the log), the answer
 * words them in the caller's language (sendProblem).
 * @example wordedProblem(403, 'forbidden', 'Not allowed', { key: 'problem.adminOnly' }).message // 'only administrators may do this'
 */
export function wordedProblem(
  statusCode: number,
  slug: string,
  title: string,
  words: ProblemWords,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): HttpProblem {
  return new HttpProblem(
    statusCode,
    slug,
    title,
    translate('en', words.key, words.values),
    extra,
    headers,
    words,
  );
}
