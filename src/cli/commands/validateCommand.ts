/**
 * `formulary validate SCHEMA REQUEST`: checks one request JSON against a schema with the same validator
 * the form uses (cross-field rules included). Exit 0 valid, 1 invalid (errors printed), 2 usage.
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type LintDiagnostic,
  locateInJson,
  sortDiagnostics,
  translate,
  unknownKeysIn,
  withLocale,
} from '../../schemas/index';
import { helpText } from '../cliHelp';
import { cliLocale } from '../cliLocale';
import { formatJson } from '../format/formatJson';
import { formatStylish } from '../format/formatStylish';
import type { Io } from '../Io';
import { openSchema } from '../openSchema';
import { parseCommandArgs } from '../parseCommandArgs';
import { readCliConfig } from '../readCliConfig';
import { UsageError } from '../UsageError';
import { reportProblems } from './reportProblems';

/** The English help (tests and docs quote it); `--help` prints helpText('validate') in the CLI's language. */
export const validateHelp = helpText('validate', 'en');

/** Runs `formulary validate`; returns the exit code. */
export async function validateCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { format: { type: 'string', default: 'stylish' } },
    { format: ['stylish', 'json'] },
  );
  if (values.help) {
    io.out(helpText('validate'));
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError('usage.schemaAndRequest');
  const [schemaPath, requestPath] = positionals as [string, string];
  const config = readCliConfig(values.config as string | undefined, io.cwd);
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, requestPath), 'utf8');
  } catch (error) {
    const missing = (error as { code?: string }).code === 'ENOENT';
    io.err(
      `${
        missing
          ? translate(cliLocale(), 'cli.requestMissing', { file: requestPath })
          : translate(cliLocale(), 'cli.requestUnreadable', {
              file: requestPath,
              why: (error as Error).message,
            })
      }\n`,
    );
    return 1;
  }
  let request: unknown;
  try {
    request = JSON.parse(text);
  } catch (error) {
    io.err(`${requestPath}: invalid JSON: ${(error as Error).message}\n`);
    return 1;
  }
  const opened = await openSchema(schemaPath, config, io.cwd);
  if (reportProblems(opened, io, 'validator')) return 1;
  const locale = cliLocale();
  const errors = withLocale(locale, () => opened.validate!(request));
  const diagnostics: LintDiagnostic[] = errors.map((e) => ({
    file: requestPath,
    pointer: e.pointer,
    ...locateInJson(text, e.pointer),
    rule: e.rule,
    severity: 'error',
    message: `${e.pointer || '/'}: ${e.message}`,
  }));
  // A key the schema allows but has no field for is most often a misspelt one: the backend would
  // read the default instead. A warning, unless the schema forbids it (then it is an error above).
  const reported = new Set(errors.map((e) => e.pointer));
  for (const unknown of unknownKeysIn(opened.model!.root, request)) {
    if (reported.has(unknown.pointer)) continue;
    diagnostics.push({
      file: requestPath,
      pointer: unknown.pointer,
      ...locateInJson(text, unknown.pointer),
      rule: 'unknown-key',
      severity: 'warning',
      message: translate(locale, 'cli.unknownKey', { pointer: unknown.pointer }),
    });
  }
  sortDiagnostics(diagnostics);
  if (values.format === 'json') io.out(formatJson(diagnostics));
  else if (diagnostics.length > 0) io.out(formatStylish(diagnostics));
  else io.out(`${translate(locale, 'cli.valid', { file: requestPath })}\n`);
  return errors.length > 0 ? 1 : 0;
}
