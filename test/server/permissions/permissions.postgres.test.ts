/** The permission matrix against a real server process on PostgreSQL (skips loudly without DATABASE_URL; fails under CI). */
import { describe, it } from 'vitest';
import { freshPostgresDatabase, postgresAvailable } from '../postgresDatabase';
import { describePermissions } from './permissionsSuite';

if (postgresAvailable('the PostgreSQL permission matrix')) {
  describePermissions('PostgreSQL', async () => {
    const fresh = await freshPostgresDatabase();
    return { db: fresh.url, drop: fresh.drop };
  });
} else {
  describe('permissions on PostgreSQL', () => {
    it.skip('needs DATABASE_URL (scripts/ci/postgres.sh start)', () => {});
  });
}
