/**
 * `npm run bench:jobs` with a mistyped flag stops before any work with one line naming the flag and
 * what it accepts. Real processes.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

describe('bench:jobs flags', () => {
  test.each([
    [['--line', '10'], 'bench:jobs: --line: unknown flag; known: --lines, --runs, --json'],
    [['--runs', 'many'], 'bench:jobs: --runs: "many" is not a positive whole number'],
    [['--lines'], 'bench:jobs: --lines needs a value'],
  ])('%j', (args, message) => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/jobs/run.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(message);
  });
});
