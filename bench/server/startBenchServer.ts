/**
 * Starts `formulary serve` for the benchmark: a child process on 127.0.0.1 at a free port, with the
 * floor route on and request logging at "warn" (a log line per request would be measured too).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface BenchServer {
  readonly url: string;
  stop(): Promise<void>;
}

export function startBenchServer(root: string, db: string): Promise<BenchServer> {
  const child = spawn(
    process.execPath,
    [join(root, 'bin/formulary.js'), 'serve', '--host', '127.0.0.1', '--port', '0', '--db', db],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', FORMULARY_BENCH_FLOOR: '1' },
      stdio: ['ignore', 'inherit', 'pipe'],
    },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((done, fail) => {
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /Formulary is serving (http:\/\/[^\s/]+)\//.exec(stderr);
      if (match)
        done({
          url: match[1]!,
          async stop() {
            child.kill('SIGTERM');
            await exited;
          },
        });
    });
    void exited.then(() => fail(new Error(`the server exited before listening:\n${stderr}`)));
  });
}
