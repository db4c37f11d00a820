/**
 * Every change of an instrument's defaults (#/defaults/<instrument>/history), newest first: when,
 * who, which field, and the diff of its default (old struck through, new beside it; a reset says so).
 */
import { type ReactNode, useEffect, useState } from 'react';
import { portalText as t } from '../portalText';
import { shownValue } from './changedValues';
import { type DefaultChangeView, fetchDefaultsHistory } from './defaultsClient';
import { defaultsProblemText } from './defaultsProblem';

export function DefaultsHistoryPage({ instrument }: { instrument: string }): ReactNode {
  const [items, setItems] = useState<DefaultChangeView[] | { error: unknown } | null>(null);
  useEffect(() => {
    let live = true;
    fetchDefaultsHistory(instrument)
      .then((rows) => live && setItems(rows))
      .catch((error: unknown) => live && setItems({ error }));
    return () => {
      live = false;
    };
  }, [instrument]);
  const none = t('portal.defaults.none');
  return (
    <main className="portal-page">
      <p>
        <a href={`#/defaults/${encodeURIComponent(instrument)}`}>{t('portal.defaults.backToDefaults')}</a>
      </p>
      <h2>{t('portal.defaults.historyTitle', { instrument })}</h2>
      {items === null && <p role="status">{t('portal.loading')}</p>}
      {items && 'error' in items && <p role="alert">{defaultsProblemText('history', items.error)}</p>}
      {Array.isArray(items) && items.length === 0 && <p>{t('portal.defaults.noHistory')}</p>}
      {Array.isArray(items) && items.length > 0 && (
        <table className="portal-table" aria-label={t('portal.defaults.historyTitle', { instrument })}>
          <thead>
            <tr>
              <th scope="col">{t('portal.time')}</th>
              <th scope="col">{t('portal.who')}</th>
              <th scope="col">{t('portal.defaults.field')}</th>
              <th scope="col">{t('portal.defaults.diff')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.seq}>
                <td>
                  <time dateTime={c.changedAt}>{new Date(c.changedAt).toLocaleString()}</time>
                </td>
                <td>{c.changedBy}</td>
                <td>
                  {c.label} <code>{c.pointer}</code>
                </td>
                <td className="defaults-diff">
                  <del>{shownValue(c.oldValue, none)}</del> → <ins>{shownValue(c.newValue, none)}</ins>
                  {c.reset && <em> {t('portal.defaults.resetMark')}</em>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
