/**
 * Picks the back end from one setting: a postgres:// or postgresql:// URL opens PostgreSQL, anything
 * else is a SQLite file path. The composition root and the tests open stores only through this.
 */
import { openPostgresStore } from './openPostgresStore';
import { openSqliteStore } from './openSqliteStore';
import type { SubmissionStore } from './SubmissionStore';

export interface StoreOptions {
  /** A SQLite file path (or ':memory:') or a PostgreSQL URL. */
  readonly db: string;
  readonly sqliteSynchronous?: 'NORMAL' | 'FULL';
  readonly poolSize?: number;
}

export const isPostgresUrl = (db: string): boolean => /^postgres(?:ql)?:\/\//i.test(db);

export function openStore(options: StoreOptions): Promise<SubmissionStore> {
  if (isPostgresUrl(options.db)) return openPostgresStore({ url: options.db, poolSize: options.poolSize });
  return openSqliteStore({ file: options.db, synchronous: options.sqliteSynchronous });
}
