/** The LoginAttemptStore suite on SQLite: a fresh file per test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeLoginAttempts } from './loginAttemptSuite';

const dir = mkdtempSync(join(tmpdir(), 'formulary-login-attempts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describeLoginAttempts('SQLite', { fresh: async () => join(dir, `attempts-${++n}.sqlite`) });
