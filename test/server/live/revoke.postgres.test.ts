/**
 * Live sockets follow the user's rights across two server processes on one PostgreSQL: the change is
 * made through one (a sign-out) or beside both (`formulary users`), the socket is held by the other.
 */
import { describe, it } from 'vitest';
import { freshPostgresDatabase, postgresAvailable } from '../postgresDatabase';
import { describeRevocation } from './revokeSuite';

if (postgresAvailable('the PostgreSQL revocation suite')) {
  describeRevocation(
    'PostgreSQL',
    () => freshPostgresDatabase().then((db) => ({ db: db.url, drop: db.drop })),
    2,
  );
} else {
  describe('live sockets follow rights on PostgreSQL', () => {
    it.skip('needs DATABASE_URL (scripts/ci/postgres.sh start)', () => {});
  });
}
