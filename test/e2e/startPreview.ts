/**
 * Starts `formulary preview` as a real process (node bin/formulary.js, the source under test) in a
 * folder, waits for the URL it prints, and stops it by its pid. Builds dist/preview first when it is
 * missing, as `npm run test:e2e` does.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');

export interface RunningPreview {
  readonly url: string;
  /** Everything the command wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Builds the preview page once per run when dist/preview has no index.html. */
export function ensurePreviewPageBuilt(): void {
  if (existsSync(join(repoRoot, 'dist/preview/index.html'))) return;
  const built = spawnSync('npm', ['run', 'build:preview'], { cwd: repoRoot, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build:preview failed:\n${built.stdout}${built.stderr}`);
}

/**
 * Runs `formulary preview ...args --port 0` in `cwd`; resolves with its URL once it listens. By
 * default the repository's source; `bin` and `env` run another copy (an installed package's).
 */
export function startPreview(
  args: readonly string[],
  cwd: string,
  options: { bin?: string; env?: NodeJS.ProcessEnv } = {},
) {
  const bin = options.bin ?? join(repoRoot, 'bin/formulary.js');
  const child: ChildProcess = spawn(process.execPath, [bin, 'preview', ...args, '--port', '0'], {
    cwd,
    env: options.env ?? { ...process.env, FORMULARY_CLI_FROM_SOURCE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  return new Promise<RunningPreview>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`formulary preview printed no URL in 60 s:\n${err}`)),
      60_000,
    );
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
      const match = / at (http:\/\/127\.0\.0\.1:\d+)\//.exec(err);
      if (match) {
        clearTimeout(timer);
        done({
          url: match[1]!,
          stderr: () => err,
          stop: () =>
            new Promise<void>((stopped) => {
              if (child.exitCode !== null) return stopped();
              child.once('exit', () => stopped());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`formulary preview exited (${code}) before listening:\n${err}`));
    });
  });
}
