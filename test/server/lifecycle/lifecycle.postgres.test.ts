/** Kill and graceful-stop behaviour on PostgreSQL (skips loudly without DATABASE_URL; fails under CI). */
import { describe, it } from 'vitest';
import { freshPostgresDatabase, postgresAvailable } from '../postgresDatabase';
import { describeLifecycle } from './lifecycleSuite';

if (postgresAvailable('the PostgreSQL lifecycle suite')) {
  describeLifecycle('PostgreSQL', async () => {
    const fresh = await freshPostgresDatabase();
    return { db: fresh.url, drop: fresh.drop };
  });
} else {
  describe('server lifecycle on PostgreSQL', () => {
    it.skip('needs DATABASE_URL (scripts/ci/postgres.sh start)', () => {});
  });
}
