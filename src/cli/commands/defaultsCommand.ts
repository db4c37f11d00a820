/**
 * `formulary defaults SCHEMA`: prints the default request (every field, with its default or null), the
 * same object the form starts from, so a facility backend or a test can start from it.
 */
import { defaultsOf } from '../../schemas/index';
import type { Io } from '../Io';
import { openSchema } from '../openSchema';
import { parseCommandArgs } from '../parseCommandArgs';
import { readCliConfig } from '../readCliConfig';
import { UsageError } from '../UsageError';
import { reportProblems } from './reportProblems';

export const defaultsHelp = `Usage: formulary defaults SCHEMA [options]

Prints the default request JSON of a schema: every field with its default, or null where null is allowed.

Options:
  --config FILE   formulary.config.json (keyword aliases, strict, ...)
  -h, --help      this help

Exit codes: 0 printed, 1 the schema does not load, 2 usage error.
`;

/** Runs `formulary defaults`; returns the exit code. */
export async function defaultsCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {});
  if (values.help) {
    io.out(defaultsHelp);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one SCHEMA file');
  const opened = await openSchema(
    positionals[0]!,
    readCliConfig(values.config as string | undefined, io.cwd),
    io.cwd,
  );
  if (reportProblems(opened, io, 'model')) return 1;
  io.out(`${JSON.stringify(defaultsOf(opened.model!), null, 2)}\n`);
  return 0;
}
