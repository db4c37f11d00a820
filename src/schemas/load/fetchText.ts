/**
 * The text at an http(s) URL, with errors a web developer can act on. `fetch` rejects with a bare
 * "Failed to fetch" (browsers) or "fetch failed" (Node) when no response arrives: the server is down,
 * or, in a browser, the URL is on another origin that sends no Access-Control-Allow-Origin header.
 */

/** Reads `url` as text; throws an Error that says why when there is no answer or no 2xx answer. */
export async function fetchText(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    // Node names the cause ("getaddrinfo ENOTFOUND host", "connect ECONNREFUSED"); a browser hides it.
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    if (cause) throw new Error(`no response: ${cause}`);
    throw new Error(
      'no response: the server is unreachable, or it is on another origin than this page and does not allow it (Access-Control-Allow-Origin)',
    );
  }
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  return response.text();
}

/** Reads `url` as JSON; a body that is not JSON is an error that says so. */
export async function fetchJson(url: string): Promise<unknown> {
  const text = await fetchText(url);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`the response is not JSON (${(error as Error).message})`);
  }
}
