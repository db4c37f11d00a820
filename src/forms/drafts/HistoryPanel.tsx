/**
 * The history of accepted submissions: when, which instrument, which job, which fields differ from
 * the defaults; open one as a new draft; export and import as JSON, with every bad imported entry
 * listed by index. Rendering and file plumbing only: parsing is importHistory, state is the store.
 */
import { useContext, useId, useState } from 'react';
import type { HistoryEntry, HistoryStore } from './createHistoryStore';
import { DraftsContext } from './DraftsContext';
import { formatTime as defaultFormat } from './formatTime';
import { exportHistory, type HistoryImportProblem, importHistory } from './importHistory';
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
  formatTime = defaultFormat,
  serverLink,
}: HistoryPanelProps) {
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
      <h2 id="formulary-history-title">History</h2>
      {saveError ? (
        <p role="alert" className="formulary-history-save-error">
          The history was not saved: {saveError}. Export it to keep it.
        </p>
      ) : null}
      <p>
        <button type="button" onClick={exportNow} disabled={entries.length === 0}>
          Export history
        </button>{' '}
        <label htmlFor={inputId}>Import history</label>{' '}
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
            Imported {report.added} {report.added === 1 ? 'entry' : 'entries'}
            {report.duplicates.length > 0
              ? `; ${report.duplicates.length} already in the history (entries ${report.duplicates.join(', ')})`
              : ''}
            {report.problems.length > 0 ? `; ${report.problems.length} not imported:` : '.'}
          </p>
          {report.problems.length > 0 ? (
            <ul>
              {report.problems.map((problem) => (
                <li key={`${problem.index}:${problem.message}`}>{problem.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {entries.length === 0 ? (
        <p>No submissions yet.</p>
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
                ? 'all defaults'
                : `changed: ${entry.changedFields.join(', ')}`}{' '}
              {entry.serverId ? (
                <>
                  · server id <code className="formulary-history-server-id">{entry.serverId}</code>{' '}
                  {serverLink ? <a href={serverLink(entry.serverId)}>Follow its jobs</a> : null}{' '}
                </>
              ) : null}
              {onOpen ? (
                <button type="button" onClick={() => onOpen(entry)}>
                  Open as new draft
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
