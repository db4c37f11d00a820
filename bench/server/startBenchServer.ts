/**
 * Starts `formulary serve` for the benchmark: a child process on 127.0.0.1 at a free port, with the
 * floor route on and logging at "warn" unless `--log-level` says otherwise (to measure what the
 * per-request log lines cost).
 * Its jobs run one at a time and the task is a `sleep`: every submission's jobs are planned, stored
 * and queued before its 201, as always, but no reduction runs meanwhile. Without this the demo
 * simulator ran two reductions through the whole run and took both cores (validated SQLite at 10
 * connections measured 250 req/s with it, on a quiet machine), so the table measured reductions,
 * not the intake.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A formulary.config.json whose jobs queue behind one idle task. */
function benchConfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'formulary-bench-server-'));
  const file = join(dir, 'formulary.config.json');
  writeFileSync(
    file,
    JSON.stringify({
      jobs: { maxConcurrent: 1, jobsDir: join(dir, 'jobs'), tasks: { '*': { command: ['sleep', '600'] } } },
    }),
  );
  return file;
}

/**
 * Reads a process's CPU time from /proc (Linux). On a shared machine CPU time per request depends
 * far less on the other processes than requests per second do: the table shows both.
 */
function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime), counted from the state field (3): indexes 11 and 12.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

export interface BenchServer {
  readonly url: string;
  /** CPU time the server process has used so far (user + system, ms): null where /proc is missing. */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

/**
 * Builds the `formulary` command as `npm start` runs it (vite's cli build: plain JavaScript, no tsx)
 * into a fresh folder under node_modules/.cache (its package imports resolve from there), so the bench
 * measures this checkout's code as shipped: bin/formulary.js would run a dist/cli left by an earlier
 * `npm start`, stale or not, and from source tsx adds its own per-closure work (`__name`). Returns the
 * entry script and a function that removes the folder.
 */
export function buildBenchCli(root: string): { entry: string; remove(): void } {
  const base = join(root, 'node_modules/.cache', `formulary-bench-${process.pid}-${Date.now()}`);
  // .../cli/main.js: the path the command recognises as its entry (src/cli/main.ts, isEntry).
  const outDir = join(base, 'cli');
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--mode',
      'cli',
      '--outDir',
      outDir,
      '--logLevel',
      'warn',
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return { entry: join(outDir, 'main.js'), remove: () => rmSync(base, { recursive: true, force: true }) };
}

/**
 * `entry`: the built command (buildBenchCli), or undefined to run the TypeScript source through tsx.
 * `cpuProfileDir`: the server writes a V8 CPU profile there when it stops (node --cpu-prof).
 */
export function startBenchServer(
  root: string,
  db: string,
  entry: string | undefined,
  cpuProfileDir?: string,
  logLevel = 'warn',
): Promise<BenchServer> {
  return spawnServer(
    [
      entry ?? join(root, 'bin/formulary.js'),
      'serve',
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--db',
      db,
      '--config',
      benchConfig(),
    ],
    {
      cwd: root,
      env: {
        DATABASE_URL: '',
        LOG_LEVEL: logLevel,
        FORMULARY_BENCH_FLOOR: '1',
        // From source means the source, never a dist/cli an earlier build left.
        ...(entry === undefined && { FORMULARY_CLI_FROM_SOURCE: '1' }),
      },
    },
    /Formulary is serving (http:\/\/[^\s/]+)\//,
    cpuProfileDir,
  );
}

/**
 * Starts the reference (bench/server/bareServer.ts: bare Fastify, better-sqlite3, plain ajv,
 * a key lookup) on its own SQLite file, measured by the same client in the same run.
 */
export function startBareServer(root: string, dbFile: string, cpuProfileDir?: string): Promise<BenchServer> {
  return spawnServer(
    [
      '--import',
      'tsx',
      join(root, 'bench/server/bareServer.ts'),
      dbFile,
      join(root, 'src/schemas/instruments/eqsans.schema.json'),
    ],
    { cwd: root, env: {} },
    /Bare is serving (http:\/\/[^\s/]+)\//,
    cpuProfileDir,
  );
}

function spawnServer(
  args: readonly string[],
  options: { cwd: string; env: Record<string, string> },
  listening: RegExp,
  cpuProfileDir: string | undefined,
): Promise<BenchServer> {
  const child = spawn(
    process.execPath,
    [...(cpuProfileDir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir]), ...args],
    { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'inherit', 'pipe'] },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((done, fail) => {
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = listening.exec(stderr);
      if (match)
        done({
          url: match[1]!,
          cpuMs: () => processCpuMs(child.pid!),
          async stop() {
            child.kill('SIGTERM');
            await exited;
          },
        });
    });
    void exited.then(() => fail(new Error(`the server exited before listening:\n${stderr}`)));
  });
}
