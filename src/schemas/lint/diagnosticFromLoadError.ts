/**
 * Turns an error thrown by loadSchema into a lint diagnostic at its file, line and column, so a schema
 * that cannot load is reported like any other finding: a $ref to nothing (or to a missing file) under
 * unresolved-ref, anything else (invalid JSON, unreadable file, unknown dialect) under load-error.
 */
import { activeLocale } from '../i18n/activeLocale';
import { loadErrorReason, SchemaLoadError } from '../load/SchemaLoadError';
import type { LintDiagnostic } from './LintDiagnostic';

/**
 * The diagnostic for a load failure; `fallbackFile` names the file when the error does not. Its
 * message is in `locale` (loading is async, so the caller names it rather than a withLocale scope).
 */
export function diagnosticFromLoadError(
  error: unknown,
  fallbackFile: string,
  locale: string = activeLocale(),
): LintDiagnostic {
  const place = error instanceof SchemaLoadError ? error : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const refProblem = /\$ref|reference/i.test(message) && !/invalid JSON/i.test(message);
  return {
    file: place?.file ?? fallbackFile,
    pointer: place?.pointer ?? '',
    ...(place?.line !== undefined ? { line: place.line, column: place.column ?? 1 } : {}),
    rule: refProblem ? 'unresolved-ref' : 'load-error',
    severity: 'error',
    // The place is in the diagnostic's own fields; the message need not repeat it.
    message: place ? loadErrorReason(place, locale) : message,
  };
}
