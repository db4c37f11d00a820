/**
 * node:util parseArgs with our conventions: every command takes --help and --config FILE; unknown
 * options and wrong values become a UsageError (exit 2) naming the option.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './UsageError';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: string[];
}

/** Parses a command's arguments; `choices` lists the allowed values of enumerated options. */
export function parseCommandArgs(
  args: readonly string[],
  options: Options,
  choices: Readonly<Record<string, readonly string[]>> = {},
): ParsedArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { help: { type: 'boolean', short: 'h' }, config: { type: 'string' }, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw parseArgsUsage(error as Error & { code?: string });
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  for (const [name, allowed] of Object.entries(choices)) {
    const value = values[name];
    if (typeof value === 'string' && !allowed.includes(value)) {
      throw new UsageError('usage.choice', { option: `--${name}`, allowed: allowed.join(', '), value });
    }
  }
  return { values, positionals: parsed.positionals };
}

/**
 * node:util parseArgs' error as a UsageError in the catalogue's words: its codes name the kind of
 * mistake and its message the option, read here by the shapes Node 20 to 24 write. A message of
 * another shape keeps Node's English text (usage.other).
 */
function parseArgsUsage(error: Error & { code?: string }): UsageError {
  const option = /Option '(-\S+?)(?:,\s*(--\S+?))?(?: <value>)?'/.exec(error.message);
  const name = option ? (option[2] ?? option[1]!) : '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const unknown = /Unknown option '([^']+)'/.exec(error.message);
    if (unknown) return new UsageError('usage.unknownOption', { option: unknown[1] });
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    if (/argument missing/.test(error.message))
      return new UsageError('usage.optionNeedsValue', { option: name });
    if (/does not take an argument/.test(error.message))
      return new UsageError('usage.optionTakesNoValue', { option: name });
  }
  return new UsageError('usage.other', {
    message: error.message.replace(/\. To specify a positional.*$/s, ''),
  });
}
