/**
 * The storage layer of the submission service: one interface, SQLite and PostgreSQL behind it, one
 * set of migrations. Other parts of src/server import it through this file only.
 */

export type {
  AuditEntry,
  AuditFilter,
  AuthStore,
  NewAuditEntry,
  NewUser,
  StoredToken,
  StoredUser,
  UserChanges,
} from './AuthStore';
export { EVENT_CHANNEL } from './createJobStore';
export type {
  DefaultChange,
  DefaultEdit,
  DefaultsOverlay,
  DefaultsStore,
  StoredDefault,
} from './DefaultsStore';
export type { AcceptedJob } from './insertAcceptedJobs';
export type {
  AttemptRecord,
  EventFilter,
  JobDetail,
  JobStore,
  LiveEvent,
  LogSearch,
  LogSearchPage,
  SnapshotLog,
  StoredJob,
  StoredLogLine,
  SubmissionSnapshot,
  SweepResult,
  TransitionRecord,
} from './JobStore';
export type { AttemptWindow, LoginAttemptStore } from './LoginAttemptStore';
export { isPostgresUrl, openStore, type StoreOptions } from './openStore';
export type {
  AcceptExtras,
  AcceptOutcome,
  IdempotencyRecord,
  NewSubmission,
  StoredSubmission,
  SubmissionFilter,
  SubmissionStore,
} from './SubmissionStore';
