/**
 * Human output, one line per finding: `file:line:col severity rule message`, then a count. The format
 * editors and terminals turn into clickable locations.
 */
import type { LintDiagnostic } from '../../schemas/index';

/** Renders diagnostics; an empty list renders as nothing. */
export function formatStylish(diagnostics: readonly LintDiagnostic[]): string {
  if (diagnostics.length === 0) return '';
  const lines = diagnostics.map((d) => {
    const where = `${d.file ?? '<schema>'}:${d.line ?? 1}:${d.column ?? 1}`;
    return `${where} ${d.severity} ${d.rule} ${d.message}${d.line === undefined && d.pointer ? ` (at #${d.pointer})` : ''}`;
  });
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  lines.push(
    '',
    `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  );
  return `${lines.join('\n')}\n`;
}
