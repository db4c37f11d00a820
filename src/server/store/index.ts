/**
 * The storage layer of the submission service: one interface, SQLite and PostgreSQL behind it, one
 * set of migrations. Other parts of src/server import it through this file only.
 */
export { isPostgresUrl, openStore, type StoreOptions } from './openStore';
export type {
  AcceptOutcome,
  IdempotencyRecord,
  NewSubmission,
  StoredSubmission,
  SubmissionFilter,
  SubmissionStore,
} from './SubmissionStore';
