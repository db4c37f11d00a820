/**
 * `formulary defaults SCHEMA`: prints the default request (every field, with its default or null), the
 * same object the form starts from, so a facility backend or a test can start from it.
 */
import { defaultsOf } from '../../schemas/index';
import type { Io } from '../Io';
import { openModelCommand } from './openModelCommand';

export const defaultsHelp = `Usage: formulary defaults SCHEMA [options]

Prints the default request JSON of a schema: every field with its default, or null where null is allowed.

Options:
  --config FILE   formulary.config.json (keyword aliases, strict, ...)
  -h, --help      this help

Exit codes: 0 printed, 1 the schema does not load, 2 usage error.
`;

/** Runs `formulary defaults`; returns the exit code. */
export async function defaultsCommand(args: readonly string[], io: Io): Promise<number> {
  const opened = await openModelCommand(args, io, defaultsHelp);
  if (typeof opened === 'number') return opened;
  // A root field without a default (a text root, say) has no value: null stands for "nothing yet".
  io.out(`${JSON.stringify(defaultsOf(opened.model) ?? null, null, 2)}\n`);
  return 0;
}
