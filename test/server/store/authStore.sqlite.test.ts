/** The AuthStore suite on SQLite: a fresh file per test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../../src/server/store/index';
import { describeAuthStore } from './authStoreSuite';

const dir = mkdtempSync(join(tmpdir(), 'formulary-auth-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describeAuthStore('SQLite', { open: () => openStore({ db: join(dir, `auth-${++n}.sqlite`) }) });
