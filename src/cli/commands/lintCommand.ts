/**
 * `formulary lint [paths or globs]`: lints instrument schemas (multi-file) and their example requests,
 * prints stylish, JSON, SARIF or GitHub annotations, and exits 1 on errors or too many warnings.
 */

import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import {
  hasUnresolvedRefs,
  type LintDiagnostic,
  lintExample,
  lintRules,
  lintSchema,
  locateInJson,
  parseExpectedErrors,
  sortDiagnostics,
  translate,
  withLocale,
} from '../../schemas/index';
import { helpText } from '../cliHelp';
import { cliLocale } from '../cliLocale';
import { expandPaths, isWebUrl } from '../expandPaths';
import {
  expectedErrorsPath,
  findExampleSchema,
  isExamplePath,
  isExpectedErrorsPath,
} from '../findExampleSchema';
import { formatGithub } from '../format/formatGithub';
import { formatJson } from '../format/formatJson';
import { formatSarif } from '../format/formatSarif';
import { formatStylish } from '../format/formatStylish';
import type { Io } from '../Io';
import { type OpenedSchema, openSchema } from '../openSchema';
import { parseCommandArgs } from '../parseCommandArgs';
import { type CliConfig, readCliConfig } from '../readCliConfig';
import { readTranslations } from '../readTranslations';
import { UsageError } from '../UsageError';

/** The English help (tests and docs quote it); `--help` prints helpText('lint') in the CLI's language. */
export const lintHelp = helpText('lint', 'en');

/** Reads and parses a JSON file, or returns a located load-error diagnostic. */
export function readJson(
  file: string,
  cwd: string,
  /** The language of the problem's message (the CLI's; JSON output passes 'en'). */
  locale = 'en',
): { value?: unknown; text?: string; problem?: LintDiagnostic } {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    return {
      problem: {
        file,
        pointer: '',
        rule: 'load-error',
        severity: 'error',
        message: translate(locale, 'cli.fileUnreadable', { why: (error as Error).message }),
      },
    };
  }
  try {
    return { value: JSON.parse(text), text };
  } catch (error) {
    const match = /position (\d+)/.exec((error as Error).message);
    const offset = match ? Number(match[1]) : 0;
    const before = text.slice(0, offset).split('\n');
    return {
      text,
      problem: {
        file,
        pointer: '',
        line: before.length,
        column: before[before.length - 1]!.length + 1,
        rule: 'load-error',
        severity: 'error',
        message: translate(locale, 'cli.fileInvalidJson', { why: (error as Error).message }),
      },
    };
  }
}

/** Lints one example request against its (cached) schema. */
async function lintExampleFile(
  file: string,
  io: Io,
  config: CliConfig,
  opened: Map<string, Promise<OpenedSchema>>,
  locale: string,
): Promise<LintDiagnostic[]> {
  const { schema, candidates } = findExampleSchema(resolve(io.cwd, file));
  if (!schema) {
    return [
      {
        file,
        pointer: '',
        line: 1,
        column: 1,
        rule: 'example-invalid',
        severity: 'error',
        message: translate(locale, 'cli.exampleNoSchema', {
          looked: candidates.map((c) => relative(io.cwd, c)).join(', '),
        }),
      },
    ];
  }
  const schemaPath = relative(io.cwd, schema) || schema;
  if (!opened.has(schemaPath))
    opened.set(schemaPath, openSchema(schemaPath, config, io.cwd, { forLint: true, locale }));
  const target = await opened.get(schemaPath)!;
  if (!target.validate || (target.loaded && hasUnresolvedRefs(target.loaded))) {
    return [
      {
        file,
        pointer: '',
        line: 1,
        column: 1,
        rule: 'example-invalid',
        severity: 'error',
        message: translate(locale, 'cli.exampleSchemaBroken', { schema: schemaPath }),
      },
    ];
  }
  const request = readJson(file, io.cwd, locale);
  if (request.problem) return [request.problem];
  let expected: ReturnType<typeof parseExpectedErrors> | undefined;
  const expectedFile = expectedErrorsPath(file);
  if (expectedFile) {
    const read = readJson(expectedFile, io.cwd, locale);
    if (read.problem)
      return [
        {
          ...read.problem,
          message: translate(locale, 'cli.expectedNeeded', {
            problem: read.problem.message,
            file: expectedFile,
          }),
        },
      ];
    try {
      expected = withLocale(locale, () => parseExpectedErrors(read.value));
    } catch (error) {
      return [
        {
          file: expectedFile,
          pointer: '',
          line: 1,
          column: 1,
          rule: 'example-invalid',
          severity: 'error',
          message: translate(locale, 'cli.expectedInvalid', { why: (error as Error).message }),
        },
      ];
    }
  }
  const validate = target.validate;
  return withLocale(locale, () => lintExample(validate, request.value, expected)).map((d) => ({
    ...d,
    file,
    ...locateInJson(request.text!, d.pointer),
  }));
}

/** Shows a file below the working directory by its relative path, as the user typed it. */
export function relativeFile<T extends { file?: string }>(d: T, cwd: string): T {
  if (!d.file || !isAbsolute(d.file)) return d;
  const rel = relative(cwd, d.file);
  return rel.startsWith('..') ? d : { ...d, file: rel.split(sep).join('/') };
}

/**
 * The findings for one opened schema, as `lint` reports them: why it did not open, every rule's
 * finding with the config's settings, and the validator's problem when no rule explains it. `preview`
 * shows the very same list. Files stay as the loader named them (absolute paths).
 */
export function lintOpenedSchema(
  target: OpenedSchema,
  config: CliConfig,
  /** The schema file's absolute path and the folder translations are named from (formulary.config.json). */
  schemaPath?: string,
  cwd = process.cwd(),
): LintDiagnostic[] {
  const out: LintDiagnostic[] = [...target.problems];
  if (!target.loaded) return out;
  const named = schemaPath === undefined ? [] : (config.translations?.[schemaPath] ?? []);
  const { translations, problems } = readTranslations(named, cwd);
  out.push(...problems);
  const found = lintSchema(target.loaded, {
    translations,
    model: target.model,
    validate: target.validate,
    aliases: config.load.aliases ?? {},
    rules: config.rules,
    ...(config.quantities ? { quantities: config.quantities } : {}),
    ...(config.load.unitsRequiredFor ? { unitsRequiredFor: config.load.unitsRequiredFor } : {}),
    ...(config.load.extraKeywords ? { extraKeywords: config.load.extraKeywords } : {}),
    ...(config.load.strict !== undefined ? { strict: config.load.strict } : {}),
  });
  out.push(...found);
  if (target.validatorProblem && !found.some((d) => d.severity === 'error'))
    out.push(target.validatorProblem);
  return out;
}

/** Lints every file the arguments name; returns the sorted diagnostics. */
export async function lintFiles(
  files: readonly string[],
  io: Io,
  config: CliConfig,
  locale = 'en',
): Promise<LintDiagnostic[]> {
  const opened = new Map<string, Promise<OpenedSchema>>();
  const out: LintDiagnostic[] = [];
  for (const file of files) {
    if (isExpectedErrorsPath(file)) continue;
    if (!isWebUrl(file) && isExamplePath(file)) {
      out.push(...(await lintExampleFile(file, io, config, opened, locale)));
      continue;
    }
    if (!opened.has(file)) opened.set(file, openSchema(file, config, io.cwd, { forLint: true, locale }));
    const target = await opened.get(file)!;
    // The rules' sentences (and the validator's) in the output's language; synchronous, so withLocale holds.
    out.push(...withLocale(locale, () => lintOpenedSchema(target, config, resolve(io.cwd, file), io.cwd)));
  }
  // A file linted directly and again through a $ref from another file reports once.
  const seen = new Set<string>();
  return sortDiagnostics(
    out
      .map((d) => relativeFile(d, io.cwd))
      .filter((d) => {
        const key = `${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return config.rules[d.rule] !== 'off';
      }),
  );
}

/** Runs `formulary lint`; returns the exit code. */
export async function lintCommand(args: readonly string[], io: Io, version: string): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      format: { type: 'string', default: 'stylish' },
      'max-warnings': { type: 'string' },
      rules: { type: 'boolean' },
    },
    { format: ['stylish', 'json', 'sarif', 'github'] },
  );
  if (values.help) {
    io.out(helpText('lint'));
    return 0;
  }
  const config = readCliConfig(values.config as string | undefined, io.cwd);
  if (values.rules) {
    for (const rule of lintRules)
      io.out(`${rule.id.padEnd(30)} ${rule.severity.padEnd(8)} ${rule.description}\n`);
    return 0;
  }
  let maxWarnings = Infinity;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0)
      throw new UsageError('usage.maxWarnings', { value: String(values['max-warnings']) });
  }
  if (positionals.length === 0) throw new UsageError('usage.lintNoFiles');
  const { files, unmatched } = expandPaths(positionals, io.cwd);
  if (unmatched.length > 0)
    throw new UsageError('usage.noMatch', { patterns: unmatched.map((u) => `"${u}"`).join(', ') });
  const format = values.format as string;
  // Human output speaks the CLI's language; JSON, SARIF and GitHub annotations stay English for machines.
  const diagnostics = await lintFiles(files, io, config, format === 'stylish' ? cliLocale() : 'en');
  if (format === 'json') io.out(formatJson(diagnostics));
  else if (format === 'sarif') io.out(formatSarif(diagnostics, version));
  else if (format === 'github') io.out(formatGithub(diagnostics));
  else io.out(formatStylish(diagnostics));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (warnings > maxWarnings)
    io.err(`formulary lint: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}
