/** Kill and graceful-stop behaviour on a SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeLifecycle } from './lifecycleSuite';

describeLifecycle('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'formulary-lifecycle-'));
  const file = join(dir, 'formulary.sqlite');
  return { db: file, sqliteFile: file, drop: async () => rmSync(dir, { recursive: true, force: true }) };
});
