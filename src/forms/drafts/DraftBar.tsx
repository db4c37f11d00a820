/**
 * The bar above a form: "Restored draft from <time> · Discard", the autosave status (or why the
 * browser did not store the draft), and the saved values the current schema could not take ("not
 * applied"), each kept until dismissed. Rendering only: every action is a draft store method.
 * Discard is undoable: the discarded values stay here until the next discard or "Undo", and focus
 * moves to "Undo discard" (the Discard button goes away with the bar).
 */
import { useContext, useEffect, useRef, useState } from 'react';
import type { Draft, DraftStore } from './createDraftStore';
import { DraftsContext } from './DraftsContext';
import { formatTime as defaultFormat } from './formatTime';
import { useDraftStore } from './useDraftStore';

export interface DraftBarProps {
  store?: DraftStore;
  formatTime?: (epochMs: number) => string;
}

export function DraftBar({ store, formatTime = defaultFormat }: DraftBarProps) {
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
          Restored draft from{' '}
          <time dateTime={new Date(restoredFrom.savedAt).toISOString()}>
            {formatTime(restoredFrom.savedAt)}
          </time>
          {restoredFrom.schemaVersion !== schemaVersion
            ? ` (saved under schema version ${restoredFrom.schemaVersion})`
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
            Discard
          </button>
        </p>
      ) : null}
      {discarded ? (
        <p role="status" className="formulary-draft-discarded">
          Draft discarded; the form shows its defaults.{' '}
          <button
            ref={undo}
            type="button"
            onClick={() => {
              actions.replace(discarded.values, discarded.schemaVersion);
              setDiscarded(null);
            }}
          >
            Undo discard
          </button>
        </p>
      ) : null}
      {saveError ? (
        <p role="alert" className="formulary-draft-error">
          Draft not saved: {saveError}. Your values are kept in this page only; do not reload it.
        </p>
      ) : (
        <p className="formulary-draft-status" aria-live="polite">
          {pending
            ? 'Saving draft…'
            : draft && !restoredFrom
              ? `Draft saved ${formatTime(draft.savedAt)}`
              : ''}
        </p>
      )}
      {notApplied.length > 0 ? (
        <section className="formulary-not-applied" aria-labelledby="formulary-not-applied-title">
          <h2 id="formulary-not-applied-title">
            {notApplied.length === 1 ? '1 saved value was' : `${notApplied.length} saved values were`} not
            applied
          </h2>
          <ul>
            {notApplied.map((item) => (
              <li key={item.pointer}>
                <code>{item.pointer || '(whole draft)'}</code>: <code>{JSON.stringify(item.value)}</code> —{' '}
                {item.reason} (schema version {item.fromSchemaVersion}){' '}
                <button
                  type="button"
                  aria-label={`Dismiss ${item.pointer || 'whole draft'}`}
                  onClick={() => actions.dismissNotApplied(item.pointer)}
                >
                  Dismiss
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => actions.dismissNotApplied()}>
            Dismiss all
          </button>
        </section>
      ) : null}
    </div>
  );
}
