/**
 * `npm run bench:sorted` and `bench:forms` with a mistyped flag must stop before any work with one line
 * naming the flag and what it accepts (a typo once crashed each sorted worker with "reading 'build'",
 * and a forms run printed a table of dashes). Real processes.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function runBench(script: string, args: string[]): { status: number; stderr: string } {
  try {
    execFileSync(process.execPath, ['--import', 'tsx', script, ...args], {
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
      const { status, stderr } = runBench('bench/sorted/run.ts', args);
      expect(status).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/at .*\.ts:\d+/);
    },
    40_000,
  );
});

describe('bench:forms flags', () => {
  test.each([
    [['--schemas', 'biosan'], /--schemas: unknown biosan; known: gen-<fields> .*biosans/],
    [['--schemas', 'gen-0'], /--schemas: unknown gen-0/],
    [['--engines', 'formulry'], /--engines: unknown formulry; known: formulary, rjsf, rjsf-live, rhf/],
    [['--runs', 'x'], /--runs: "x" is not a positive whole number/],
  ])(
    '%j stops with a usage error before building',
    (args, message) => {
      const { status, stderr } = runBench('bench/forms/run.ts', [...args, '--no-build']);
      expect(status).toBe(2);
      expect(stderr).toMatch(message);
    },
    40_000,
  );
});
