/** The permission matrix against a real server process on a SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describePermissions } from './permissionsSuite';

describePermissions('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'formulary-perm-db-'));
  return {
    db: join(dir, 'formulary.sqlite'),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
