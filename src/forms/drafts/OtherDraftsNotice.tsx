/**
 * Tells a tab about the other drafts of its instrument: one another tab is editing now, or one a
 * closed tab (or "Open as new draft") left. Nothing is silent or lost: keep both, take the other's
 * values, merge field by field, or open the other draft instead (yours is kept); every replacement can
 * be undone. Rendering only: the actions are the drafts runtime's.
 */
import { useState, useSyncExternalStore } from 'react';
import { getAt } from '../../schemas/index';
import { useLocale, useT } from '../../widgets/index';
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

export function OtherDraftsNotice({ runtime, instrument, formatTime: givenFormat }: OtherDraftsNoticeProps) {
  const t = useT();
  const locale = useLocale();
  const formatTime = givenFormat ?? ((epochMs: number) => defaultFormat(epochMs, locale));
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
    <section className="formulary-other-drafts" aria-label={t('draft.other.label', { instrument })}>
      {undo ? (
        <p role="status">
          {t(undo.text, undo.values)}{' '}
          <button type="button" onClick={() => void runtime.undo()}>
            {t('draft.other.undo')}
          </button>
        </p>
      ) : null}
      {shown.map((other) => (
        <div key={other.draftId} role="alert" className="formulary-other-draft" data-draft={other.draftId}>
          <p>
            {t(other.open ? 'draft.other.openElsewhere' : 'draft.other.notOpen', {
              instrument,
              time: formatTime(other.savedAt),
            })}{' '}
            <button
              type="button"
              onClick={() => setDismissed(new Set(dismissed).add(`${other.draftId}@${other.savedAt}`))}
            >
              {t('draft.other.keepBoth')}
            </button>{' '}
            <button type="button" onClick={() => runtime.takeOther(instrument, other.draftId)}>
              {t('draft.other.take')}
            </button>{' '}
            <button
              type="button"
              onClick={() => setMerging(merging === other.draftId ? null : other.draftId)}
            >
              {t('draft.other.merge')}
            </button>
            {other.open ? null : (
              <>
                {' '}
                <button type="button" onClick={() => void runtime.switchTo(instrument, other.draftId)}>
                  {t('draft.other.openInstead')}
                </button>{' '}
                <button type="button" onClick={() => void runtime.deleteOther(instrument, other.draftId)}>
                  {t('draft.other.delete')}
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
  const t = useT();
  const store = runtime.tab.getState().drafts[instrument];
  const mine = useDraftStore((s) => s.draft?.values, store) ?? {};
  const differences = requestDifferences(mine, other.values);
  if (differences.length === 0) return <p>{t('draft.other.same')}</p>;
  return (
    <table className="formulary-merge">
      <caption>{t('draft.other.differ')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('draft.other.field')}</th>
          <th scope="col">{t('draft.other.yours')}</th>
          <th scope="col">{t('draft.other.theirs')}</th>
          <th scope="col">
            <span className="formulary-visually-hidden">{t('draft.other.action')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {differences.map((pointer) => (
          <tr key={pointer}>
            <th scope="row">
              <code>{pointer}</code>
            </th>
            <td>{JSON.stringify(getAt(mine, pointer)) ?? t('draft.other.unset')}</td>
            <td>{JSON.stringify(getAt(other.values, pointer)) ?? t('draft.other.unset')}</td>
            <td>
              <button
                type="button"
                aria-label={t('draft.other.useTheirsLabel', { pointer })}
                onClick={() =>
                  runtime.takeField(instrument, other.draftId, pointer, getAt(other.values, pointer))
                }
              >
                {t('draft.other.useTheirs')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
