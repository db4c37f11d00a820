/**
 * GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=RULE::MESSAGE`, which GitHub shows
 * as annotations on the pull request. Values are escaped as the runner's command parser expects.
 */
import type { LintDiagnostic } from '../../schemas/index';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
const command = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Renders one annotation line per diagnostic. */
export function formatGithub(diagnostics: readonly LintDiagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = [
        ...(d.file ? [`file=${escapeProperty(d.file)}`] : []),
        `line=${d.line ?? 1}`,
        `col=${d.column ?? 1}`,
        `title=${escapeProperty(d.rule)}`,
      ];
      return `::${command[d.severity]} ${props.join(',')}::${escapeData(d.message)}\n`;
    })
    .join('');
}
