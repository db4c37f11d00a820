/**
 * Reads the I(Q) curve an attempt's task writes (the file its configuration names, inside the
 * attempt's folder), for the submission page's plot. While the attempt runs the file may be half
 * written: its unfinished last line is left for the next read, and `complete` says which it is.
 */
import { readFile } from 'node:fs/promises';
import {
  attemptPaths,
  type Curve,
  FINAL_STATES,
  type JobAttempt,
  type JobState,
  type JobsConfig,
  parseCurveFile,
  taskFor,
} from '../jobs/index';

export interface AttemptCurve {
  readonly attempt: number;
  readonly state: JobState;
  /** The attempt has ended: the file will not grow any more. */
  readonly complete: boolean;
  readonly curves: readonly Curve[];
}

/**
 * The attempt's curves, or undefined when its task writes none or the file does not exist (yet).
 * `stored`: the text a broker worker sent (its folder may be on a node this server cannot read),
 * read instead of the file.
 */
export async function readAttemptCurve(
  attempt: JobAttempt,
  state: JobState,
  config: JobsConfig,
  stored?: string,
): Promise<AttemptCurve | undefined> {
  const complete = FINAL_STATES.has(state);
  if (stored !== undefined)
    return {
      attempt: attempt.attempt,
      state,
      complete,
      curves: parseCurveFile(stored, { partial: !complete }),
    };
  const task = taskFor(config, attempt.instrument);
  if (!task || task.curveFile === null) return undefined;
  const { curveFile } = attemptPaths(attempt, task, config);
  if (curveFile === null) return undefined;
  let text: string;
  try {
    text = await readFile(curveFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return { attempt: attempt.attempt, state, complete, curves: parseCurveFile(text, { partial: !complete }) };
}
