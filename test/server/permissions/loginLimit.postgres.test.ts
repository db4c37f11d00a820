/** The sign-in attempt limit against two real server processes on one PostgreSQL database (skips loudly without DATABASE_URL; fails under CI). */
import { describe, it } from 'vitest';
import { freshPostgresDatabase, postgresAvailable } from '../postgresDatabase';
import { describeLoginLimit } from './loginLimitSuite';

if (postgresAvailable('the PostgreSQL sign-in attempt limit')) {
  describeLoginLimit('PostgreSQL', async () => {
    const fresh = await freshPostgresDatabase();
    return { db: fresh.url, drop: fresh.drop };
  });
} else {
  describe('the sign-in attempt limit on PostgreSQL', () => {
    it.skip('needs DATABASE_URL (scripts/ci/postgres.sh start)', () => {});
  });
}
