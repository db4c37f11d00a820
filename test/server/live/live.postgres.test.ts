/**
 * Live events across two server processes on one PostgreSQL: the job runs in the process that got
 * the submission, the WebSocket and SSE clients are connected to the other one (LISTEN/NOTIFY).
 */
import { describe, it } from 'vitest';
import { freshPostgresDatabase, postgresAvailable } from '../postgresDatabase';
import { describeLive } from './liveSuite';

if (postgresAvailable('the PostgreSQL live suite')) {
  describeLive('PostgreSQL', () => freshPostgresDatabase().then((db) => ({ db: db.url, drop: db.drop })), 2);
} else {
  describe('live events on PostgreSQL', () => {
    it.skip('needs DATABASE_URL (scripts/ci/postgres.sh start)', () => {});
  });
}
