/**
 * Shared by validate, defaults and inspect: when a schema cannot be opened, print why (file:line:col,
 * rule, message) on stderr and give the exit code 1.
 */
import { formatStylish } from '../format/formatStylish';
import type { Io } from '../Io';
import type { OpenedSchema } from '../openSchema';
import { relativeFile } from './lintCommand';

/** Prints the problems that stop a command; returns true when the command cannot go on. */
export function reportProblems(opened: OpenedSchema, io: Io, needs: 'model' | 'validator'): boolean {
  const blocked = needs === 'model' ? !opened.model : !opened.validate;
  if (blocked) {
    const problems = [...opened.problems, ...(opened.validatorProblem ? [opened.validatorProblem] : [])];
    io.err(formatStylish(problems.map((d) => relativeFile(d, io.cwd))));
  }
  return blocked;
}
