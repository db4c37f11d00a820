/**
 * Drafts, submission with retry and outbox, and history: plain stores and functions (no React) plus
 * thin React pieces that read them. src/forms/index.ts re-exports this.
 */
export { clearStoredDraft } from './clearStoredDraft';
export {
  createDraftStore,
  type Draft,
  type DraftState,
  type DraftStore,
  type DraftStoreOptions,
  draftStorageKey,
} from './createDraftStore';
export { createDraftsRuntime, type DraftsRuntime, type DraftsRuntimeOptions } from './createDraftsRuntime';
export {
  createHistoryStore,
  type HistoryEntry,
  type HistoryState,
  type HistoryStore,
  historyStorageKey,
} from './createHistoryStore';
export {
  createOutboxStore,
  type OutboxEntry,
  type OutboxState,
  type OutboxStatus,
  type OutboxStore,
  outboxStorageKey,
} from './createOutboxStore';
export {
  createSubmitter,
  type SendOptions,
  type SubmissionMeta,
  type Submitter,
  type SubmitterOptions,
  startOutboxSync,
} from './createSubmitter';
export { DraftBar, type DraftBarProps } from './DraftBar';
export { DraftedForm, type DraftedFormProps } from './DraftedForm';
export { DraftsContext, type DraftsContextValue } from './DraftsContext';
export { diffFromDefaults } from './diffFromDefaults';
export { flushDraftOnPageHide } from './flushDraftOnPageHide';
export { formatTime } from './formatTime';
export { HistoryPanel, type HistoryPanelProps } from './HistoryPanel';
export {
  exportHistory,
  type HistoryImport,
  type HistoryImportProblem,
  historyFormat,
  importHistory,
} from './importHistory';
export { jobKindOf } from './jobKindOf';
export { defaultStorage, type MemoryStorage, memoryStorage } from './memoryStorage';
export { type MigratedValues, migrateDraftValues, type NotAppliedValue } from './migrateDraftValues';
export { OutboxPanel, type OutboxPanelProps } from './OutboxPanel';
export { SubmitStatus, type SubmitStatusProps } from './SubmitStatus';
export {
  type Backoff,
  backoffDelay,
  newIdempotencyKey,
  type SubmitOptions,
  type SubmitResult,
  serverMessage,
  submitRequest,
} from './submitRequest';
export { type DraftFormBinding, useDraftForm } from './useDraftForm';
export { useDraftAutosave, useDraftStore, useHistory, useOutbox } from './useDraftStore';
