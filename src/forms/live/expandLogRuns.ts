/**
 * Undoes the service's compact log batches (the feed asks for them: `"compact": true`): a run is
 * lines seq, seq + 1, ... of one stream read at one time, its texts in a list. The page's code sees
 * `{ lines: [{ seq, stream, time, text }] }` whichever form came over the wire.
 */
import type { LiveEvent } from './liveFeed';

interface WireRun {
  readonly seq: number;
  readonly stream: string;
  readonly time: string;
  readonly text: readonly string[];
}

/** The event with a `runs` payload turned into `lines`; any other event as it is. */
export function expandLogRuns(event: LiveEvent): LiveEvent {
  const runs = (event.payload as { runs?: unknown } | null)?.runs;
  if (event.kind !== 'log' || !Array.isArray(runs)) return event;
  const lines: { seq: number; stream: string; time: string; text: string }[] = [];
  for (const run of runs as WireRun[])
    for (let i = 0; i < run.text.length; i++)
      lines.push({ seq: run.seq + i, stream: run.stream, time: run.time, text: run.text[i]! });
  return { ...event, payload: { lines } };
}
