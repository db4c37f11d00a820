/**
 * The storage suite on PostgreSQL: a fresh database per test on DATABASE_URL's cluster. Skips loudly
 * without DATABASE_URL, and fails instead under CI=true.
 */
import { afterAll, describe, it } from 'vitest';
import { openStore } from '../../../src/server/store/index';
import { type FreshDatabase, freshPostgresDatabase, postgresAvailable } from '../postgresDatabase';
import { describeStore } from './storeSuite';

if (postgresAvailable('the PostgreSQL storage suite')) {
  const databases: FreshDatabase[] = [];
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });
  describeStore('PostgreSQL', {
    async open() {
      const db = await freshPostgresDatabase();
      databases.push(db);
      return { store: await openStore({ db: db.url }), reopen: () => openStore({ db: db.url }) };
    },
  });
} else {
  describe('SubmissionStore on PostgreSQL', () => {
    it.skip('needs DATABASE_URL (scripts/ci/postgres.sh start)', () => {});
  });
}
