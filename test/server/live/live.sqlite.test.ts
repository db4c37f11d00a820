/** Live events with one server process on SQLite. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeLive } from './liveSuite';

describeLive(
  'SQLite',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'formulary-live-db-'));
    return {
      db: join(dir, 'formulary.sqlite'),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  1,
);
