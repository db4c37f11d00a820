/** The API suite against a real server process on a SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeApi } from './apiSuite';

describeApi('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'formulary-api-'));
  return {
    db: join(dir, 'formulary.sqlite'),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
