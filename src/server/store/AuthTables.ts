/**
 * The tables of migration 0003 as Kysely sees them (users, memberships, sessions, API tokens, the
 * cookie secret, the audit log). snake_case in SQL; AuthStore maps rows to camelCase records.
 */
import type { Generated } from 'kysely';

export interface UsersTable {
  username: string;
  display_name: string;
  password_hash: string | null;
  admin: number;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
}

export interface ProposalMembersTable {
  proposal: string;
  username: string;
}

export interface InstrumentStaffTable {
  instrument: string;
  username: string;
}

export interface SessionsTable {
  sid: string;
  data: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  username: string;
  hash: string;
  label: string;
  scopes: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface AuthSecretsTable {
  name: string;
  value: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  time: string;
  actor: string | null;
  action: string;
  target: string | null;
  address: string | null;
  outcome: string;
  detail: string;
}

/** Migration 0007: one row, 'principals', raised by trigger on every change to users, memberships and tokens. */
export interface AuthGenerationTable {
  name: string;
  value: number;
}

/** Migration 0009: sign-in attempts in the current window of each key (see LoginAttemptStore). */
export interface LoginAttemptsTable {
  key: string;
  attempts: number;
  /** ISO time the window ends; from then on the next attempt starts a new window at 1. */
  resets_at: string;
}

export interface AuthTables {
  auth_generation: AuthGenerationTable;
  login_attempts: LoginAttemptsTable;
  users: UsersTable;
  proposal_members: ProposalMembersTable;
  instrument_staff: InstrumentStaffTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  auth_secrets: AuthSecretsTable;
  audit_log: AuditLogTable;
}
