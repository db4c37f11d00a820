/**
 * Asks the server whether a submission's Idempotency-Key landed, before the page replaces a request
 * whose outcome is unknown: `GET <submissions URL>?idempotencyKey=KEY`, answered by Formulary's
 * submission service with a list (empty when the key never landed). A backend that does not answer
 * that way cannot tell, and the page keeps both requests. Framework-free; never throws.
 */

export type Landed = 'landed' | 'absent' | 'cannot-tell';

export interface CheckLandedOptions {
  fetch?: typeof globalThis.fetch;
  headers?: Record<string, string>;
  /** 10 s by default. */
  timeoutMs?: number;
}

/** The URL asked: the submit URL with `idempotencyKey` added to its query. */
export function landedUrl(submitUrl: string, key: string): string {
  const base = globalThis.location?.href ?? 'http://localhost/';
  const url = new URL(submitUrl, base);
  url.searchParams.set('idempotencyKey', key);
  return url.href;
}

/** landed (the list has an entry), absent (an empty list), or cannot-tell (anything else). */
export async function checkLanded(
  submitUrl: string,
  key: string,
  options: CheckLandedOptions = {},
): Promise<Landed> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 10_000);
  try {
    const response = await doFetch(landedUrl(submitUrl, key), {
      method: 'GET',
      headers: { ...options.headers, Accept: 'application/json' },
      signal: controller.signal,
    });
    if (!response.ok) return 'cannot-tell';
    const body = (await response.json()) as unknown;
    const list = Array.isArray(body) ? body : listIn(body);
    if (!list) return 'cannot-tell';
    return list.length > 0 ? 'landed' : 'absent';
  } catch {
    return 'cannot-tell';
  } finally {
    clearTimeout(timer);
  }
}

/** A list under a usual wrapper key ({items: [...]}, {submissions: [...]}, {data: [...]}). */
function listIn(body: unknown): unknown[] | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  for (const key of ['items', 'submissions', 'data', 'results']) {
    if (Array.isArray(record[key])) return record[key] as unknown[];
  }
  return undefined;
}
