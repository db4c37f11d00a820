/** The job storage suite on SQLite: a fresh file per test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { openStore } from '../../../src/server/store/index';
import { describeJobStore } from './jobStoreSuite';
import { logSearchTests } from './logSearchSuite';

const dir = mkdtempSync(join(tmpdir(), 'formulary-jobstore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const factory = {
  async open() {
    n += 1;
    const file = join(dir, `jobs-${n}.sqlite`);
    return { store: await openStore({ db: file }), reopen: () => openStore({ db: file }) };
  },
};
describeJobStore('SQLite', factory);
describe('log search on SQLite', () => logSearchTests(factory.open));
