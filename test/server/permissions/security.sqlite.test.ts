/** The security cases against a real server process on a SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeSecurity } from './securitySuite';

describeSecurity('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'formulary-sec-db-'));
  return {
    db: join(dir, 'formulary.sqlite'),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
