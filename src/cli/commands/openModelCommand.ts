/**
 * The start `defaults` and `inspect` share: parse the arguments, answer --help, require exactly one
 * SCHEMA, open it with --config and report why it has no model. Returns the exit code when the
 * command is already done, else what it needs to go on.
 */
import type { FieldModel } from '../../schemas/index';
import type { Io } from '../Io';
import { openSchema } from '../openSchema';
import { type ParsedArgs, parseCommandArgs } from '../parseCommandArgs';
import { readCliConfig } from '../readCliConfig';
import { UsageError } from '../UsageError';
import { reportProblems } from './reportProblems';

type Options = Parameters<typeof parseCommandArgs>[1];

export interface OpenedModel {
  readonly values: ParsedArgs['values'];
  readonly schemaPath: string;
  readonly model: FieldModel;
}

/** Opens the one SCHEMA a model command takes; a number is the exit code to return at once. */
export async function openModelCommand(
  args: readonly string[],
  io: Io,
  help: string,
  options: Options = {},
): Promise<OpenedModel | number> {
  const { values, positionals } = parseCommandArgs(args, options);
  if (values.help) {
    io.out(help);
    return 0;
  }
  const schemaPath = positionals.length === 1 ? positionals[0] : undefined;
  if (schemaPath === undefined) throw new UsageError('usage.oneSchema');
  const opened = await openSchema(
    schemaPath,
    readCliConfig(values.config as string | undefined, io.cwd),
    io.cwd,
  );
  if (reportProblems(opened, io, 'model') || !opened.model) return 1;
  return { values, schemaPath, model: opened.model };
}
