/**
 * Human output, one line per finding: `file:line:col severity rule message`, then a count. The format
 * editors and terminals turn into clickable locations.
 */
import { type LintDiagnostic, translate } from '../../schemas/index';
import { cliLocale } from '../cliLocale';

/** Renders diagnostics; an empty list renders as nothing. */
export function formatStylish(diagnostics: readonly LintDiagnostic[], locale = cliLocale()): string {
  if (diagnostics.length === 0) return '';
  const lines = diagnostics.map((d) => {
    const where = `${d.file ?? '<schema>'}:${d.line ?? 1}:${d.column ?? 1}`;
    return `${where} ${d.severity} ${d.rule} ${d.message}${d.line === undefined && d.pointer ? ` (at #${d.pointer})` : ''}`;
  });
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  lines.push('', translate(locale, 'cli.count', { errors, warnings }));
  return `${lines.join('\n')}\n`;
}
