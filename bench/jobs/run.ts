/**
 * `npm run bench:jobs`: what the local runner costs against plain child_process in the same run.
 * (1) log throughput: a task prints --lines lines as fast as it can; the runner splits, numbers,
 * caps and batches them into a recorder, the peer only counts lines with readline. (2) per-job
 * overhead: --runs no-op tasks one after another, queued→final acknowledged against spawn→close.
 * (3) the memory watch: a walk of the task's descendants against a scan of every process on the host. Prints a table; `--json FILE` writes the rows.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  type JobRecorder,
  LocalDispatcher,
  parseJobsConfig,
  treeMemoryBytes,
} from '../../src/server/jobs/index';
import { pairFlags } from '../pairFlags';
import { quantile } from '../quantile';

const here = dirname(fileURLToPath(import.meta.url));
const { fail, option, whole } = pairFlags('bench:jobs', ['--lines', '--runs', '--json']);
const lines = whole('--lines', 200_000);
const runs = whole('--runs', 20);
const jsonFile = option('--json');

/** A recorder that only counts, so the runner's own cost is what is measured. */
function countingRecorder() {
  const counts = { lines: 0, batches: 0, transitions: 0 };
  const recorder: JobRecorder = {
    async transition() {
      counts.transitions++;
    },
    async appendLog(_jobId, _attempt, batch) {
      counts.lines += batch.length;
      counts.batches++;
    },
  };
  return { counts, recorder };
}

function dispatcherFor(command: string[], recorder: JobRecorder) {
  const config = parseJobsConfig(
    {
      maxConcurrent: 1,
      logLimitBytes: 1024 * 1024 * 1024,
      jobsDir: mkdtempSync(join(tmpdir(), 'formulary-bench-jobs-')),
      tasks: { bench: { command } },
    },
    here,
  );
  return new LocalDispatcher({ config, recorder, runnerId: 'bench' });
}

let jobNumber = 0;
async function viaRunner(dispatcher: LocalDispatcher): Promise<number> {
  const start = performance.now();
  await dispatcher.enqueue({
    jobId: `bench-${++jobNumber}`,
    attempt: 1,
    submissionId: 'bench',
    instrument: 'bench',
    scanIndex: null,
    request: {},
    cause: 'submitted',
  });
  await dispatcher.idle();
  return performance.now() - start;
}

function viaSpawn(command: string[], countLines: boolean): Promise<{ ms: number; lines: number }> {
  const start = performance.now();
  return new Promise((resolve) => {
    // The runner's environment, not ours: under tsx, NODE_OPTIONS would make every peer child load tsx.
    const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: taskEnv });
    let counted = 0;
    if (countLines) {
      createInterface({ input: child.stdout }).on('line', () => counted++);
      createInterface({ input: child.stderr }).on('line', () => counted++);
    } else {
      child.stdout.resume();
      child.stderr.resume();
    }
    child.on('close', () => resolve({ ms: performance.now() - start, lines: counted }));
  });
}

const taskEnv: Record<string, string> = {};
for (const name of ['PATH', 'HOME', 'LANG', 'TZ'])
  if (process.env[name] !== undefined) taskEnv[name] = process.env[name];

const printer = [process.execPath, join(here, 'printLines.mjs'), String(lines)];
const noop = [process.execPath, '-e', ''];

// (1) Log throughput, best of 3 each, alternating.
const throughput = {
  runnerMs: Number.POSITIVE_INFINITY,
  spawnMs: Number.POSITIVE_INFINITY,
  stored: 0,
  batches: 0,
};
for (let round = 0; round < 3; round++) {
  const { counts, recorder } = countingRecorder();
  const ms = await viaRunner(dispatcherFor(printer, recorder));
  throughput.runnerMs = Math.min(throughput.runnerMs, ms);
  throughput.stored = counts.lines;
  throughput.batches = counts.batches;
  const peer = await viaSpawn(printer, true);
  if (peer.lines !== lines) fail(`the peer read ${peer.lines} lines, expected ${lines}`);
  throughput.spawnMs = Math.min(throughput.spawnMs, peer.ms);
}
const runnerLines = throughput.stored - 2; // its own start and end lines
if (runnerLines !== lines) fail(`the runner stored ${runnerLines} task lines, expected ${lines}`);

// (2) Per-job overhead of no-op tasks.
const runnerTimes: number[] = [];
const spawnTimes: number[] = [];
{
  const { recorder } = countingRecorder();
  const dispatcher = dispatcherFor(noop, recorder);
  await viaRunner(dispatcher);
  await viaSpawn(noop, false);
  for (let i = 0; i < runs; i++) {
    runnerTimes.push(await viaRunner(dispatcher));
    spawnTimes.push((await viaSpawn(noop, false)).ms);
  }
}

// (3) One memory-watch reading: the walk through `children` files against the full /proc scan.
const processes = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).length;
const walkTimes: number[] = [];
const scanTimes: number[] = [];
for (let i = 0; i < 50; i++) {
  let t = performance.now();
  treeMemoryBytes(process.pid, false);
  walkTimes.push(performance.now() - t);
  t = performance.now();
  treeMemoryBytes(process.pid, true);
  scanTimes.push(performance.now() - t);
}
// The watch walks 7 readings of 8 and scans the host on the 8th.
const perReading = (7 * quantile(walkTimes, 0.5) + quantile(scanTimes, 0.5)) / 8;

const rows = [
  {
    measure: `log: ${lines.toLocaleString('en')} lines`,
    runner: `${Math.round(lines / (throughput.runnerMs / 1000)).toLocaleString('en')} lines/s`,
    peer: `${Math.round(lines / (throughput.spawnMs / 1000)).toLocaleString('en')} lines/s`,
    ratio: throughput.spawnMs / throughput.runnerMs,
    note: `${throughput.batches} batches (${(lines / throughput.batches).toFixed(0)} lines each)`,
  },
  {
    measure: `no-op job p50 (${runs} runs)`,
    runner: `${quantile(runnerTimes, 0.5).toFixed(1)} ms`,
    peer: `${quantile(spawnTimes, 0.5).toFixed(1)} ms`,
    ratio: quantile(spawnTimes, 0.5) / quantile(runnerTimes, 0.5),
    note: 'queued → final acknowledged vs spawn → close',
  },
  {
    measure: `no-op job p99 (${runs} runs)`,
    runner: `${quantile(runnerTimes, 0.99).toFixed(1)} ms`,
    peer: `${quantile(spawnTimes, 0.99).toFixed(1)} ms`,
    ratio: quantile(spawnTimes, 0.99) / quantile(runnerTimes, 0.99),
    note: '',
  },
  {
    measure: 'memory watch: one reading',
    runner: `${quantile(walkTimes, 0.5).toFixed(2)} ms`,
    peer: `${quantile(scanTimes, 0.5).toFixed(2)} ms`,
    ratio: quantile(scanTimes, 0.5) / quantile(walkTimes, 0.5),
    note: `children walk vs full scan of ${processes} processes; mixed 7:1, ${((perReading / 250) * 100).toFixed(2)} % of a core per job at 250 ms`,
  },
];

console.log('| measure | runner | plain spawn | peer/runner | note |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) {
  const ratio = Number.isNaN(r.ratio) ? '' : `${r.ratio.toFixed(2)}×`;
  console.log(`| ${r.measure} | ${r.runner} | ${r.peer} | ${ratio} | ${r.note} |`);
}
if (jsonFile !== undefined) {
  const raw = {
    lines,
    runs,
    throughput,
    runnerJobMs: { p50: quantile(runnerTimes, 0.5), p99: quantile(runnerTimes, 0.99) },
    spawnJobMs: { p50: quantile(spawnTimes, 0.5), p99: quantile(spawnTimes, 0.99) },
    memoryWalkMs: quantile(walkTimes, 0.5),
    memoryScanMs: quantile(scanTimes, 0.5),
    processes,
  };
  writeFileSync(jsonFile, `${JSON.stringify({ rows, raw }, null, 2)}\n`);
}
