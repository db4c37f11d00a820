/** The API suite against a real server process on PostgreSQL (skips loudly without DATABASE_URL; fails under CI). */
import { describe, it } from 'vitest';
import { freshPostgresDatabase, postgresAvailable } from '../postgresDatabase';
import { describeApi } from './apiSuite';

if (postgresAvailable('the PostgreSQL API suite')) {
  describeApi('PostgreSQL', async () => {
    const fresh = await freshPostgresDatabase();
    return { db: fresh.url, drop: fresh.drop };
  });
} else {
  describe('submission API on PostgreSQL', () => {
    it.skip('needs DATABASE_URL (scripts/ci/postgres.sh start)', () => {});
  });
}
