/**
 * Puts drafts around any form: the draft bar above it, and the form itself from a render function
 * that receives the draft binding (key, formData, draftTexts, onDraftChange) and `status`, the
 * submission status to put beside the submit button (SubmissionForm's children), where a warning is
 * seen. It waits for the stored draft to be read (IndexedDB answers after the first render) and does
 * not render the form itself, so the page keeps full control of <SubmissionForm>'s props.
 */
import type { ReactNode } from 'react';
import { useT } from '../../widgets/index';
import type { DraftStore } from './createDraftStore';
import type { OutboxStore } from './createOutboxStore';
import { DraftBar } from './DraftBar';
import { SubmitStatus, type SubmitStatusProps } from './SubmitStatus';
import { type DraftFormBinding, useDraftForm } from './useDraftForm';
import { useDraftStore } from './useDraftStore';

export interface DraftedFormProps {
  store: DraftStore;
  /** The outbox the submission status reads; DraftsContext's by default. */
  outbox?: OutboxStore;
  /** A note about the last submit (not stored, the earlier request landed) for the status. */
  note?: SubmitStatusProps['note'];
  /**
   * Renders the form with the binding: `<SubmissionForm key={b.key} formData={b.formData}
   * draftTexts={b.draftTexts} onDraftChange={b.onDraftChange}>{b.status}</SubmissionForm>`.
   */
  children: (binding: DraftFormBinding & { status: ReactNode }) => ReactNode;
  formatTime?: (epochMs: number) => string;
}

export function DraftedForm({ store, outbox, note, children, formatTime }: DraftedFormProps) {
  const t = useT();
  const hydrated = useDraftStore((s) => s.hydrated, store);
  return hydrated ? (
    <Hydrated store={store} outbox={outbox} note={note} formatTime={formatTime}>
      {children}
    </Hydrated>
  ) : (
    <p role="status" className="formulary-draft-loading">
      {t('draft.reading')}
    </p>
  );
}

function Hydrated({ store, outbox, note, children, formatTime }: DraftedFormProps) {
  const binding = useDraftForm(store);
  const { instrument, draftId } = store.getState();
  const status = (
    <SubmitStatus
      instrument={instrument}
      draftId={draftId}
      store={outbox}
      note={note}
      formatTime={formatTime}
    />
  );
  return (
    <div className="formulary-drafted">
      <DraftBar store={store} formatTime={formatTime} />
      {children({ ...binding, status })}
    </div>
  );
}
