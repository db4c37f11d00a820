/**
 * The periodic sweep that keeps the events table from growing forever: every `everyMs` (and once at
 * start) the events of finished jobs older than `retentionDays` are deleted. Only the replay feed is
 * trimmed: jobs, transitions and log lines keep their own tables, so the pages show everything still;
 * a client resuming from below the horizon is told to resync (EventHub.subscribe).
 */
import type { JobStore, SweepResult } from '../store/index';

export interface EventRetentionOptions {
  /** Events of finished jobs older than this many days go (fractions allowed). */
  readonly retentionDays: number;
  /** How often to sweep. Default: every hour, or the retention itself when shorter. */
  readonly everyMs?: number;
  /** Events deleted per transaction (default 10,000). */
  readonly batch?: number;
  readonly onSwept?: (result: SweepResult) => void;
  readonly onError?: (error: unknown) => void;
}

/** Starts sweeping; returns the function that stops it (and waits for a sweep under way). */
export function startEventRetention(
  store: Pick<JobStore, 'sweepEvents'>,
  options: EventRetentionOptions,
): () => Promise<void> {
  const keepMs = options.retentionDays * 86_400_000;
  const everyMs = options.everyMs ?? Math.max(1000, Math.min(3_600_000, keepMs));
  const batch = options.batch ?? 10_000;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  /** Batch after batch (each its own short transaction) until a batch comes back short. */
  const sweepAll = async () => {
    const before = new Date(Date.now() - keepMs).toISOString();
    let deleted = 0;
    for (;;) {
      const result = await store.sweepEvents(before, batch);
      deleted += result.deleted;
      if (result.deleted < batch || stopped) {
        options.onSwept?.({ deleted, horizon: result.horizon });
        return;
      }
    }
  };
  const sweep = () => {
    running = running.then(sweepAll).catch((error: unknown) => options.onError?.(error));
  };
  sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
