/**
 * The example requests of `formulary preview --examples DIR`: the request files in DIR (the examples/
 * <id>/ convention: invalid-*.json fail exactly as their invalid-*.expected.json lists) and, for one of
 * them, its request, its expected errors and the example-invalid findings that `lint` would print.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  lintExample,
  locateInJson,
  parseExpectedErrors,
  translate,
  type ValidationError,
  withLocale,
} from '../../schemas/index';
import { readJson } from '../commands/lintCommand';
import { expectedErrorsPath, isExpectedErrorsPath } from '../findExampleSchema';
import type { PreviewDiagnostic, PreviewExample, PreviewExampleEntry } from './PreviewState';

/** The request files in `dir`, by name; a folder that cannot be read lists nothing. */
export function listExamples(dir: string): PreviewExampleEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json') && !isExpectedErrorsPath(name))
    .sort()
    .map((name) => ({ name, invalid: expectedErrorsPath(name) !== undefined }));
}

/**
 * Reads one example and checks it as `lint` does (O(errors²)); `validate` is absent while the schema
 * does not load, and then only the request and its expected errors are returned.
 */
export function readExample(
  dir: string,
  name: string,
  cwd: string,
  validate?: (request: unknown) => readonly ValidationError[],
  /** The language of the findings' sentences (the preview page's). */
  locale = 'en',
): PreviewExample {
  const path = join(dir, name);
  const shownPath = relative(cwd, path).split('\\').join('/');
  const read = readJson(path, cwd, locale);
  if (read.problem) return { name, findings: [{ ...read.problem, file: shownPath }] };
  const findings: PreviewDiagnostic[] = [];
  let expected: PreviewExample['expected'];
  const expectedName = expectedErrorsPath(name);
  if (expectedName) {
    const expectedRead = readJson(join(dir, expectedName), cwd, locale);
    if (expectedRead.problem) {
      findings.push({
        ...expectedRead.problem,
        file: relative(cwd, join(dir, expectedName)),
        message: translate(locale, 'cli.expectedNeeded', {
          problem: expectedRead.problem.message,
          file: expectedName,
        }),
      });
    } else {
      try {
        expected = withLocale(locale, () => parseExpectedErrors(expectedRead.value));
      } catch (error) {
        findings.push({
          file: relative(cwd, join(dir, expectedName)),
          pointer: '',
          line: 1,
          column: 1,
          rule: 'example-invalid',
          severity: 'error',
          message: translate(locale, 'cli.expectedInvalid', { why: (error as Error).message }),
        });
      }
    }
  }
  if (!validate) return { name, request: read.value, ...(expected ? { expected } : {}), findings };
  // lintExample validates too; one run of ajv more on a click is cheaper than a second code path.
  const errors = withLocale(locale, () => validate(read.value)).map((e) => ({
    pointer: e.pointer,
    message: e.message,
    rule: e.rule,
  }));
  if (findings.length === 0) {
    for (const d of withLocale(locale, () => lintExample(validate, read.value, expected)))
      findings.push({ ...d, file: shownPath, ...locateInJson(read.text!, d.pointer) });
  }
  return { name, request: read.value, ...(expected ? { expected } : {}), errors, findings };
}
