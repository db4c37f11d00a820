/** The storage suite on SQLite: a fresh file per test in a temp folder (WAL needs a real file). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../../src/server/store/index';
import { describeStore } from './storeSuite';

const dir = mkdtempSync(join(tmpdir(), 'formulary-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describeStore('SQLite', {
  async open() {
    n += 1;
    const file = join(dir, `store-${n}.sqlite`);
    return { store: await openStore({ db: file }), reopen: () => openStore({ db: file }) };
  },
});
