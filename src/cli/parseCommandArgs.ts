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
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  for (const [name, allowed] of Object.entries(choices)) {
    const value = values[name];
    if (typeof value === 'string' && !allowed.includes(value)) {
      throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
    }
  }
  return { values, positionals: parsed.positionals };
}
