/** The DefaultsStore suite on SQLite: a fresh file per test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../../src/server/store/index';
import { describeDefaultsStore } from './defaultsStoreSuite';

const dir = mkdtempSync(join(tmpdir(), 'formulary-defaults-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describeDefaultsStore('SQLite', { open: () => openStore({ db: join(dir, `defaults-${++n}.sqlite`) }) });
