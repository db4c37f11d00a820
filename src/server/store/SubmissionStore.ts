/**
 * The storage interface of the submission service: what routes and services may ask of a database.
 * Two implementations share it (SQLite and PostgreSQL through one set of Kysely queries); a store
 * never knows HTTP, and nothing above it writes SQL. Later parts (jobs, events, users) add their own
 * interfaces beside this one, over tables added by later migrations.
 */

import type { DispatchLedger } from '../jobs/index';
import type { AuthStore, NewAuditEntry } from './AuthStore';
import type { DefaultsStore } from './DefaultsStore';
import type { AcceptedJob } from './insertAcceptedJobs';
import type { JobStore, StoredJob } from './JobStore';

/** A stored, accepted request. `requestText` is byte for byte the JSON the client sent. */
export interface StoredSubmission {
  readonly id: string;
  /** Insertion order: the cursor of newest-first listings. */
  readonly seq: number;
  readonly instrument: string;
  /** The schema version the request was validated against (the server's current one). */
  readonly schemaVersion: number;
  /** The X-Schema-Version the client sent (older when its draft was made under an older schema). */
  readonly clientSchemaVersion: number;
  readonly status: string;
  readonly proposal: string | null;
  readonly submitter: string | null;
  readonly idempotencyKey: string;
  readonly requestText: string;
  /** ISO 8601 with milliseconds, UTC: sorts as text on both back ends. */
  readonly createdAt: string;
  /** The instrument defaults revision the client's values were made against (X-Defaults-Revision); absent when not said. */
  readonly defaultsRevision?: number;
}

export type NewSubmission = Omit<StoredSubmission, 'seq'>;

/** What was answered for an idempotency key, so a retry gets the same answer. */
export interface IdempotencyRecord {
  readonly key: string;
  /** sha256 of instrument + body: another body under the same key is a conflict. */
  readonly fingerprint: string;
  readonly submissionId: string;
  readonly responseStatus: number;
  readonly responseBody: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface SubmissionFilter {
  readonly instrument?: string;
  readonly status?: string;
  readonly proposal?: string;
  readonly submitter?: string;
  readonly idempotencyKey?: string;
  /** createdAt >= since (ISO). */
  readonly since?: string;
  /** createdAt < until (ISO). */
  readonly until?: string;
  /** Only rows older than this seq (the cursor of the previous page). */
  readonly beforeSeq?: number;
  readonly limit: number;
  /**
   * Only what one user may read: rows of these proposals, or these instruments, or this submitter
   * (any of them). Omitted: every row (administrators).
   */
  readonly readableBy?: {
    readonly proposals: readonly string[];
    readonly instruments: readonly string[];
    readonly submitter: string | null;
  };
}

/** What accept() stores in the same transaction as the submission. */
export interface AcceptExtras {
  readonly jobs?: readonly AcceptedJob[];
  readonly audit?: NewAuditEntry;
}

export type AcceptOutcome =
  /** `jobs`: those stored with it, each with attempt 1 queued (none when accept() was given none). */
  | { readonly kind: 'stored'; readonly record: IdempotencyRecord; readonly jobs: readonly StoredJob[] }
  /** Another request holds the key (a race, or a retry): the caller replays or answers 409. */
  | { readonly kind: 'keyTaken'; readonly record: IdempotencyRecord };

export interface SubmissionStore {
  /** Which back end, for logs and the health route. */
  readonly kind: 'sqlite' | 'postgres';
  /** The jobs of the submissions, their logs and events, in the same database (JobStore.ts). */
  readonly jobs: JobStore;
  /** Which attempts went out on the broker, per submission (the `stomp` dispatcher's limits). */
  readonly dispatch: DispatchLedger;
  /** Users, proposals, instrument teams, sessions, tokens and the audit log (AuthStore.ts). */
  readonly auth: AuthStore;
  /** Instrument defaults edited by staff: the overlay, its history (DefaultsStore.ts). */
  readonly defaults: DefaultsStore;
  /**
   * Stores the submission, its idempotency record, `extras.jobs` (each with attempt 1 `queued`, its
   * transition and event) and `extras.audit` (the audit entry of the submission) in one transaction:
   * all or nothing. An expired record under the same key is replaced. When a live record holds the
   * key, nothing is written. The events are announced to this process's readers after the commit.
   */
  accept(
    submission: NewSubmission,
    record: IdempotencyRecord,
    now: string,
    extras?: AcceptExtras,
  ): Promise<AcceptOutcome>;
  /** The live (unexpired at `now`) record for a key. */
  findKey(key: string, now: string): Promise<IdempotencyRecord | undefined>;
  /** Deletes records expired at `now`; returns how many. Submissions stay. */
  purgeExpiredKeys(now: string): Promise<number>;
  /** Inserts without an idempotency record: the benchmark's floor route only. */
  insertBare(submission: NewSubmission): Promise<void>;
  get(id: string): Promise<StoredSubmission | undefined>;
  /** Newest first (by seq), filtered; at most `limit`. */
  list(filter: SubmissionFilter): Promise<StoredSubmission[]>;
  count(): Promise<number>;
  close(): Promise<void>;
}
