/**
 * How one back end writes the rows of an accept() and reads a key: the seam where SQLite (prepared
 * statements, one synchronous transaction) and PostgreSQL (one statement, one round trip) each take
 * their fastest path, while createKyselyStore keeps the one policy (a held key is answered with its
 * live record, an expired one is replaced) for both.
 */
import type { AcceptRows } from './acceptRows';
import type { IdempotencyRecord } from './SubmissionStore';

/** One try: stored (with the highest event id written, 0 for none), or the key is held and nothing was written. */
export type AcceptTry = { readonly stored: true; readonly lastEventId: number } | { readonly stored: false };

export interface AcceptWriter {
  /**
   * Writes every row of `rows` in one transaction when no record holds the key. A writer may also
   * replace a record that expired at `now`; one that does not answers `held` and the store's general
   * writer replaces it.
   */
  tryAccept(rows: AcceptRows, now: string): Promise<AcceptTry>;
  /** The live (unexpired at `now`) record for a key. */
  findKey(key: string, now: string): Promise<IdempotencyRecord | undefined>;
}
