/**
 * The words and order of job states as pages show them, and a submission's overall state from its
 * jobs' states (running wins over queued, which wins over any failure, then cancelled, then
 * succeeded), so a list can show one state per row and sort and filter by it.
 */

export type JobState =
  | 'queued'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'timed_out'
  | 'interrupted';

export const JOB_STATES: readonly JobState[] = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'timed_out',
  'interrupted',
];

export const STATE_WORDS: Readonly<Record<JobState, string>> = {
  queued: 'queued',
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  cancelled: 'cancelled',
  timed_out: 'timed out',
  interrupted: 'interrupted',
};

const FINAL: ReadonlySet<string> = new Set(['succeeded', 'failed', 'cancelled', 'timed_out', 'interrupted']);

export const isFinal = (state: string): boolean => FINAL.has(state);

export const isJobState = (value: unknown): value is JobState =>
  typeof value === 'string' && (JOB_STATES as readonly string[]).includes(value);

/** A submission's state from its jobs' (no jobs yet: queued). */
export function overallState(states: readonly string[]): JobState {
  if (states.length === 0 || states.includes('queued'))
    return states.includes('running') ? 'running' : 'queued';
  if (states.includes('running')) return 'running';
  for (const bad of ['failed', 'timed_out', 'interrupted', 'cancelled'] as const)
    if (states.includes(bad)) return bad;
  return 'succeeded';
}
