/**
 * A failed read of the submission pages, in the reader's language: the pages keep what failed (which
 * read, which submission, the error) and word it when they render, so a language switch rewords it
 * too. The reason itself is worded by serviceReason (src/app/service).
 */
import type { Translator } from '../../schemas/index';
import { serviceReason } from '../service/index';

/** A read of the submission pages that failed: what was read and the error it met. */
export interface ReadProblem {
  readonly read: 'submission' | 'submissions' | 'jobs';
  /** The submission, for read 'submission'. */
  readonly id?: string;
  readonly cause: unknown;
}

/** The sentence a page shows for a failed read. */
export function readProblemText(t: Translator, problem: ReadProblem): string {
  const why = serviceReason(t, problem.cause);
  if (problem.read === 'submission') return t('portal.read.submission', { id: problem.id ?? '', why });
  if (problem.read === 'submissions') return t('portal.read.submissions', { why });
  return t('portal.read.jobs', { why });
}
