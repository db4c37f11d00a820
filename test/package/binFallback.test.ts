/**
 * bin/formulary.js outside an installed package: a checkout with neither dist/cli nor tsx (no build,
 * no `npm ci`) must say which command fixes it, not Node's "Cannot find package 'tsx'"; a folder with
 * neither the build nor the source says the copy is incomplete. Real processes, in a temp folder.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runProcess } from './runProcess';

const dir = mkdtempSync(join(tmpdir(), 'formulary-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function copyBin(root: string): string {
  mkdirSync(join(root, 'bin'), { recursive: true });
  cpSync(resolve('bin/formulary.js'), join(root, 'bin/formulary.js'));
  writeFileSync(join(root, 'package.json'), '{"type":"module"}');
  return join(root, 'bin/formulary.js');
}

describe('bin/formulary.js without a build', () => {
  test('a checkout without tsx: a clear error naming npm ci and build:cli, exit 1', async () => {
    const root = join(dir, 'checkout');
    const bin = copyBin(root);
    mkdirSync(join(root, 'src/cli'), { recursive: true });
    writeFileSync(join(root, 'src/cli/main.ts'), 'export {};\n');
    const result = await runProcess('node', [bin, 'lint', '--help'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/the command is not built .*dist\/cli\/main\.js is missing/);
    expect(result.stderr).toMatch(/npm ci.*npm run build:cli/);
    expect(result.stderr).not.toMatch(/Cannot find package/);
  });

  test('neither build nor source: the copy is incomplete, exit 1', async () => {
    const bin = copyBin(join(dir, 'incomplete'));
    const result = await runProcess('node', [bin, 'lint'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/dist\/cli\/main\.js is missing; this copy of the package is incomplete/);
  });
});
