/**
 * Retries a recorder call that was refused (the database restarting, a lock timeout) with growing
 * pauses. The job layer never drops a state or a log batch on the first refusal: the store is what
 * the page reads, and a lost "succeeded" would later be taken for an interrupted job and run twice.
 */

export interface RetryOptions {
  /** How many tries in all (default 6, about 6 s of pauses; Infinity: until it is stored). */
  readonly tries?: number;
  /** First pause in ms, doubled each time up to `maxDelayMs` (defaults 200 and 5,000). */
  readonly firstDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Told of each refusal that will be retried. */
  readonly onRefused?: (error: unknown, tries: number) => void;
}

/** Calls `call` until it resolves; after `tries` refusals, rejects with the last error. */
export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const tries = options.tries ?? 6;
  const maxDelay = options.maxDelayMs ?? 5000;
  let delay = options.firstDelayMs ?? 200;
  for (let n = 1; ; n++) {
    try {
      return await call();
    } catch (error) {
      if (n >= tries) throw error;
      options.onRefused?.(error, n);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, maxDelay);
    }
  }
}
