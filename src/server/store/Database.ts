/**
 * The tables as Kysely sees them: one description typing the queries of both back ends. Column names
 * are snake_case in SQL; the store maps rows to the camelCase records of SubmissionStore.
 */
import type { Generated } from 'kysely';
import type { AuthTables } from './AuthTables';
import type { DefaultsTables } from './DefaultsTables';
import type { JobTables } from './JobTables';

export interface SubmissionsTable {
  seq: Generated<number>;
  id: string;
  instrument: string;
  schema_version: number;
  client_schema_version: number;
  status: string;
  proposal: string | null;
  submitter: string | null;
  idempotency_key: string;
  request_text: string;
  created_at: string;
  /** Migration 0010: the defaults revision the form's values were made against; null: not said. */
  defaults_revision?: number | null;
}

export interface IdempotencyKeysTable {
  key: string;
  fingerprint: string;
  submission_id: string;
  response_status: number;
  response_body: string;
  created_at: string;
  expires_at: string;
}

export interface Database extends JobTables, AuthTables, DefaultsTables {
  submissions: SubmissionsTable;
  idempotency_keys: IdempotencyKeysTable;
}
