/**
 * "My submissions": every submission with its jobs' states, live, sortable and filterable by
 * instrument, state and time. Only the rows in view are rendered (fixed row height), so thousands of
 * rows scroll and update without re-rendering the rest. Accounts will add a "mine" scope beside the
 * filters (RowFilter.scope); until then everyone sees every submission, as the service does.
 */
import { type ReactNode, useMemo, useState } from 'react';
import { JOB_STATES, type JobState, STATE_WORDS } from '../../forms/index';
import { instrumentCatalogue } from '../../schemas/instruments/index';
import { LiveBadge } from './LiveBadge';
import { liveTransport } from './liveTransport';
import type { RowFilter, SortOrder } from './SubmissionIndex';
import { SubmissionTable } from './SubmissionTable';
import { useSubmissionList } from './useSubmissionList';

const WINDOWS: Record<string, number | undefined> = {
  any: undefined,
  hour: 3.6e6,
  day: 8.64e7,
  week: 6.048e8,
};
const WINDOW_WORDS: Record<string, string> = {
  any: 'any time',
  hour: 'last hour',
  day: 'last 24 h',
  week: 'last 7 days',
};

export function SubmissionsPage(): ReactNode {
  const list = useSubmissionList(liveTransport());
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
        <h1>My submissions</h1>
        <p>
          <a href="#/">← Back to the forms</a> · <LiveBadge status={list.live} />
        </p>
        <fieldset className="portal__controls subs-filters" aria-label="Filter and sort">
          <label>
            Instrument{' '}
            <select value={instrument} onChange={(e) => setInstrument(e.currentTarget.value)}>
              <option value="">all</option>
              {instrumentCatalogue.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            State{' '}
            <select value={state} onChange={(e) => setState(e.currentTarget.value)}>
              <option value="">all</option>
              {JOB_STATES.map((s) => (
                <option key={s} value={s}>
                  {STATE_WORDS[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Submitted{' '}
            <select value={timeWindow} onChange={(e) => setTimeWindow(e.currentTarget.value)}>
              {Object.keys(WINDOWS).map((w) => (
                <option key={w} value={w}>
                  {WINDOW_WORDS[w]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Sort by{' '}
            <select value={order} onChange={(e) => setOrder(e.currentTarget.value as SortOrder)}>
              <option value="newest">newest first</option>
              <option value="oldest">oldest first</option>
              <option value="instrument">instrument</option>
              <option value="state">state</option>
            </select>
          </label>
          <span role="status" data-testid="row-count">
            {list.loading ? 'Loading… ' : ''}
            {rows.length === list.index.size
              ? `${rows.length} submission${rows.length === 1 ? '' : 's'}`
              : `${rows.length} of ${list.index.size} submissions`}
          </span>
        </fieldset>
      </header>
      {list.error && (
        <p role="alert" className="subs-error">
          {list.error}
        </p>
      )}
      <SubmissionTable rows={rows} />
    </div>
  );
}
