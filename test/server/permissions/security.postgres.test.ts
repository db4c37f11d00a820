/** The security cases against a real server process on PostgreSQL (skips loudly without DATABASE_URL; fails under CI). */
import { describe, it } from 'vitest';
import { freshPostgresDatabase, postgresAvailable } from '../postgresDatabase';
import { describeSecurity } from './securitySuite';

if (postgresAvailable('the PostgreSQL security cases')) {
  describeSecurity('PostgreSQL', async () => {
    const fresh = await freshPostgresDatabase();
    return { db: fresh.url, drop: fresh.drop };
  });
} else {
  describe('security on PostgreSQL', () => {
    it.skip('needs DATABASE_URL (scripts/ci/postgres.sh start)', () => {});
  });
}
