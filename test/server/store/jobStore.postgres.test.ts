/**
 * The job storage suite on PostgreSQL, plus what only PostgreSQL does: an event stored through one
 * store (one process's pool) wakes a listener on another, through LISTEN/NOTIFY.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planJobs } from '../../../src/server/jobs/index';
import { openStore } from '../../../src/server/store/index';
import { type FreshDatabase, freshPostgresDatabase, postgresAvailable } from '../postgresDatabase';
import { describeJobStore } from './jobStoreSuite';
import { logSearchTests } from './logSearchSuite';

if (postgresAvailable('the PostgreSQL job storage suite')) {
  const databases: FreshDatabase[] = [];
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });
  const fresh = async () => {
    const db = await freshPostgresDatabase();
    databases.push(db);
    return db;
  };
  const factory = {
    async open() {
      const db = await fresh();
      return { store: await openStore({ db: db.url }), reopen: () => openStore({ db: db.url }) };
    },
  };
  describeJobStore('PostgreSQL', factory);
  describe('log search on PostgreSQL', () => logSearchTests(factory.open));

  // The cluster above runs under the C locale, where lower() folds ASCII only; a database whose
  // LC_CTYPE is a UTF-8 locale folds more in lower(). The search must answer the same on both.
  describe('log search on a PostgreSQL database under a UTF-8 locale (C.utf8)', () => {
    const name = `formulary_utf8_${randomBytes(5).toString('hex')}`;
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    beforeAll(() =>
      admin(
        `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.utf8' LC_CTYPE 'C.utf8'`,
      ),
    );
    afterAll(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    let n = 0;
    logSearchTests(async () => {
      n += 1;
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${name}`;
      const schema = `s${n}`;
      const bare = new pg.Client({ connectionString: url.toString() });
      await bare.connect();
      await bare.query(`CREATE SCHEMA ${schema}`);
      await bare.end();
      url.searchParams.set('options', `-c search_path=${schema}`);
      return {
        store: await openStore({ db: url.toString() }),
        reopen: () => openStore({ db: url.toString() }),
      };
    });
  });

  describe('JobStore events across connections on PostgreSQL', () => {
    it('a NOTIFY carries the event id to a listener on another store', async () => {
      const db = await fresh();
      const writer = await openStore({ db: db.url });
      const reader = await openStore({ db: db.url });
      try {
        const request = { job: { mode: 'average', scans: [{}] } };
        await writer.insertBare({
          id: 's1',
          instrument: 'eqsans',
          schemaVersion: 1,
          clientSchemaVersion: 1,
          status: 'accepted',
          proposal: null,
          submitter: null,
          idempotencyKey: 's1',
          requestText: JSON.stringify(request),
          createdAt: new Date().toISOString(),
        });
        const [job] = await writer.jobs.createJobs('s1', 'eqsans', planJobs(request));
        const heard = new Promise<number>((done) => {
          reader.jobs.onEvent((id) => id > 0 && done(id));
        });
        // The LISTEN connection opens on the first onEvent; give it a moment before writing.
        await new Promise((r) => setTimeout(r, 300));
        await writer.jobs.transition({
          jobId: job!.id,
          attempt: 1,
          state: 'queued',
          time: new Date().toISOString(),
          message: 'Queued',
          cause: 'submitted',
        });
        const id = await heard;
        const [event] = await reader.jobs.eventsSince(id - 1, {}, 10);
        expect(event).toMatchObject({ id, submissionId: 's1', kind: 'state', jobId: job!.id });
      } finally {
        await writer.close();
        await reader.close();
      }
    });
  });
} else {
  describe('JobStore on PostgreSQL', () => {
    it.skip('needs DATABASE_URL (scripts/ci/postgres.sh start)', () => {});
  });
}
