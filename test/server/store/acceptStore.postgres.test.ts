/**
 * accept()'s one-statement path on PostgreSQL: a fresh database per test on DATABASE_URL's cluster.
 * Skips loudly without DATABASE_URL, and fails instead under CI=true.
 */
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { openStore } from '../../../src/server/store/index';
import { type FreshDatabase, freshPostgresDatabase, postgresAvailable } from '../postgresDatabase';
import { describeAccept } from './acceptSuite';

if (postgresAvailable('the PostgreSQL accept suite')) {
  const databases: FreshDatabase[] = [];
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });
  describeAccept('PostgreSQL', {
    async open() {
      const db = await freshPostgresDatabase();
      databases.push(db);
      return {
        store: await openStore({ db: db.url }),
        async query(sql) {
          const client = new pg.Client({ connectionString: db.url });
          await client.connect();
          try {
            return (await client.query(sql)).rows;
          } finally {
            await client.end();
          }
        },
      };
    },
  });
} else {
  describe('accept() on PostgreSQL', () => {
    it.skip('needs DATABASE_URL (scripts/ci/postgres.sh start)', () => {});
  });
}
