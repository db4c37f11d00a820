/**
 * Reads the translation files formulary.config.json names for a schema, for the linter. A file that
 * cannot be read or is not shaped as a translation is a diagnostic naming its file, line and column,
 * never a crash and never silently skipped. Its sentences are in the active locale (lint runs it inside
 * withLocale).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import {
  type LintDiagnostic,
  locateInJson,
  type NamedTranslation,
  readSchemaTranslation,
  SchemaTranslationError,
  say,
} from '../schemas/index';

/** The translations of `schemaPath` (absolute) and the problems of those that could not be read. */
export function readTranslations(
  files: readonly string[],
  cwd: string,
): { translations: NamedTranslation[]; problems: LintDiagnostic[] } {
  const translations: NamedTranslation[] = [];
  const problems: LintDiagnostic[] = [];
  for (const path of files) {
    const file = relative(cwd, path) || path;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      problems.push({
        file,
        pointer: '',
        rule: 'load-error',
        severity: 'error',
        message: say('cli.translationUnreadable', { why: (error as Error).message }),
      });
      continue;
    }
    try {
      translations.push({ file, translation: readSchemaTranslation(JSON.parse(text)) });
    } catch (error) {
      const pointer = error instanceof SchemaTranslationError ? error.pointer : '';
      const at = locateInJson(text, pointer);
      problems.push({
        file,
        pointer,
        line: at.line,
        column: at.column,
        rule: 'load-error',
        severity: 'error',
        message: say('cli.translationInvalid', { why: (error as Error).message }),
      });
    }
  }
  return { translations, problems };
}
