/** The sign-in attempt limit against two real server processes on one SQLite file, and after their restart. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeLoginLimit } from './loginLimitSuite';

describeLoginLimit('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'formulary-login-limit-db-'));
  return {
    db: join(dir, 'formulary.sqlite'),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
