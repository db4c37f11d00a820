/**
 * accept() and the key lookup on SQLite through better-sqlite3 statements prepared once, run in one
 * synchronous IMMEDIATE transaction. Kysely builds and compiles every query on every call and runs a
 * transaction as BEGIN, statements and COMMIT across promise turns; these two are the hot path of
 * every submission, so they skip that (measured in docs/server.md, "The accept on the storage side").
 *
 * The handle is shared with Kysely, whose transactions span awaits: while one is open (the handle
 * says inTransaction), work here waits for Kysely's connection, so it never joins another
 * transaction. Otherwise it runs at once: being synchronous, nothing else can run in between.
 *
 * Group commit: the accepts that arrive in one turn of the event loop are written at the end of it
 * (setImmediate) in one transaction, each in its own savepoint, and every caller is answered after
 * that one commit. Each commit writes whole pages to the WAL, and an accept's seven rows dirty about
 * 28 of them (indexes, sqlite_sequence), most shared with the accepts beside it; see docs/server.md
 * "Group commit" for what it saved. A failed accept rolls back only its savepoint; a failed commit
 * answers every accept of the group with the error, and none of them is stored.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { AcceptTry, AcceptWriter } from './AcceptWriter';
import type { AcceptRows } from './acceptRows';
import { toRecord } from './createKyselyStore';
import type { Database, IdempotencyKeysTable } from './Database';

const columns = {
  submissions: [
    'id',
    'instrument',
    'schema_version',
    'client_schema_version',
    'status',
    'proposal',
    'submitter',
    'idempotency_key',
    'request_text',
    'created_at',
    'defaults_revision',
  ],
  idempotency_keys: [
    'key',
    'fingerprint',
    'submission_id',
    'response_status',
    'response_body',
    'created_at',
    'expires_at',
  ],
  audit_log: ['time', 'actor', 'action', 'target', 'address', 'outcome', 'detail'],
  jobs: [
    'id',
    'submission_id',
    'instrument',
    'job_index',
    'scan_index',
    'label',
    'request_text',
    'max_parallel',
    'stop_on_failure',
    'created_at',
  ],
  job_attempts: ['job_id', 'attempt', 'cause', 'state', 'message', 'queued_at', 'last_seq'],
  job_transitions: ['job_id', 'attempt', 'state', 'time', 'message', 'reason'],
  events: ['submission_id', 'instrument', 'job_id', 'attempt', 'kind', 'payload', 'created_at'],
} as const;

/** `insert into T (a, b) values (@a, @b)`: better-sqlite3 binds an object's fields by name. */
const insertSql = (table: keyof typeof columns) =>
  `insert into ${table} (${columns[table].join(', ')}) values (${columns[table].map((c) => `@${c}`).join(', ')})`;

/** Named parameters must all be present: a missing optional column is bound as null. */
const bindable = (row: object, table: keyof typeof columns): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const c of columns[table]) out[c] = (row as Record<string, unknown>)[c] ?? null;
  return out;
};

export function sqliteAcceptWriter(sqlite: BetterSqlite3.Database, db: Kysely<Database>): AcceptWriter {
  const statements = {
    findKey: sqlite.prepare<[string, string], IdempotencyKeysTable>(
      'select * from idempotency_keys where key = ? and expires_at > ?',
    ),
    heldUntil: sqlite.prepare<[string], { expires_at: string }>(
      'select expires_at from idempotency_keys where key = ?',
    ),
    deleteKey: sqlite.prepare<[string]>('delete from idempotency_keys where key = ?'),
    submission: sqlite.prepare(insertSql('submissions')),
    key: sqlite.prepare(insertSql('idempotency_keys')),
    audit: sqlite.prepare(insertSql('audit_log')),
    job: sqlite.prepare(insertSql('jobs')),
    attempt: sqlite.prepare(insertSql('job_attempts')),
    transition: sqlite.prepare(insertSql('job_transitions')),
    event: sqlite.prepare(insertSql('events')),
  };

  /**
   * One accept, as a savepoint of the group's transaction. The key is checked first, inside the write
   * lock: a held key writes nothing, so nothing is rolled back.
   */
  const writeOne = sqlite.transaction((rows: AcceptRows, now: string): AcceptTry => {
    const held = statements.heldUntil.get(rows.key.key);
    if (held) {
      if (held.expires_at > now) return { stored: false };
      statements.deleteKey.run(rows.key.key); // expired: no longer protects the key
    }
    statements.submission.run(bindable(rows.submission, 'submissions'));
    statements.key.run(bindable(rows.key, 'idempotency_keys'));
    if (rows.audit) statements.audit.run(bindable(rows.audit, 'audit_log'));
    let lastEventId = 0;
    for (let i = 0; i < rows.jobRows.length; i++) {
      statements.job.run(bindable(rows.jobRows[i]!, 'jobs'));
      statements.attempt.run(bindable(rows.attemptRows[i]!, 'job_attempts'));
      statements.transition.run(bindable(rows.transitionRows[i]!, 'job_transitions'));
      lastEventId = Number(statements.event.run(bindable(rows.eventRows[i]!, 'events')).lastInsertRowid);
    }
    return { stored: true, lastEventId };
  });

  /** Runs `work` now when no Kysely transaction is open on the handle, else once Kysely lets go of it. */
  const whenFree = <T>(work: () => T): Promise<T> =>
    sqlite.inTransaction
      ? db.connection().execute(async () => work())
      : new Promise<T>((resolve) => resolve(work()));

  interface Waiting {
    readonly rows: AcceptRows;
    readonly now: string;
    readonly resolve: (tried: AcceptTry) => void;
    readonly reject: (error: unknown) => void;
    outcome?: { tried: AcceptTry } | { error: unknown };
  }
  let group: Waiting[] = [];
  // Called inside the group's transaction, `writeOne` (a better-sqlite3 transaction function) runs as
  // a savepoint: an accept that throws is undone alone and the others go on. IMMEDIATE: the write lock
  // is taken at BEGIN (waiting out another process by busy_timeout), so no other writer can take a
  // key between an accept's check and its inserts.
  const writeGroup = sqlite.transaction((waiting: Waiting[]) => {
    for (const w of waiting) {
      try {
        w.outcome = { tried: writeOne(w.rows, w.now) };
      } catch (error) {
        w.outcome = { error };
      }
    }
  }).immediate;
  const commitGroup = async () => {
    const waiting = group;
    group = [];
    try {
      await whenFree(() => writeGroup(waiting));
    } catch (error) {
      for (const w of waiting) w.reject(error); // the commit failed: nothing of the group is stored
      return;
    }
    for (const w of waiting) {
      const outcome = w.outcome!;
      if ('tried' in outcome) w.resolve(outcome.tried);
      else w.reject(outcome.error);
    }
  };

  return {
    tryAccept: (rows, now) =>
      new Promise<AcceptTry>((resolve, reject) => {
        if (group.length === 0) setImmediate(() => void commitGroup());
        group.push({ rows, now, resolve, reject });
      }),
    findKey: (key, now) =>
      whenFree(() => {
        const row = statements.findKey.get(key, now);
        return row ? toRecord(row as never) : undefined;
      }),
  };
}
