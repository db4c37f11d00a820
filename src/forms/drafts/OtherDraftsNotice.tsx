/**
 * Tells a tab about the other drafts of its instrument: one another tab is editing now, or one a
 * closed tab (or "Open as new draft") left. Nothing is silent or lost: keep both, take the other's
 * values, merge field by field, or open the other draft instead (yours is kept); every replacement can
 * be undone. Rendering only: the actions are the drafts runtime's.
 */
import { useState, useSyncExternalStore } from 'react';
import { getAt } from '../../schemas/index';
import type { DraftsRuntime } from './createDraftsRuntime';
import { formatTime as defaultFormat } from './formatTime';
import type { StoredDraft } from './listDrafts';
import { requestDifferences } from './requestSummary';
import { useDraftStore } from './useDraftStore';

export interface OtherDraftsNoticeProps {
  runtime: DraftsRuntime;
  instrument: string;
  formatTime?: (epochMs: number) => string;
}

const none: readonly StoredDraft[] = [];

export function OtherDraftsNotice({
  runtime,
  instrument,
  formatTime = defaultFormat,
}: OtherDraftsNoticeProps) {
  const { tab } = runtime;
  const read = () => tab.getState();
  const state = useSyncExternalStore(tab.subscribe, read, read);
  const others = state.others[instrument] ?? none;
  const store = state.drafts[instrument];
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [merging, setMerging] = useState<string | null>(null);
  const undo = state.undo?.instrument === instrument ? state.undo : null;
  const shown = others.filter((d) => !dismissed.has(`${d.draftId}@${d.savedAt}`));
  if (!store || (shown.length === 0 && !undo)) return null;
  return (
    <section className="formulary-other-drafts" aria-label={`Other drafts of ${instrument}`}>
      {undo ? (
        <p role="status">
          {undo.text}{' '}
          <button type="button" onClick={() => void runtime.undo()}>
            Undo
          </button>
        </p>
      ) : null}
      {shown.map((other) => (
        <div key={other.draftId} role="alert" className="formulary-other-draft" data-draft={other.draftId}>
          <p>
            {other.open
              ? `Another tab is editing ${instrument} too`
              : `Another saved draft of ${instrument} is not open in any tab`}{' '}
            (saved {formatTime(other.savedAt)}). Both are kept as separate drafts.{' '}
            <button
              type="button"
              onClick={() => setDismissed(new Set(dismissed).add(`${other.draftId}@${other.savedAt}`))}
            >
              Keep both
            </button>{' '}
            <button type="button" onClick={() => runtime.takeOther(instrument, other.draftId)}>
              Take the other draft
            </button>{' '}
            <button
              type="button"
              onClick={() => setMerging(merging === other.draftId ? null : other.draftId)}
            >
              Merge field by field
            </button>
            {other.open ? null : (
              <>
                {' '}
                <button type="button" onClick={() => void runtime.switchTo(instrument, other.draftId)}>
                  Open it instead
                </button>{' '}
                <button type="button" onClick={() => void runtime.deleteOther(instrument, other.draftId)}>
                  Delete it
                </button>
              </>
            )}
          </p>
          {merging === other.draftId ? (
            <MergeList runtime={runtime} instrument={instrument} other={other} />
          ) : null}
        </div>
      ))}
    </section>
  );
}

function MergeList({
  runtime,
  instrument,
  other,
}: {
  runtime: DraftsRuntime;
  instrument: string;
  other: StoredDraft;
}) {
  const store = runtime.tab.getState().drafts[instrument];
  const mine = useDraftStore((s) => s.draft?.values, store) ?? {};
  const differences = requestDifferences(mine, other.values);
  if (differences.length === 0) return <p>The two drafts hold the same values.</p>;
  return (
    <table className="formulary-merge">
      <caption>Fields that differ</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Yours</th>
          <th scope="col">The other draft's</th>
          <th scope="col">
            <span className="formulary-visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {differences.map((pointer) => (
          <tr key={pointer}>
            <th scope="row">
              <code>{pointer}</code>
            </th>
            <td>{JSON.stringify(getAt(mine, pointer)) ?? 'unset'}</td>
            <td>{JSON.stringify(getAt(other.values, pointer)) ?? 'unset'}</td>
            <td>
              <button
                type="button"
                aria-label={`Use the other draft's ${pointer}`}
                onClick={() =>
                  runtime.takeField(instrument, other.draftId, pointer, getAt(other.values, pointer))
                }
              >
                Use theirs
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
