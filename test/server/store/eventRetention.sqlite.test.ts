/** Snapshot and event retention on SQLite: a fresh file per test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../../src/server/store/index';
import { describeEventRetention } from './eventRetentionSuite';

const dir = mkdtempSync(join(tmpdir(), 'formulary-retention-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describeEventRetention('SQLite', {
  open: () => openStore({ db: join(dir, `events-${++n}.sqlite`) }),
});
