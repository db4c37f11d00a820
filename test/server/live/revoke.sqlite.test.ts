/** Live sockets follow the user's rights: one server process on SQLite, `formulary users` beside it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeRevocation } from './revokeSuite';

describeRevocation(
  'SQLite',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'formulary-revoke-db-'));
    return {
      db: join(dir, 'formulary.sqlite'),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  1,
);
