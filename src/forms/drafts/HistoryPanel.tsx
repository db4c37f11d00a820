/**
 * The history of accepted submissions: when, which instrument, which job, which fields differ from
 * the defaults; open one as a new draft; export and import as JSON, with every bad imported entry
 * listed by index. Rendering and file plumbing only: parsing is importHistory, state is the store.
 */
import { useContext, useId, useState } from 'react';
import { useLocale, useT } from '../../widgets/index';
import type { HistoryEntry, HistoryStore } from './createHistoryStore';
import { DraftsContext } from './DraftsContext';
import { formatTime as defaultFormat } from './formatTime';
import { exportHistory, type HistoryImportProblem, historyProblemText, importHistory } from './importHistory';
import { useHistory } from './useDraftStore';

export interface HistoryPanelProps {
  store?: HistoryStore;
  /** "Open as new draft": the page puts entry.request into that instrument's form. */
  onOpen?: (entry: HistoryEntry) => void;
  /** Receives the exported JSON; by default the browser downloads formulary-history.json. */
  onExport?: (json: string) => void;
  formatTime?: (epochMs: number) => string;
  /** Where the server shows a submission (the portal: its submission page); absent: no link. */
  serverLink?: (serverId: string) => string;
}

interface ImportReport {
  added: number;
  duplicates: number[];
  problems: HistoryImportProblem[];
}

export function HistoryPanel({
  store,
  onOpen,
  onExport,
  formatTime: givenFormat,
  serverLink,
}: HistoryPanelProps) {
  const t = useT();
  const locale = useLocale();
  const formatTime = givenFormat ?? ((epochMs: number) => defaultFormat(epochMs, locale));
  const context = useContext(DraftsContext);
  const history = store ?? context.history;
  const entries = useHistory((s) => s.entries, store);
  const saveError = useHistory((s) => s.saveError, store);
  const [report, setReport] = useState<ImportReport | null>(null);
  const inputId = useId();

  const exportNow = () => {
    const json = exportHistory(entries);
    if (onExport) return onExport(json);
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'formulary-history.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  const importFile = async (file: File | undefined) => {
    if (!file || !history) return;
    const { entries: good, problems } = importHistory(await file.text());
    const { added, duplicates } = await history.getState().addMany(good);
    setReport({ added, duplicates, problems });
  };

  return (
    <section className="formulary-history" aria-labelledby="formulary-history-title">
      <h2 id="formulary-history-title">{t('draft.history.title')}</h2>
      {saveError ? (
        <p role="alert" className="formulary-history-save-error">
          {t('draft.history.notSaved', { error: saveError })}
        </p>
      ) : null}
      <p>
        <button type="button" onClick={exportNow} disabled={entries.length === 0}>
          {t('draft.history.export')}
        </button>{' '}
        <label htmlFor={inputId}>{t('draft.history.import')}</label>{' '}
        <input
          id={inputId}
          type="file"
          accept="application/json,.json"
          onChange={(event) => void importFile(event.currentTarget.files?.[0])}
        />
      </p>
      {report ? (
        <div role={report.problems.length > 0 ? 'alert' : 'status'} className="formulary-history-import">
          <p>
            {t('draft.history.imported', {
              count: report.added,
              duplicates: report.duplicates.length,
              which: report.duplicates.join(', '),
              problems: report.problems.length,
            })}
          </p>
          {report.problems.length > 0 ? (
            <ul>
              {report.problems.map((problem) => (
                <li key={`${problem.index}:${problem.message}`}>{historyProblemText(locale, problem)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {entries.length === 0 ? (
        <p>{t('draft.history.empty')}</p>
      ) : (
        <ol className="formulary-history-entries">
          {entries.map((entry) => (
            <li key={entry.id}>
              <time dateTime={new Date(entry.submittedAt).toISOString()}>
                {formatTime(entry.submittedAt)}
              </time>{' '}
              · <strong>{entry.instrument}</strong>
              {entry.jobKind ? ` · ${entry.jobKind}` : ''} ·{' '}
              {entry.changedFields.length === 0
                ? t('draft.history.allDefaults')
                : t('draft.history.changed', { fields: entry.changedFields.join(', ') })}{' '}
              {entry.serverId ? (
                <>
                  · {t('draft.history.serverId')}{' '}
                  <code className="formulary-history-server-id">{entry.serverId}</code>{' '}
                  {serverLink ? (
                    <a href={serverLink(entry.serverId)}>{t('draft.history.follow')}</a>
                  ) : null}{' '}
                </>
              ) : null}
              {onOpen ? (
                <button type="button" onClick={() => onOpen(entry)}>
                  {t('draft.history.open')}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
