/**
 * Drafts, submission with retry and outbox, and history: plain stores and functions (no React) plus
 * thin React pieces that read them. src/forms/index.ts re-exports this.
 */
export { type ChangeChannel, changeChannel } from './changeChannel';
export { type CheckLandedOptions, checkLanded, type Landed, landedUrl } from './checkLanded';
export { clearStoredDraft } from './clearStoredDraft';
export {
  createDraftStore,
  type Draft,
  type DraftDefault,
  type DraftDefaults,
  type DraftState,
  type DraftStore,
  type DraftStoreOptions,
  draftStorageKey,
  parseDraftStorageKey,
} from './createDraftStore';
export {
  createDraftsRuntime,
  type DraftsRuntime,
  type DraftsRuntimeOptions,
  type TabDraftsState,
} from './createDraftsRuntime';
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
  type SharedStoreOptions,
} from './createOutboxStore';
export {
  createSubmitter,
  type SendOptions,
  type SubmissionMeta,
  type SubmitOutcome,
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
export { hasIndexedDb, idbStorage, type ListableStorage, storageKeys } from './idbStorage';
export {
  exportHistory,
  type HistoryImport,
  type HistoryImportProblem,
  historyFormat,
  historyProblemText,
  importHistory,
} from './importHistory';
export { jobKindOf } from './jobKindOf';
export { draftLockName, listDrafts, type StoredDraft } from './listDrafts';
export { defaultStorage, type MemoryStorage, memoryStorage } from './memoryStorage';
export { type MigratedValues, migrateDraftValues, type NotAppliedValue } from './migrateDraftValues';
export { type MigrationReport, migrateLocalStorage } from './migrateLocalStorage';
export { OtherDraftsNotice, type OtherDraftsNoticeProps } from './OtherDraftsNotice';
export { OutboxPanel, type OutboxPanelProps, outboxStatusText } from './OutboxPanel';
export { requestDifferences, requestSummary } from './requestSummary';
export { SubmitStatus, type SubmitStatusProps } from './SubmitStatus';
export { sendErrorText } from './sendErrorText';
export {
  createSharedList,
  type SharedList,
  type SharedListOptions,
  type SharedListState,
} from './sharedList';
export {
  type Backoff,
  backoffDelay,
  fieldProblems,
  newIdempotencyKey,
  type SendReason,
  type ServerFieldProblem,
  type SubmitOptions,
  type SubmitResult,
  serverMessage,
  submitRequest,
} from './submitRequest';
export { heldLockNames, holdLock, withLock } from './tabLocks';
export { type DraftFormBinding, useDraftForm } from './useDraftForm';
export { useDraftAutosave, useDraftStore, useHistory, useOutbox } from './useDraftStore';
