/** The DefaultsStore suite on PostgreSQL: a fresh schema per test (skips loudly without DATABASE_URL; fails under CI). */
import { afterAll, describe, it } from 'vitest';
import { openStore } from '../../../src/server/store/index';
import { type FreshDatabase, freshPostgresDatabase, postgresAvailable } from '../postgresDatabase';
import { describeDefaultsStore } from './defaultsStoreSuite';

if (postgresAvailable('the PostgreSQL DefaultsStore suite')) {
  const databases: FreshDatabase[] = [];
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });
  describeDefaultsStore('PostgreSQL', {
    async open() {
      const db = await freshPostgresDatabase();
      databases.push(db);
      return openStore({ db: db.url });
    },
  });
} else {
  describe('DefaultsStore on PostgreSQL', () => {
    it.skip('needs DATABASE_URL (scripts/ci/postgres.sh start)', () => {});
  });
}
