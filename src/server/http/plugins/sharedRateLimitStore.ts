/**
 * @fastify/rate-limit's custom `store` (its documented contract: a constructor, `incr`, `read`,
 * `child`) over our LoginAttemptStore, so a limit counts in the database every server process shares
 * instead of each process's memory. The contract suffices: `incr` answers the count including this
 * request and the time left, which one atomic upsert gives (see createLoginAttemptStore).
 * Fixed windows only: `continueExceeding` and `exponentialBackoff` are refused, never ignored.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { LoginAttemptStore } from '../../store/index';

export interface SharedStoreOptions {
  /** Milliseconds since the epoch; Date.now by default. */
  readonly now?: () => number;
  /** A failed sweep of ended windows (the attempt itself is still counted and answered). */
  readonly onSweepError?: (error: unknown) => void;
}

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

const refuseExtensions = (params: object) => {
  const p = params as { continueExceeding?: boolean; exponentialBackoff?: boolean };
  if (p.continueExceeding || p.exponentialBackoff)
    throw new Error(
      'the shared rate-limit store counts fixed windows: continueExceeding and exponentialBackoff are not supported',
    );
};

/**
 * The store class to hand to the plugin (`store: sharedRateLimitStore(auth.store)`). Ended windows
 * are swept at most once per window per process, after an attempt, through the index on their end:
 * never a scan per request, and the table holds about one window of keys.
 */
export function sharedRateLimitStore(
  attempts: LoginAttemptStore,
  options: SharedStoreOptions = {},
): FastifyRateLimitStoreCtor {
  const now = options.now ?? Date.now;
  let nextSweep = 0;
  const sweepIfDue = async (at: number, windowMs: number) => {
    if (at < nextSweep) return;
    nextSweep = at + windowMs;
    try {
      await attempts.purgeAttempts(new Date(at).toISOString());
    } catch (error) {
      options.onSweepError?.(error);
    }
  };

  class SharedRateLimitStore implements FastifyRateLimitStore {
    constructor(params: object) {
      refuseExtensions(params);
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      const at = now();
      attempts.countAttempt(key, new Date(at).toISOString(), timeWindow).then(async (window) => {
        await sweepIfDue(at, timeWindow);
        callback(null, { current: window.attempts, ttl: Math.max(0, Date.parse(window.resetsAt) - at) });
      }, callback);
    }

    /** What `createRateLimit(...)(request, { increment: false })` asks: the count, nothing counted. */
    read(key: string, callback: Callback): void {
      const at = now();
      attempts
        .readAttempts(key, new Date(at).toISOString())
        .then(
          (window) =>
            callback(
              null,
              window
                ? { current: window.attempts, ttl: Math.max(0, Date.parse(window.resetsAt) - at) }
                : { current: 0, ttl: 0 },
            ),
          callback,
        );
    }

    /** Keys carry their own scope ("address:", "account:"), so a route's child shares the table. */
    child(routeOptions: object): FastifyRateLimitStore {
      return new SharedRateLimitStore(routeOptions);
    }
  }
  return SharedRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}
