/**
 * Puts drafts around any form: the draft bar above it, the submission status below it, and the form
 * itself from a render function that receives the draft binding (key, formData, draftTexts,
 * onDraftChange). It does
 * not render the form itself, so the page keeps full control of <SubmissionForm>'s props.
 */
import type { ReactNode } from 'react';
import type { DraftStore } from './createDraftStore';
import type { OutboxStore } from './createOutboxStore';
import { DraftBar } from './DraftBar';
import { SubmitStatus } from './SubmitStatus';
import { type DraftFormBinding, useDraftForm } from './useDraftForm';

export interface DraftedFormProps {
  store: DraftStore;
  /** The outbox the submission status reads; DraftsContext's by default. */
  outbox?: OutboxStore;
  /**
   * Renders the form with the binding: `<SubmissionForm key={b.key} formData={b.formData}
   * draftTexts={b.draftTexts} onDraftChange={b.onDraftChange} />`.
   */
  children: (binding: DraftFormBinding) => ReactNode;
  formatTime?: (epochMs: number) => string;
}

export function DraftedForm({ store, outbox, children, formatTime }: DraftedFormProps) {
  const binding = useDraftForm(store);
  const instrument = store.getState().instrument;
  return (
    <div className="formulary-drafted">
      <DraftBar store={store} formatTime={formatTime} />
      {children(binding)}
      <SubmitStatus instrument={instrument} store={outbox} formatTime={formatTime} />
    </div>
  );
}
