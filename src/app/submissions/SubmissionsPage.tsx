/**
 * "My submissions": every submission with its jobs' states, live, sortable and filterable by
 * instrument, state and time. Only the rows in view are rendered (fixed row height), so thousands of
 * rows scroll and update without re-rendering the rest. A signed-in user may narrow it to their own
 * submissions ("only mine", kept in the URL as #/submissions?mine): the service lists only what the
 * user may read, and staff may read far more than they sent.
 */
import { type ReactNode, useMemo, useState } from 'react';
import { JOB_STATES, type JobState, jobStateWord } from '../../forms/index';
import { instrumentCatalogue } from '../../schemas/instruments/index';
import { useT } from '../../widgets/index';
import { useSession } from '../auth/index';
import { LiveBadge } from './LiveBadge';
import { liveTransport } from './liveTransport';
import type { RowFilter, SortOrder } from './SubmissionIndex';
import { SubmissionTable } from './SubmissionTable';
import { readProblemText } from './serviceProblem';
import { listHref } from './useHashRoute';
import { useSubmissionList } from './useSubmissionList';

const WINDOWS: Record<string, number | undefined> = {
  any: undefined,
  hour: 3.6e6,
  day: 8.64e7,
  week: 6.048e8,
};

export function SubmissionsPage({ mine = false }: { mine?: boolean }): ReactNode {
  const t = useT();
  const session = useSession();
  const user = session === 'loading' ? null : (session?.user ?? null);
  // "Mine" needs someone signed in; without accounts (or signed out) the list is everything readable.
  const list = useSubmissionList(liveTransport(), mine && user ? user.username : null);
  const [instrument, setInstrument] = useState('');
  const [state, setState] = useState('');
  const [timeWindow, setTimeWindow] = useState('any');
  const [order, setOrder] = useState<SortOrder>('newest');
  // Re-sorting is a one-off O(n log n) on a change of order; live changes then cost O(log n).
  list.index.sortBy(order);
  const span = WINDOWS[timeWindow];
  const filter: RowFilter = {
    ...(instrument && { instrument }),
    ...(state && { state: state as JobState }),
    ...(span !== undefined && { sinceMs: Date.now() - span }),
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the index's change counter
  const rows = useMemo(
    () => list.index.rows(filter),
    [list.version, list.index, order, instrument, state, timeWindow],
  );

  return (
    <div className="portal subs">
      <header className="portal__header">
        <h1>{t('portal.mySubmissions')}</h1>
        <p>
          <a href="#/">{t('portal.backToForms')}</a> · <LiveBadge status={list.live} />
        </p>
        <fieldset className="portal__controls subs-filters" aria-label={t('portal.filterAndSort')}>
          <label>
            {t('portal.instrument')}{' '}
            <select value={instrument} onChange={(e) => setInstrument(e.currentTarget.value)}>
              <option value="">{t('portal.all')}</option>
              {instrumentCatalogue.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('portal.state')}{' '}
            <select value={state} onChange={(e) => setState(e.currentTarget.value)}>
              <option value="">{t('portal.all')}</option>
              {JOB_STATES.map((s) => (
                <option key={s} value={s}>
                  {jobStateWord(t, s)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('portal.submitted')}{' '}
            <select value={timeWindow} onChange={(e) => setTimeWindow(e.currentTarget.value)}>
              {Object.keys(WINDOWS).map((w) => (
                <option key={w} value={w}>
                  {t(`portal.window.${w}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('portal.sortBy')}{' '}
            <select value={order} onChange={(e) => setOrder(e.currentTarget.value as SortOrder)}>
              <option value="newest">{t('portal.sort.newest')}</option>
              <option value="oldest">{t('portal.sort.oldest')}</option>
              <option value="instrument">{t('portal.sort.instrument')}</option>
              <option value="state">{t('portal.sort.state')}</option>
            </select>
          </label>
          {user && (
            <label>
              <input
                type="checkbox"
                data-testid="only-mine"
                checked={mine}
                onChange={(e) => {
                  window.location.hash = listHref(e.currentTarget.checked);
                }}
              />{' '}
              {t('portal.onlyMine')}
            </label>
          )}
          <span role="status" data-testid="row-count">
            {list.loading ? `${t('portal.loading')} ` : ''}
            {rows.length === list.index.size
              ? t('portal.submissionCount', { count: rows.length })
              : t('portal.submissionCountOf', { count: rows.length, total: list.index.size })}
          </span>
        </fieldset>
      </header>
      {list.error && (
        <p role="alert" className="subs-error">
          {readProblemText(t, list.error)}
        </p>
      )}
      <SubmissionTable rows={rows} />
    </div>
  );
}
