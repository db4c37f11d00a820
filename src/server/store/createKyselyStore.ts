/**
 * The one implementation of SubmissionStore, over Kysely: the same queries run on SQLite and
 * PostgreSQL. The back ends differ only in how they are opened (openSqliteStore, openPostgresStore).
 * accept() is the promise the service makes: the submission, its key and its queued jobs commit
 * together or not at all.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AcceptWriter } from './AcceptWriter';
import { acceptRows, submissionRow } from './acceptRows';
import { createAuthStore } from './createAuthStore';
import { createDefaultsStore } from './createDefaultsStore';
import { createDispatchLedger } from './createDispatchLedger';
import { createJobStore, type JobStoreOptions } from './createJobStore';
import type { Database, IdempotencyKeysTable, SubmissionsTable } from './Database';
import { insertAcceptedJobs } from './insertAcceptedJobs';
import type {
  AcceptExtras,
  AcceptOutcome,
  IdempotencyRecord,
  NewSubmission,
  StoredSubmission,
  SubmissionFilter,
  SubmissionStore,
} from './SubmissionStore';

/** Thrown inside the transaction to roll it back when a live record already holds the key. */
class KeyTaken extends Error {}

const toSubmission = (row: Selectable<SubmissionsTable>): StoredSubmission => ({
  id: row.id,
  seq: Number(row.seq),
  instrument: row.instrument,
  schemaVersion: Number(row.schema_version),
  clientSchemaVersion: Number(row.client_schema_version),
  status: row.status,
  proposal: row.proposal,
  submitter: row.submitter,
  idempotencyKey: row.idempotency_key,
  requestText: row.request_text,
  createdAt: row.created_at,
  ...(row.defaults_revision !== null &&
    row.defaults_revision !== undefined && {
      defaultsRevision: Number(row.defaults_revision),
    }),
});

export const toRecord = (row: Selectable<IdempotencyKeysTable>): IdempotencyRecord => ({
  key: row.key,
  fingerprint: row.fingerprint,
  submissionId: row.submission_id,
  responseStatus: Number(row.response_status),
  responseBody: row.response_body,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
});

/**
 * The general writer: Kysely statements in one transaction, on either back end. The submission first
 * (the key refers to it), then the key; an expired record under the key is removed and the key taken.
 */
export function kyselyAcceptWriter(db: Kysely<Database>, kind: SubmissionStore['kind']): AcceptWriter {
  return {
    async tryAccept(rows, now) {
      try {
        const lastEventId = await db.transaction().execute(async (trx) => {
          await trx.insertInto('submissions').values(rows.submission).execute();
          const insertKey = async (): Promise<boolean> => {
            const result = await trx
              .insertInto('idempotency_keys')
              .values(rows.key)
              .onConflict((oc) => oc.column('key').doNothing())
              .executeTakeFirst();
            return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
          };
          if (!(await insertKey())) {
            // The key is held. An expired record no longer protects it: remove that one and take the
            // key. Checked only here, so the common path is two inserts and a commit.
            const expired = await trx
              .deleteFrom('idempotency_keys')
              .where('key', '=', rows.key.key)
              .where('expires_at', '<=', now)
              .executeTakeFirst();
            if (!(Number(expired.numDeletedRows) > 0 && (await insertKey()))) throw new KeyTaken();
          }
          return insertAcceptedJobs(trx, kind, rows);
        });
        return { stored: true, lastEventId };
      } catch (error) {
        if (error instanceof KeyTaken) return { stored: false };
        throw error;
      }
    },
    async findKey(key, now) {
      const row = await db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('key', '=', key)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },
  };
}

export function createKyselyStore(
  db: Kysely<Database>,
  kind: SubmissionStore['kind'],
  jobOptions: JobStoreOptions = {},
  /** A faster writer for this back end, given the general one to fall back on (openSqliteStore's). */
  makeWriter?: (general: AcceptWriter) => AcceptWriter,
): SubmissionStore {
  // Who someone is changed: this process's writes call these after commit, the listener another's.
  const principalWakers = new Set<() => void>();
  const principalsChanged = () => {
    for (const wake of principalWakers) wake();
  };
  const jobs = createJobStore(db, kind, { ...jobOptions, principalsChanged });
  const general = kyselyAcceptWriter(db, kind);
  const writer = makeWriter?.(general) ?? general;
  const findKey = writer.findKey;

  const accept = async (
    submission: NewSubmission,
    record: IdempotencyRecord,
    now: string,
    extras: AcceptExtras = {},
  ): Promise<AcceptOutcome> => {
    const rows = acceptRows(submission, record, now, extras);
    let tried = await writer.tryAccept(rows, now);
    while (!tried.stored) {
      const holder = await findKey(record.key, now);
      if (holder) return { kind: 'keyTaken', record: holder };
      // No live record: the holder expired (or was purged) since. The general writer replaces an
      // expired record; another request may still take the key first, then this loop finds it.
      tried = await general.tryAccept(rows, now);
    }
    if (tried.lastEventId > 0) jobs.announce(tried.lastEventId);
    return { kind: 'stored', record, jobs: rows.jobs };
  };

  return {
    kind,
    jobs,
    dispatch: createDispatchLedger(db),
    auth: createAuthStore(db, principalWakers, principalsChanged),
    defaults: createDefaultsStore(db),
    findKey,
    accept,

    async purgeExpiredKeys(now) {
      const result = await db
        .deleteFrom('idempotency_keys')
        .where('expires_at', '<=', now)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async insertBare(submission) {
      await db.insertInto('submissions').values(submissionRow(submission)).execute();
    },

    async get(id) {
      const row = await db.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toSubmission(row) : undefined;
    },

    async list(filter: SubmissionFilter) {
      let query = db.selectFrom('submissions').selectAll();
      if (filter.instrument !== undefined) query = query.where('instrument', '=', filter.instrument);
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      if (filter.proposal !== undefined) query = query.where('proposal', '=', filter.proposal);
      if (filter.submitter !== undefined) query = query.where('submitter', '=', filter.submitter);
      if (filter.idempotencyKey !== undefined)
        query = query.where('idempotency_key', '=', filter.idempotencyKey);
      if (filter.since !== undefined) query = query.where('created_at', '>=', filter.since);
      if (filter.until !== undefined) query = query.where('created_at', '<', filter.until);
      if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
      const readable = filter.readableBy;
      if (readable !== undefined)
        query = query.where((eb) => {
          const any = [];
          if (readable.proposals.length > 0) any.push(eb('proposal', 'in', [...readable.proposals]));
          if (readable.instruments.length > 0) any.push(eb('instrument', 'in', [...readable.instruments]));
          if (readable.submitter !== null) any.push(eb('submitter', '=', readable.submitter));
          // Nothing readable: a condition no row meets.
          return any.length > 0 ? eb.or(any) : eb('seq', '<', 0);
        });
      const rows = await query.orderBy('seq', 'desc').limit(filter.limit).execute();
      return rows.map(toSubmission);
    },

    async count() {
      const row = await db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async close() {
      await jobs.close();
      // Kysely's destroy closes the driver: the SQLite handle (checkpointing its WAL) or the pg pool.
      await db.destroy();
    },
  };
}
