/**
 * An error a route or the body parser throws to answer with RFC 9457 problem details: a status, a
 * short title, a detail naming what was wrong, and extra members (errors, line, column). Anything
 * else thrown becomes a 500 that says only "internal error" and the request id: no stack, no SQL.
 */

export const problemBase = 'https://formulary.dev/problems/';

export class HttpProblem extends Error {
  readonly statusCode: number;
  readonly slug: string;
  readonly title: string;
  readonly extra: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    statusCode: number,
    slug: string,
    title: string,
    detail: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) {
    super(detail);
    this.statusCode = statusCode;
    this.slug = slug;
    this.title = title;
    this.extra = extra;
    this.headers = headers;
  }
}
