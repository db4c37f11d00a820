/**
 * The extra headers the embedded form sends with every POST attempt: the page's own (`headers`), and
 * a CSRF token read from a cookie at submit time (`csrf-cookie="csrftoken"` sends it as
 * `csrf-header`, `X-CSRFToken` by default: Django's names), so a Django page keeps its CSRF check and
 * our retries, Idempotency-Key and draft. A named cookie that is missing is an error naming it.
 */

export interface CsrfOptions {
  /** Extra headers for every attempt (auth, a token the page holds), or a function read per submit. */
  readonly headers?: Record<string, string> | (() => Record<string, string>);
  /** Name of the cookie holding the CSRF token (`csrftoken` for Django). */
  readonly csrfCookie?: string;
  /** Header the token goes in; `X-CSRFToken` by default. */
  readonly csrfHeader?: string;
}

/** The cookie's value in `cookies` (document.cookie), decoded, or undefined. O(cookies). */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/** A csrf-cookie the page does not have: the embed shows it in the form's language (embed.noCsrfCookie). */
export class MissingCsrfCookieError extends Error {
  constructor(readonly cookie: string) {
    super(
      `no "${cookie}" cookie on this page (csrf-cookie): the server will refuse the request without its CSRF token; on Django, render the page with {% csrf_token %} or @ensure_csrf_cookie`,
    );
    this.name = 'MissingCsrfCookieError';
  }
}

/** The headers for one submission; throws a MissingCsrfCookieError naming the cookie when it is missing. */
export function requestHeaders(
  options: CsrfOptions,
  cookies = globalThis.document?.cookie ?? '',
): Record<string, string> {
  const headers = { ...(typeof options.headers === 'function' ? options.headers() : options.headers) };
  const cookie = options.csrfCookie?.trim();
  if (cookie) {
    const token = readCookie(cookies, cookie);
    if (token === undefined) throw new MissingCsrfCookieError(cookie);
    headers[options.csrfHeader?.trim() || 'X-CSRFToken'] = token;
  }
  return headers;
}
