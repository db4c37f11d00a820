/**
 * Runs `node bin/formulary.js ...` as a real child process, in a chosen working directory, and returns
 * its exit code and output (or runs main() in-process for speed): the CLI tests check what a user or a
 * CI job sees.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(repoRoot, 'bin/formulary.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI as a real child process, `node bin/formulary.js ...`, in `cwd` (default: the repository). */
export function spawnCli(args: readonly string[], cwd = repoRoot, env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    // The source under test, even where an older `npm run build` left dist/cli behind.
    env: { ...process.env, FORMULARY_CLI_FROM_SOURCE: '1', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the same main() in this process (no tsx start-up per call, which costs seconds on a busy
 * machine); the real-process path is covered by the spawnCli tests.
 */
export async function runCli(args: readonly string[], cwd = repoRoot): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
    cwd,
  });
  return { code, stdout, stderr };
}

/** A fresh temporary directory holding `files` (path -> JSON value or text). */
export function tempProject(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'formulary-cli-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(
      join(dir, path),
      typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`,
    );
  }
  return dir;
}
