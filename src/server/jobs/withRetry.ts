/**
 * Retries a recorder call that was refused (the database restarting, a lock timeout) with growing
 * pauses. The job layer never drops a state or a log batch on the first refusal: the store is what
 * the page reads, and a lost "succeeded" would leave a finished job looking like it still runs.
 */

export interface RetryOptions {
  /** How many tries in all (default 6: about 6 s of pauses in total). */
  readonly tries?: number;
  /** First pause in ms, doubled each time (default 200). */
  readonly firstDelayMs?: number;
}

/** Calls `call` until it resolves; after `tries` refusals, rejects with the last error. */
export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const tries = options.tries ?? 6;
  let delay = options.firstDelayMs ?? 200;
  for (let n = 1; ; n++) {
    try {
      return await call();
    } catch (error) {
      if (n >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay *= 2;
    }
  }
}
