/** The LoginAttemptStore suite on PostgreSQL: a fresh schema per test (skips loudly without DATABASE_URL; fails under CI). */
import { afterAll, describe, it } from 'vitest';
import { type FreshDatabase, freshPostgresDatabase, postgresAvailable } from '../postgresDatabase';
import { describeLoginAttempts } from './loginAttemptSuite';

if (postgresAvailable('the PostgreSQL LoginAttemptStore suite')) {
  const databases: FreshDatabase[] = [];
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });
  describeLoginAttempts('PostgreSQL', {
    async fresh() {
      const db = await freshPostgresDatabase();
      databases.push(db);
      return db.url;
    },
  });
} else {
  describe('LoginAttemptStore on PostgreSQL', () => {
    it.skip('needs DATABASE_URL (scripts/ci/postgres.sh start)', () => {});
  });
}
