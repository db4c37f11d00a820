/**
 * Machine output: a JSON array of {file, pointer, line, column, rule, severity, message}, every key
 * present (null where unknown) so consumers need no optional checks.
 */
import type { LintDiagnostic } from '../../schemas/index';

/** Renders diagnostics as a pretty JSON array. */
export function formatJson(diagnostics: readonly LintDiagnostic[]): string {
  const rows = diagnostics.map((d) => ({
    file: d.file ?? null,
    pointer: d.pointer,
    line: d.line ?? null,
    column: d.column ?? null,
    rule: d.rule,
    severity: d.severity,
    message: d.message,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
