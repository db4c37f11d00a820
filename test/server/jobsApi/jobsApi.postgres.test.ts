/** The jobs API suite on PostgreSQL: a fresh schema on DATABASE_URL's cluster. */
import { describe, it } from 'vitest';
import { freshPostgresDatabase, postgresAvailable } from '../postgresDatabase';
import { describeJobsApi } from './jobsApiSuite';

if (postgresAvailable('the PostgreSQL jobs API suite')) {
  describeJobsApi('PostgreSQL', async () => {
    const db = await freshPostgresDatabase();
    return { db: db.url, drop: db.drop };
  });
} else {
  describe('jobs API on PostgreSQL', () => {
    it.skip('needs DATABASE_URL (scripts/ci/postgres.sh start)', () => {});
  });
}
