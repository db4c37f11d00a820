/**
 * The embedded back end: one SQLite file through better-sqlite3 12 (13 needs Node 22). WAL so reads
 * never wait for the writer, foreign keys on, a busy timeout so a second process waits instead of
 * failing. synchronous=NORMAL by default: a commit survives the process being killed (SIGKILL), and
 * FULL (configurable) also survives a power cut, at an fsync per commit.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { sqliteAcceptWriter } from './acceptOnSqlite';
import { foldNonAscii } from './caseFoldingsInto';
import { createKyselyStore } from './createKyselyStore';
import type { Database } from './Database';
import { loadDriver } from './loadDriver';
import { migrateToLatest } from './migrateToLatest';
import type { SubmissionStore } from './SubmissionStore';

export interface SqliteOptions {
  /** The database file; ':memory:' for a throw-away one. Its folder is created. */
  readonly file: string;
  readonly synchronous?: 'NORMAL' | 'FULL';
  readonly busyTimeoutMs?: number;
}

/**
 * Kysely's SQLite driver prepares every query afresh; the service runs the same few queries over and
 * over, so prepared statements are kept by SQL text (bounded: the listing's filter combinations are
 * the only variety). Safe because every statement runs to completion synchronously before the next.
 */
function withStatementCache(sqlite: BetterSqlite3.Database, limit = 256) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= limit) cache.clear();
        statement = sqlite.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

/** Opens (creating and migrating) a SQLite store. */
export async function openSqliteStore(options: SqliteOptions): Promise<SubmissionStore> {
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  const Sqlite = await loadDriver<typeof BetterSqlite3>('better-sqlite3');
  const sqlite = new Sqlite(options.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
  sqlite.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
  // Log search's case folding beyond ASCII (searchLog.ts): deterministic, so SQLite may reuse results.
  sqlite.function('formulary_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldNonAscii(text) : text,
  );
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  try {
    await migrateToLatest(db, 'sqlite');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createKyselyStore(db, 'sqlite', {}, () => sqliteAcceptWriter(sqlite, db));
}
