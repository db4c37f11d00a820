/**
 * The bar above a form: "Restored draft from <time> · Discard", the autosave status (or why the
 * browser did not store the draft), and the saved values the current schema could not take ("not
 * applied"), each kept until dismissed. Rendering only: every action is a draft store method.
 * Discard is undoable: the discarded values stay here until the next discard or "Undo", and focus
 * moves to "Undo discard" (the Discard button goes away with the bar).
 */

import { useContext, useEffect, useRef, useState } from 'react';
import { useLocale, useT } from '../../widgets/index';
import type { Draft, DraftStore } from './createDraftStore';
import { DraftsContext } from './DraftsContext';
import { formatTime as defaultFormat } from './formatTime';
import { useDraftStore } from './useDraftStore';

export interface DraftBarProps {
  store?: DraftStore;
  formatTime?: (epochMs: number) => string;
}

export function DraftBar({ store, formatTime: givenFormat }: DraftBarProps) {
  const t = useT();
  const locale = useLocale();
  const formatTime = givenFormat ?? ((epochMs: number) => defaultFormat(epochMs, locale));
  const restoredFrom = useDraftStore((s) => s.restoredFrom, store);
  const draft = useDraftStore((s) => s.draft, store);
  const pending = useDraftStore((s) => s.pending, store);
  const saveError = useDraftStore((s) => s.saveError, store);
  const schemaVersion = useDraftStore((s) => s.schemaVersion, store);
  const notApplied = useDraftStore((s) => s.notApplied, store);
  const actions = useDraftStore((s) => s, store);
  const context = useContext(DraftsContext);
  const [discarded, setDiscarded] = useState<Draft | null>(null);
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (discarded) undo.current?.focus();
  }, [discarded]);

  return (
    <div className="formulary-draft-bar">
      {restoredFrom ? (
        <p role="status" className="formulary-draft-restored">
          {t('draft.restoredFrom')}{' '}
          <time dateTime={new Date(restoredFrom.savedAt).toISOString()}>
            {formatTime(restoredFrom.savedAt)}
          </time>
          {restoredFrom.schemaVersion !== schemaVersion
            ? ` ${t('draft.savedUnder', { version: restoredFrom.schemaVersion })}`
            : ''}{' '}
          ·{' '}
          <button
            type="button"
            onClick={() => {
              actions.flush();
              const kept = (store ?? context.drafts)?.getState().draft ?? null;
              actions.discard();
              setDiscarded(kept);
            }}
          >
            {t('draft.discard')}
          </button>
        </p>
      ) : null}
      {discarded ? (
        <p role="status" className="formulary-draft-discarded">
          {t('draft.discarded')}{' '}
          <button
            ref={undo}
            type="button"
            onClick={() => {
              actions.replace(discarded.values, discarded.schemaVersion);
              setDiscarded(null);
            }}
          >
            {t('draft.undoDiscard')}
          </button>
        </p>
      ) : null}
      {saveError ? (
        <p role="alert" className="formulary-draft-error">
          {t('draft.notSaved', { why: saveError })}
        </p>
      ) : (
        <p className="formulary-draft-status" aria-live="polite">
          {pending
            ? t('draft.saving')
            : draft && !restoredFrom
              ? t('draft.saved', { time: formatTime(draft.savedAt) })
              : ''}
        </p>
      )}
      {notApplied.length > 0 ? (
        <section className="formulary-not-applied" aria-labelledby="formulary-not-applied-title">
          <h2 id="formulary-not-applied-title">{t('draft.notApplied', { count: notApplied.length })}</h2>
          <ul>
            {notApplied.map((item) => (
              <li key={item.pointer}>
                <code>{item.pointer || t('draft.wholeDraftParen')}</code>:{' '}
                <code>{JSON.stringify(item.value)}</code> —{' '}
                {t('draft.reason', {
                  reason: item.reasonKey ? t(item.reasonKey) : item.reason,
                  version: item.fromSchemaVersion,
                })}{' '}
                <button
                  type="button"
                  aria-label={t('draft.dismissItem', { item: item.pointer || t('draft.wholeDraft') })}
                  onClick={() => actions.dismissNotApplied(item.pointer)}
                >
                  {t('import.dismiss')}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => actions.dismissNotApplied()}>
            {t('draft.dismissAll')}
          </button>
        </section>
      ) : null}
    </div>
  );
}
