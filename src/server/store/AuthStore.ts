/**
 * The storage interface of accounts and permissions: users with their proposals and instrument teams,
 * sessions, API tokens (hashes), the shared cookie secret, the append-only audit log and the sign-in
 * attempt counters (LoginAttemptStore). One Kysely implementation serves SQLite and PostgreSQL
 * (createAuthStore); nothing here knows HTTP.
 */
import type { LoginAttemptStore } from './LoginAttemptStore';

export interface StoredUser {
  readonly username: string;
  readonly displayName: string;
  /** scrypt$N$r$p$salt$hash, or null for a user who signs in only through single sign-on or tokens. */
  readonly passwordHash: string | null;
  readonly admin: boolean;
  readonly disabled: boolean;
  readonly failedLogins: number;
  /** ISO time until which password logins are refused after repeated failures; null when not locked. */
  readonly lockedUntil: string | null;
  readonly createdAt: string;
  /** Proposals (IPTS-12345) the user is a member of, sorted. */
  readonly proposals: readonly string[];
  /** Instrument ids whose team the user is on, sorted. */
  readonly staffOf: readonly string[];
}

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string | null;
  readonly admin: boolean;
  readonly proposals: readonly string[];
  readonly staffOf: readonly string[];
  readonly createdAt: string;
}

export interface StoredToken {
  readonly id: string;
  readonly username: string;
  /** sha256 of the whole token, base64url: the token itself is never stored. */
  readonly hash: string;
  readonly label: string;
  readonly scopes: readonly string[];
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
}

export interface AuditEntry {
  readonly seq: number;
  readonly time: string;
  /** Who acted: a username, or null for anonymous (a failed login names the tried username in target). */
  readonly actor: string | null;
  readonly action: string;
  readonly target: string | null;
  readonly address: string | null;
  /** "ok", or why it was refused ("refused", "locked", ...). */
  readonly outcome: string;
  /** A JSON object with the rest (scopes, job ids, ...). */
  readonly detail: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'seq'>;

export interface AuditFilter {
  readonly actor?: string;
  readonly action?: string;
  /** Only entries older than this seq (the cursor of the previous page). */
  readonly beforeSeq?: number;
  readonly limit: number;
}

export interface UserChanges {
  readonly displayName?: string;
  readonly passwordHash?: string | null;
  readonly admin?: boolean;
  readonly disabled?: boolean;
  /** Replace the proposal memberships. */
  readonly proposals?: readonly string[];
  /** Replace the instrument teams. */
  readonly staffOf?: readonly string[];
}

export interface AuthStore extends LoginAttemptStore {
  getUser(username: string): Promise<StoredUser | undefined>;
  listUsers(): Promise<StoredUser[]>;
  /** Inserts a user and memberships in one transaction; false when the username is taken. */
  addUser(user: NewUser): Promise<boolean>;
  /** Changes a user in one transaction; false when there is no such user. */
  updateUser(username: string, changes: UserChanges): Promise<boolean>;
  /** After a failed password: count it, and lock until `lockUntil` once `lockAfter` is reached. */
  recordFailedLogin(username: string, lockAfter: number, lockUntil: string): Promise<void>;
  recordGoodLogin(username: string): Promise<void>;

  getSession(sid: string, now: string): Promise<string | undefined>;
  setSession(sid: string, data: string, expiresAt: string): Promise<void>;
  destroySession(sid: string): Promise<void>;
  purgeSessions(now: string): Promise<number>;

  /**
   * A counter every change to users, memberships or tokens raises in its own transaction (migration
   * 0007's triggers, whoever writes): while it has not moved, what a token resolved to still holds.
   */
  principalsGeneration(): Promise<number>;
  /**
   * Calls `wake` after this process changed users, memberships, tokens or sessions, and, on
   * PostgreSQL, when another process did (NOTIFY). A hint, as onEvent's: compare the generation.
   * Returns the unsubscribe function.
   */
  onPrincipalsChange(wake: () => void): () => void;

  addToken(token: StoredToken): Promise<void>;
  getToken(id: string): Promise<StoredToken | undefined>;
  tokensOf(username: string): Promise<StoredToken[]>;
  /** Marks a token revoked; false when it is not the user's or already revoked. */
  revokeToken(id: string, username: string, at: string): Promise<boolean>;

  /** The secret named `name`, created from `make()` by the first process that asks. */
  secret(name: string, make: () => string): Promise<string>;

  /** Appends to the audit log (never updated or deleted). */
  audit(entry: NewAuditEntry): Promise<void>;
  /** Newest first. */
  readAudit(filter: AuditFilter): Promise<AuditEntry[]>;
}
