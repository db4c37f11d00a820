/**
 * A fake fetch for submission tests: answers from a script (status codes or "network" failures) and
 * records every call with its Idempotency-Key; accepted keys are deduplicated like a real backend.
 */
export type Step = number | 'network' | 'hang' | { status: number; body: unknown };

export interface FakeServer {
  fetch: typeof globalThis.fetch;
  calls: { key: string | null; body: unknown }[];
  /** Requests the server accepted, one per distinct key. */
  accepted: Map<string, unknown>;
}

/** Plays `steps` in order, then answers 200 to everything. */
export function fakeServer(steps: Step[]): FakeServer {
  const queue = [...steps];
  const calls: FakeServer['calls'] = [];
  const accepted = new Map<string, unknown>();
  const fetch = (async (_url: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const key = headers.get('Idempotency-Key');
    const body = JSON.parse(String(init?.body));
    calls.push({ key, body });
    const step = queue.shift() ?? 200;
    if (step === 'network') throw new TypeError('Failed to fetch');
    if (step === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    const { status, body: answer } = typeof step === 'number' ? { status: step, body: undefined } : step;
    if (status >= 200 && status < 300 && key) accepted.set(key, body);
    const text = answer === undefined ? '' : JSON.stringify(answer);
    return new Response(status === 204 ? null : text, { status });
  }) as typeof globalThis.fetch;
  return { fetch, calls, accepted };
}
