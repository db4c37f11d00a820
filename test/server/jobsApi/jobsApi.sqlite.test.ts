/** The jobs API suite on SQLite: a fresh database file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeJobsApi } from './jobsApiSuite';

describeJobsApi('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'formulary-jobs-db-'));
  return {
    db: join(dir, 'formulary.sqlite'),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
