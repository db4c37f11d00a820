/**
 * `npm run bench:dispatch`: the `stomp` dispatcher through a real ActiveMQ to 1, 2 and 4 real
 * `formulary worker` processes, against the local dispatcher with as many slots, in the same run, with
 * a no-op task (/bin/true). (1) throughput: --jobs attempts enqueued at once, first enqueue to last final
 * state; (2) submit-to-started latency with idle workers, one job at a time (--runs), local and broker
 * taking turns; the dispatch overhead per job is broker minus local per pair (a process start varies
 * by tens of ms on a loaded machine, more than the broker's hops, so unpaired quantiles say little).
 * A third turn measures the broker's own round trip (bench/dispatch/brokerRoundTrip.ts), the floor the
 * overhead is reported against.
 * Uses $FORMULARY_STOMP_URL, else starts a broker with scripts/ci/activemq.sh and stops it after.
 * Prints a table; `--json FILE` writes the rows. `--trace FILE` has the server, the workers and the
 * benchmark write every STOMP frame and mark to FILE and prints each hop of the one-at-a-time jobs.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type AttemptLookup,
  type AttemptView,
  type Dispatcher,
  type DispatchLedger,
  FINAL_STATES,
  type JobAttempt,
  type JobRecorder,
  type JobsConfig,
  LocalDispatcher,
  parseJobsConfig,
  StompDispatcher,
  traceLine,
} from '../../src/server/jobs/index';
import { pairFlags } from '../pairFlags';
import { quantile } from '../quantile';
import { BrokerRoundTrip } from './brokerRoundTrip';
import { HOP_NAMES, type JobHops, traceHops } from './traceHops';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const { fail, option, whole } = pairFlags('bench:dispatch', [
  '--jobs',
  '--runs',
  '--json',
  '--workers',
  '--trace',
]);
const jobs = whole('--jobs', 200);
// 500: the p99 of one-at-a-time jobs is then a 99th percentile, not the largest of a hundred.
const runs = whole('--runs', 500);
const jsonFile = option('--json');
const traceFile = option('--trace');
if (traceFile !== undefined) {
  // Read by each StompLink when it is made, here and in the workers (they inherit the environment).
  rmSync(traceFile, { force: true });
  process.env.FORMULARY_STOMP_TRACE = traceFile;
}
const mark = (what: string, jobId: string) => {
  if (traceFile !== undefined) traceLine(traceFile, `BENCH ${what} ${jobId}`);
};
const workerCounts = (option('--workers') ?? '1,2,4').split(',').map((n) => {
  const value = Number(n);
  if (!Number.isInteger(value) || value < 1 || value > 16)
    fail(`--workers: "${n}" is not a count from 1 to 16`);
  return value;
});

/**
 * An in-memory store: the recorder both dispatchers report to, the lookup the broker one reads. The
 * benchmark's jobs carry no `maxParallelJobs` or `continueOnFailure`; its instrument sets
 * `concurrency` (= slots), so the ledger counts the jobs out, as the database one does.
 */
class BenchStore implements JobRecorder, AttemptLookup, DispatchLedger {
  readonly latestOf = new Map<string, AttemptView>();
  readonly startedAt = new Map<string, number>();
  /** Jobs handed to the broker or running, not final yet (one instrument only). */
  private readonly out = new Set<string>();
  private readonly waiters = new Map<string, () => void>();

  async transition(change: Parameters<JobRecorder['transition']>[0]): Promise<void> {
    const previous = this.latestOf.get(change.jobId);
    this.latestOf.set(change.jobId, {
      attempt: change.attempt,
      state: change.state,
      runnerId: change.runnerId ?? (change.state === 'queued' ? null : (previous?.runnerId ?? null)),
      lastSeq: change.state === 'queued' ? 0 : (previous?.lastSeq ?? 0),
    });
    if (change.state === 'running') {
      this.startedAt.set(change.jobId, performance.now());
      mark('running', change.jobId);
      this.out.add(change.jobId);
    }
    if (FINAL_STATES.has(change.state)) {
      this.out.delete(change.jobId);
      this.waiters.get(change.jobId)?.();
      this.waiters.delete(change.jobId);
    }
  }

  async appendLog(jobId: string, _attempt: number, lines: readonly { seq: number }[]): Promise<void> {
    const view = this.latestOf.get(jobId);
    if (view)
      this.latestOf.set(jobId, { ...view, lastSeq: Math.max(view.lastSeq, ...lines.map((l) => l.seq)) });
  }

  async latest(jobId: string): Promise<AttemptView | undefined> {
    return this.latestOf.get(jobId);
  }

  async markDispatched(jobId: string): Promise<void> {
    const view = this.latestOf.get(jobId);
    if (view !== undefined && !FINAL_STATES.has(view.state)) this.out.add(jobId);
  }
  async outstandingOfInstrument(): Promise<readonly string[]> {
    return [...this.out];
  }
  async outstanding(): Promise<readonly string[]> {
    return [];
  }
  async policyOf(): Promise<undefined> {
    return undefined;
  }
  async queuedOf(): Promise<readonly { jobId: string; attempt: number }[]> {
    return [];
  }

  finished(jobId: string): Promise<void> {
    const view = this.latestOf.get(jobId);
    if (view && FINAL_STATES.has(view.state)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.set(jobId, resolve));
  }
}

let brokerDir: string | undefined;
let url = process.env.FORMULARY_STOMP_URL;
if (!url) {
  const env = execFileSync(join(root, 'scripts/ci/activemq.sh'), ['start'], { encoding: 'utf8' });
  brokerDir = /FORMULARY_ACTIVEMQ_DIR='([^']+)'/.exec(env)![1]!;
  url = /FORMULARY_STOMP_URL='([^']+)'/.exec(env)![1]!;
}
const prefix = `bench${Date.now().toString(36)}`;
const dir = mkdtempSync(join(tmpdir(), 'formulary-bench-dispatch-'));
const configFile = join(dir, 'formulary.config.json');
const jobsSection = (slots: number) => ({
  dispatcher: 'stomp',
  maxConcurrent: slots,
  jobsDir: join(dir, 'jobs'),
  tasks: { bench: { command: ['/bin/true'], concurrency: slots, timeLimitSeconds: 60 } },
  broker: {
    url,
    jobQueue: `/queue/${prefix}.jobs.{instrument}`,
    statusQueue: `/queue/${prefix}.status`,
    controlTopic: `/topic/${prefix}.control`,
    invalidQueue: `/queue/${prefix}.invalid`,
    reconnectDelayMs: 100,
    maxReconnectDelayMs: 1000,
  },
});
writeFileSync(configFile, JSON.stringify({ jobs: jobsSection(1) }));

let serial = 0;
const attemptOf = (tag: string): JobAttempt => ({
  jobId: `${tag}-${++serial}`,
  attempt: 1,
  submissionId: `s-${serial}`,
  instrument: 'bench',
  scanIndex: null,
  request: { iptsNumber: 1, run: serial },
  cause: 'submitted',
});

interface Measured {
  jobsPerSecond: number;
  startedP50: number;
  startedP99: number;
}

/** One job through a dispatcher on idle slots: its id, and enqueue to `running` recorded in ms. */
async function startLatency(
  dispatcher: Dispatcher,
  store: BenchStore,
  tag: string,
): Promise<{ jobId: string; ms: number }> {
  const a = attemptOf(`${tag}-seq`);
  mark('enqueue', a.jobId);
  const t0 = performance.now();
  await dispatcher.enqueue(a);
  await store.finished(a.jobId);
  return { jobId: a.jobId, ms: store.startedAt.get(a.jobId)! - t0 };
}

/** Warm-up, then the throughput of a burst through a dispatcher. */
async function burst(dispatcher: Dispatcher, store: BenchStore, tag: string): Promise<number> {
  // Warm-up: the first jobs pay for JIT, connections and folders.
  for (let i = 0; i < 5; i++) await startLatency(dispatcher, store, `${tag}-warm`);
  const line = Array.from({ length: jobs }, () => attemptOf(tag));
  const start = performance.now();
  for (const a of line) await dispatcher.enqueue(a);
  await Promise.all(line.map((a) => store.finished(a.jobId)));
  return jobs / ((performance.now() - start) / 1000);
}

interface Side {
  readonly dispatcher: Dispatcher;
  readonly store: BenchStore;
  readonly tag: string;
}

/**
 * One job at a time, local and broker taking turns, then the broker's own round trip, so all three
 * meet the same moments of a shared machine's load; the overhead is taken per pair (broker minus
 * local), then its quantiles.
 */
async function pairedLatency(local: Side, broker: Side, roundTrip: BrokerRoundTrip) {
  const l: number[] = [];
  const b: number[] = [];
  const d: number[] = [];
  const r: number[] = [];
  const pairs: Pair[] = [];
  for (let i = 0; i < runs; i++) {
    const x = await startLatency(local.dispatcher, local.store, local.tag);
    const y = await startLatency(broker.dispatcher, broker.store, broker.tag);
    r.push(await roundTrip.once());
    l.push(x.ms);
    b.push(y.ms);
    d.push(y.ms - x.ms);
    pairs.push({ local: x.jobId, broker: y.jobId, localMs: x.ms, overhead: y.ms - x.ms });
  }
  return { local: l, broker: b, overhead: d, roundTrip: r, pairs };
}

interface Pair {
  readonly local: string;
  readonly broker: string;
  readonly localMs: number;
  readonly overhead: number;
}

function startWorker(name: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      join(root, 'bin/formulary.js'),
      'worker',
      '--config',
      configFile,
      '--name',
      name,
      '--instrument',
      'bench',
    ],
    {
      cwd: root,
      env: { ...process.env, FORMULARY_CLI_FROM_SOURCE: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let output = '';
  return new Promise((done, failed) => {
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (/connected to/.test(output)) done(child);
    });
    child.once('exit', (code) => failed(new Error(`worker ${name} exited (${code}): ${output}`)));
  });
}

function stopWorker(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

const rows: {
  workers: number;
  local: Measured;
  broker: Measured;
  /** Per pair of one-at-a-time jobs, broker minus local, ms. */
  overheadP50: number;
  overheadP99: number;
  /** The broker's own round trip (two traversals, no Formulary code), ms. */
  roundTripP50: number;
  roundTripP99: number;
}[] = [];
const pairsOf = new Map<number, readonly Pair[]>();
const loadAtStart = loadavg();
try {
  for (const n of workerCounts) {
    const localStore = new BenchStore();
    const localConfig: JobsConfig = parseJobsConfig({ ...jobsSection(n), dispatcher: 'local' }, dir);
    const local = new LocalDispatcher({ config: localConfig, recorder: localStore, runnerId: 'bench' });

    const brokerStore = new BenchStore();
    const brokerConfig: JobsConfig = parseJobsConfig(jobsSection(n), dir);
    const workers = await Promise.all(Array.from({ length: n }, (_, i) => startWorker(`bench-w${i + 1}`)));
    const stomp = new StompDispatcher({
      config: brokerConfig,
      recorder: brokerStore,
      lookup: brokerStore,
      ledger: brokerStore,
      onError: (error, what) => process.stderr.write(`bench:dispatch: ${what}: ${String(error)}\n`),
    });
    await stomp.connected();
    const roundTrip = new BrokerRoundTrip(url, `${prefix}.w${n}`);
    await roundTrip.start();
    for (let i = 0; i < 20; i++) await roundTrip.once(); // warm-up, as the bursts' first jobs
    const localRate = await burst(local, localStore, `local${n}`);
    const brokerRate = await burst(stomp, brokerStore, `stomp${n}`);
    const paired = await pairedLatency(
      { dispatcher: local, store: localStore, tag: `local${n}` },
      { dispatcher: stomp, store: brokerStore, tag: `stomp${n}` },
      roundTrip,
    );
    await roundTrip.close();
    pairsOf.set(n, paired.pairs);
    await local.close();
    await stomp.close();
    await Promise.all(workers.map(stopWorker));
    const of = (rate: number, xs: number[]): Measured => ({
      jobsPerSecond: rate,
      startedP50: quantile(xs, 0.5),
      startedP99: quantile(xs, 0.99),
    });
    rows.push({
      workers: n,
      local: of(localRate, paired.local),
      broker: of(brokerRate, paired.broker),
      overheadP50: quantile(paired.overhead, 0.5),
      overheadP99: quantile(paired.overhead, 0.99),
      roundTripP50: quantile(paired.roundTrip, 0.5),
      roundTripP99: quantile(paired.roundTrip, 0.99),
    });
  }
} finally {
  if (brokerDir !== undefined) execFileSync(join(root, 'scripts/ci/activemq.sh'), ['stop', brokerDir]);
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
console.log(
  `bench:dispatch: ${jobs} no-op jobs (/bin/true) per burst, ${runs} one at a time; load average ${loadAtStart
    .map((l) => l.toFixed(2))
    .join(' ')} at the start, ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} at the end`,
);
console.log(
  '| slots | local jobs/s | broker jobs/s | broker/local | local started p50 / p99 | broker started p50 / p99 | broker overhead p50 / p99 | broker round trip p50 / p99 | overhead ÷ round trip at p99 |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(
    `| ${r.workers} | ${r.local.jobsPerSecond.toFixed(1)} | ${r.broker.jobsPerSecond.toFixed(1)} | ${(r.broker.jobsPerSecond / r.local.jobsPerSecond).toFixed(2)}× | ${ms(r.local.startedP50)} / ${ms(r.local.startedP99)} | ${ms(r.broker.startedP50)} / ${ms(r.broker.startedP99)} | ${ms(r.overheadP50)} / ${ms(r.overheadP99)} | ${ms(r.roundTripP50)} / ${ms(r.roundTripP99)} | ${(r.overheadP99 / r.roundTripP99).toFixed(2)}× |`,
  );
}
console.log(
  'slots: local dispatcher slots (maxConcurrent) = broker worker processes (concurrency 1 each). started: enqueue → `running` recorded by the dispatcher, one job at a time on idle slots, local and broker taking turns; overhead: broker minus local per pair of turns, then its p50 / p99. round trip: the broker’s own, a message to an echoing subscriber and back (the two traversals of a job’s start), measured in a third turn.',
);
const hops = traceFile === undefined ? undefined : printHops(readFileSync(traceFile, 'utf8'));
if (jsonFile !== undefined) {
  const report = { jobs, runs, loadAtStart, loadavg: loadavg(), rows, ...(hops ? { hops } : {}) };
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
}

/**
 * The hops of the one-at-a-time broker jobs from the trace: p50 / p90 / p99 of each, then the pairs
 * with the largest overhead, hop by hop, beside the median job's hops: where the tail is.
 */
function printHops(text: string) {
  const out: Record<string, unknown> = {};
  for (const n of workerCounts) {
    const pairs = pairsOf.get(n) ?? [];
    const brokerIds = new Set(pairs.map((p) => p.broker));
    const byId = new Map(traceHops(text, (id) => brokerIds.has(id)).map((h) => [h.jobId, h]));
    const column = (name: keyof JobHops) =>
      pairs.map((p) => byId.get(p.broker)?.[name]).filter((x): x is number => typeof x === 'number');
    console.log(`\nhops of the ${pairs.length} one-at-a-time broker jobs, ${n} worker(s) (ms):`);
    console.log('| hop | p50 | p90 | p99 | max |');
    console.log('| --- | --- | --- | --- | --- |');
    const summary: Record<string, number[]> = {};
    for (const name of [...HOP_NAMES, 'localTotal', 'overhead'] as const) {
      const xs =
        name === 'localTotal'
          ? pairs.map((p) => p.localMs)
          : name === 'overhead'
            ? pairs.map((p) => p.overhead)
            : column(name);
      if (xs.length === 0) continue;
      const q = [0.5, 0.9, 0.99, 1].map((f) => quantile(xs, f));
      summary[name] = q;
      console.log(`| ${name} | ${q.map((x) => x.toFixed(2)).join(' | ')} |`);
    }
    const worst = [...pairs]
      .sort((a, b) => b.overhead - a.overhead)
      .slice(0, Math.max(3, Math.ceil(pairs.length / 20)));
    console.log(`the ${worst.length} pairs with the largest overhead, hop by hop (ms):`);
    const path = [
      'serverOut',
      'toBroker',
      'brokerToWorker',
      'worker',
      'spawn',
      'statusToBroker',
      'brokerToServer',
      'serverIn',
      'dispatch',
    ] as const;
    console.log(`| overhead | local | ${path.join(' | ')} |`);
    console.log(`| ${['---', '---', ...path.map(() => '---')].join(' | ')} |`);
    const cell = (x: number | undefined) => (x === undefined ? '?' : x.toFixed(1));
    const median = `| median | ${summary.localTotal?.[0]?.toFixed(1)} | ${path.map((h) => cell(summary[h]?.[0])).join(' | ')} |`;
    console.log(median);
    for (const p of worst) {
      const h = byId.get(p.broker);
      console.log(
        `| ${p.overhead.toFixed(1)} | ${p.localMs.toFixed(1)} | ${path.map((name) => cell(h?.[name])).join(' | ')} |`,
      );
    }
    out[String(n)] = { quantiles: summary, worst: worst.map((p) => ({ ...p, hops: byId.get(p.broker) })) };
  }
  return out;
}
process.exit(0);
