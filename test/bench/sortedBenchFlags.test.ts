/**
 * `npm run bench:sorted` with a mistyped flag must stop before any work with one line naming the flag
 * and what it accepts (a typo once crashed inside a worker with "reading 'build'"). Real processes.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function runBench(args: string[]): { status: number; stderr: string } {
  try {
    execFileSync(process.execPath, ['--import', 'tsx', 'bench/sorted/run.ts', ...args], {
      cwd: root,
      stdio: 'pipe',
      timeout: 30_000,
    });
    return { status: 0, stderr: '' };
  } catch (error) {
    const failed = error as { status: number; stderr: Buffer };
    return { status: failed.status, stderr: failed.stderr.toString() };
  }
}

describe('bench:sorted flags', () => {
  test.each([
    [['--libs', 'formulary,array'], /--libs: unknown "array"; known: .*"sorted array"/],
    [['--ops', 'contain'], /--ops: unknown "contain"; known: .*"contains"/],
    [['--sizes', '1e3,abc'], /--sizes: "abc" is not a positive whole number/],
    [['--processes', '0'], /--processes must be a positive integer/],
  ])(
    '%j stops with a usage error',
    (args, message) => {
      const { status, stderr } = runBench(args);
      expect(status).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/at .*\.ts:\d+/);
    },
    40_000,
  );
});
