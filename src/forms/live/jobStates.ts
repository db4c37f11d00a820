/**
 * The words and order of job states as pages show them (the catalogue's form.jobState.*, in the
 * page's language), and a submission's overall state from its jobs' states (running wins over
 * queued, which wins over any failure, then cancelled, then succeeded), so a list can show one state
 * per row and sort and filter by it.
 */
import type { Translator } from '../../schemas/index';

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

/**
 * A job state in the reader's words; a state this page does not know (a newer server's) as the
 * server names it, never dropped. O(1).
 * @example jobStateWord(translator('fr'), 'timed_out') // 'délai dépassé'
 */
export function jobStateWord(t: Translator, state: string): string {
  return isJobState(state) ? t(`form.jobState.${state}`) : state;
}

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
