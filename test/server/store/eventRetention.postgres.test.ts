/** Snapshot and event retention on PostgreSQL: a fresh schema per test. */
import { afterAll, describe, it } from 'vitest';
import { openStore } from '../../../src/server/store/index';
import { type FreshDatabase, freshPostgresDatabase, postgresAvailable } from '../postgresDatabase';
import { describeEventRetention } from './eventRetentionSuite';

if (postgresAvailable('the PostgreSQL event retention suite')) {
  const databases: FreshDatabase[] = [];
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });
  describeEventRetention('PostgreSQL', {
    async open() {
      const db = await freshPostgresDatabase();
      databases.push(db);
      return openStore({ db: db.url });
    },
  });
} else {
  describe('event retention on PostgreSQL', () => {
    it.skip('needs DATABASE_URL (scripts/ci/postgres.sh start)', () => {});
  });
}
