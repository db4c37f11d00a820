/**
 * Lint findings (or load problems) as `file:line:col severity message (rule)`, the way `formulary lint`
 * prints them. A finding about a field is a button: clicking it opens that field's section and focuses it.
 */
import type { ReactNode } from 'react';
import type { PreviewDiagnostic } from '../cli/preview/index';
import { usePreviewTexts } from './usePreviewTexts';

export interface FindingsListProps {
  readonly findings: readonly PreviewDiagnostic[];
  readonly label: string;
  readonly onPick?: (field: string) => void;
}

export function FindingsList(props: FindingsListProps): ReactNode {
  const t = usePreviewTexts();
  return (
    <ul aria-label={props.label} className="preview-findings">
      {props.findings.map((d) => {
        const body = (
          <>
            <code>
              {d.file ?? '?'}:{d.line ?? 1}:{d.column ?? 1}
            </code>{' '}
            <strong className={`preview-${d.severity}`}>{t.severity(d.severity)}</strong> {d.message}{' '}
            <span className="preview-rule">({d.rule})</span>
          </>
        );
        const key = `${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`;
        return (
          <li key={key} data-severity={d.severity} data-rule={d.rule}>
            {d.field !== undefined && props.onPick ? (
              <button
                type="button"
                className="preview-finding-button"
                title={t.goToField(d.field)}
                onClick={() => props.onPick?.(d.field!)}
              >
                {body}
              </button>
            ) : (
              body
            )}
          </li>
        );
      })}
    </ul>
  );
}
