/**
 * Guards validation against regular expressions with catastrophic backtracking ((a+)+, (\d*,?)*): the
 * linter's analysePattern flags a repeated body that repeats itself and can end with a character it
 * starts with. Flagged patterns are not run at all (the value passes that one check, and the model carries an "unsafe-pattern" warning),
 * because no input length bound makes exponential matching safe and no linear engine is installed.
 */
import { analysePattern } from '../lint/analysePattern';

/**
 * True when `pattern` can backtrack catastrophically. The linter's analysePattern decides, so the
 * linter's warning and the validator's refusal to run a pattern always agree. O(pattern length).
 */
export function isDangerousPattern(pattern: string): boolean {
  return analysePattern(pattern).kind === 'catastrophic';
}

/** A RegExp-like that refuses to run a dangerous pattern (always "matches"); others run normally. */
export function safeRegExp(pattern: string, flags = 'u'): { test(text: string): boolean } {
  if (isDangerousPattern(pattern)) return { test: () => true };
  return new RegExp(pattern, flags);
}
