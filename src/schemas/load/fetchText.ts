/**
 * The text at an http(s) URL, with errors a web developer can act on. `fetch` rejects with a bare
 * "Failed to fetch" (browsers) or "fetch failed" (Node) when no response arrives: the server is down,
 * or, in a browser, the URL is on another origin that sends no Access-Control-Allow-Origin header.
 * Each error keeps its catalogue words (load.fetch.*), so a page (the embed) shows it in its language.
 */
import { type MessageValues, translate } from '../i18n/translate';

/** A fetch that gave no usable answer: `message` in English (logs), `words` for the reader. */
export class FetchTextError extends Error {
  readonly words: { readonly key: string; readonly values?: MessageValues };

  constructor(key: string, values?: MessageValues, english = translate('en', key, values)) {
    super(english);
    this.name = 'FetchTextError';
    this.words = { key, ...(values && { values }) };
  }
}

/** Why a fetch failed, in `locale`: our words for a FetchTextError, else the error's own message. */
export function fetchErrorText(error: unknown, locale: string): string {
  if (error instanceof FetchTextError) return translate(locale, error.words.key, error.words.values);
  return error instanceof Error ? error.message : String(error);
}

/** Reads `url` as text; throws a FetchTextError that says why when there is no answer or no 2xx answer. */
export async function fetchText(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    // Node names the cause ("getaddrinfo ENOTFOUND host", "connect ECONNREFUSED"); a browser hides it.
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    if (cause) throw new FetchTextError('load.fetch.noResponseCause', { cause });
    throw new FetchTextError('load.fetch.noResponse');
  }
  if (!response.ok)
    throw new FetchTextError(
      'load.fetch.status',
      { status: response.status, known: response.status === 404 ? 'notFound' : 'other' },
      `HTTP ${response.status} ${response.statusText}`.trim(),
    );
  return response.text();
}

/** Reads `url` as JSON; a body that is not JSON is an error that says so. */
export async function fetchJson(url: string): Promise<unknown> {
  const text = await fetchText(url);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new FetchTextError(
      'load.fetch.notJson',
      undefined,
      `the response is not JSON (${(error as Error).message})`,
    );
  }
}
