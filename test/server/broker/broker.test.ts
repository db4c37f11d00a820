/**
 * The `stomp` dispatcher against a real ActiveMQ, a real server process and real `formulary worker`
 * processes: two workers share jobs and each job completes once with its log and states live; a worker
 * killed mid-job loses nothing (the broker redelivers, the attempt count and the log say so); jobs
 * submitted while the broker is down wait and run once it is back; a worker on another instrument's
 * route never gets this instrument's jobs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LinkMessage, StompLink } from '../../../src/server/jobs/index';
import { repoRoot, type ServerProcess, startServerProcess, submit, testerFetch } from '../serverProcess';
import {
  brokerAvailable,
  type JobView,
  jobsOf,
  liveEvents,
  logOf,
  type PrivateBroker,
  startPrivateBroker,
  startWorker,
  stompUrl,
  until,
  type WorkerProcess,
  writeClusterConfig,
} from './brokerKit';

const run = brokerAvailable('broker dispatcher (ActiveMQ)');
let keys = 0;

async function send(url: string, instrument: string, sample: string): Promise<string> {
  const key = `broker-${Date.now()}-${++keys}`;
  const response = await submit(url, instrument, JSON.stringify({ iptsNumber: 7, sample }), {
    'idempotency-key': key,
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function finalJob(url: string, id: string, ms = 60_000): Promise<JobView> {
  const [job] = await until(
    `the job of submission ${id}`,
    () => jobsOf(url, id),
    (jobs) => jobs.length === 1 && ['succeeded', 'failed', 'cancelled', 'timed_out'].includes(jobs[0]!.state),
    ms,
  );
  return job!;
}

describe.runIf(run)('jobs through a STOMP broker to formulary worker processes', () => {
  let dir: string;
  let config: string;
  let server: ServerProcess;
  const workers: WorkerProcess[] = [];
  const prefix = `t${Date.now().toString(36)}${process.pid}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'formulary-broker-'));
    config = writeClusterConfig(dir, stompUrl!, prefix);
    server = await startServerProcess({
      db: join(dir, 'formulary.sqlite'),
      instruments: join(dir, 'instruments'),
      config,
    });
    workers.push(startWorker('w1', config, ['--instrument', 'tiny', '--instrument', 'eqsans']));
    workers.push(startWorker('w2', config, ['--instrument', 'tiny', '--instrument', 'eqsans']));
    workers.push(startWorker('w-other', config, ['--instrument', 'other']));
    await Promise.all(workers.map((w) => w.connected()));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGTERM')));
    await server?.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('shares jobs between two workers; each completes once, with logs and states live', async () => {
    const ids = [];
    for (let i = 0; i < 8; i++) ids.push(await send(server.url, 'tiny', `s${i}`));
    const jobs = await Promise.all(ids.map((id) => finalJob(server.url, id)));
    for (const job of jobs) {
      expect(job.state).toBe('succeeded');
      expect(job.attempts).toHaveLength(1);
    }
    const holders = jobs.map((j) => j.attempts[0]!.runnerId!.split('/')[0]);
    expect(new Set(holders)).toEqual(new Set(['w1', 'w2']));
    const log = await logOf(server.url, jobs[0]!.id, 1);
    expect(log.map((l) => l.seq)).toEqual(log.map((_, i) => i + 1));
    expect(log.some((l) => l.stream === 'stdout' && /^reducing s\d for 300 ms on tiny$/.test(l.text))).toBe(
      true,
    );
    expect(log.some((l) => l.stream === 'stdout' && l.text === 'reduced')).toBe(true);
    const detail = (await (await testerFetch(`${server.url}/api/jobs/${jobs[0]!.id}`)).json()) as {
      transitions: { state: string }[];
    };
    expect(detail.transitions.map((t) => t.state)).toEqual(['queued', 'running', 'succeeded']);
    // What a page follows: the submission's live events carry the states and the log lines.
    const events = (await liveEvents(server.url, `submission:${ids[0]}`, (seen) =>
      seen.some((e) => JSON.stringify(e).includes('"succeeded"')),
    )) as { kind: string; payload: { state?: string; lines?: { text: string }[] } }[];
    const states = events.filter((e) => e.kind === 'state').map((e) => e.payload.state);
    expect(states).toEqual(['queued', 'running', 'succeeded']);
    const lines = events.flatMap((e) => (e.kind === 'log' ? (e.payload.lines ?? []).map((l) => l.text) : []));
    expect(lines).toContain('reduced');
  }, 120_000);

  it("a worker on another instrument's route never receives this instrument's jobs", async () => {
    const other = workers.find((w) => w.name === 'w-other')!;
    expect(other.output()).not.toMatch(/w-other: job /);
    const id = await send(server.url, 'other', 'routed');
    const job = await finalJob(server.url, id);
    expect(job.state).toBe('succeeded');
    expect(job.attempts[0]!.runnerId).toMatch(/^w-other\//);
    // Everything w-other ran was an "other" job: one line per job it took.
    expect(other.output().match(/w-other: job \S+ attempt/g)).toHaveLength(1);
  }, 120_000);

  it('cancels a job running on a worker: its process group is stopped, the state is cancelled', async () => {
    const id = await send(server.url, 'tiny', 'long');
    const [running] = await until(
      'the long job running',
      () => jobsOf(server.url, id),
      (jobs) => jobs[0]?.state === 'running',
    );
    const cancel = await testerFetch(`${server.url}/api/jobs/${running!.id}/cancel`, { method: 'POST' });
    expect(cancel.status).toBe(202);
    const job = await finalJob(server.url, id);
    expect(job.state).toBe('cancelled');
    expect(job.attempts).toEqual([
      expect.objectContaining({ attempt: 1, state: 'cancelled', reason: 'cancel' }),
    ]);
    const log = await logOf(server.url, job.id, 1);
    expect(
      log.some((l) => l.stream === 'system' && /^Cancelled by .*: SIGTERM to the process group/.test(l.text)),
    ).toBe(true);
    expect(log.some((l) => l.text === 'reduced')).toBe(false);
  }, 120_000);

  it('a job message a worker cannot read goes to the invalid queue with the reason, not lost', async () => {
    const link = new StompLink({ url: stompUrl!, reconnectDelayMs: 100, maxReconnectDelayMs: 1000 });
    link.start();
    await link.whenConnected();
    try {
      const received = new Promise<LinkMessage>((resolve) =>
        link.subscribe(`/queue/${prefix}.invalid`, { ack: 'auto' }, resolve),
      );
      await link.publish(`/queue/${prefix}.jobs.tiny`, '{"request": {"sample": "x"}}');
      const message = await received;
      expect(message.body).toBe('{"request": {"sample": "x"}}');
      expect(message.headers['formulary-problem']).toMatch(/no "formulary" object/);
    } finally {
      await link.close();
    }
  }, 60_000);

  it("keeps a request's maxParallelJobs and continueOnFailure through the broker", async () => {
    const series = JSON.parse(
      readFileSync(join(repoRoot, 'examples/eqsans/each-scan-wedges-temperature-series.json'), 'utf8'),
    );
    const sendEqsans = async (request: unknown) => {
      const response = await submit(server.url, 'eqsans', JSON.stringify(request), {
        'idempotency-key': `broker-eq-${Date.now()}-${++keys}`,
      });
      expect(response.status, await response.clone().text()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const allFinal = (jobs: JobView[]) =>
      jobs.length === 3 && jobs.every((j) => ['succeeded', 'failed', 'cancelled'].includes(j.state));
    // One scan at a time, though two workers are idle.
    const oneByOne = structuredClone(series);
    oneByOne.job.maxParallelJobs = 1;
    const serial = await sendEqsans(oneByOne);
    const serialJobs = await until('the serial scans', () => jobsOf(server.url, serial), allFinal, 90_000);
    expect(serialJobs.map((j) => j.state)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const spans = serialJobs.map((j) => [
      Date.parse(j.attempts[0]!.startedAt!),
      Date.parse(j.attempts[0]!.endedAt!),
    ]);
    spans.sort((a, b) => a[0]! - b[0]!);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]!);
    // The first scan fails: the others, still waiting, are cancelled saying why.
    const stopping = structuredClone(series);
    stopping.job.maxParallelJobs = 1;
    stopping.job.continueOnFailure = false;
    stopping.job.scans[0].transmission.value = 0.05;
    const stopped = await sendEqsans(stopping);
    const stoppedJobs = await until('the stopped scans', () => jobsOf(server.url, stopped), allFinal, 90_000);
    expect(stoppedJobs.map((j) => j.state)).toEqual(['failed', 'cancelled', 'cancelled']);
    expect(stoppedJobs[1]!.message).toMatch(/^Not run: scan 1 failed and the request asks to stop then/);
  }, 180_000);

  it('SIGKILL of a worker mid-job: the broker redelivers, the other worker completes it as attempt 2', async () => {
    const id = await send(server.url, 'tiny', 'long');
    const [running] = await until(
      'the long job running',
      () => jobsOf(server.url, id),
      (jobs) => jobs[0]?.state === 'running',
    );
    // Let it print a line or two, then kill its worker outright.
    await until(
      'a line of the long job',
      () => logOf(server.url, running!.id, 1),
      (l) => l.some((x) => x.text === 'still reducing'),
    );
    const holder = running!.attempts[0]!.runnerId!.split('/')[0]!;
    const victim = workers.find((w) => w.name === holder)!;
    victim.child.kill('SIGKILL');
    const job = await finalJob(server.url, id);
    expect(job.state).toBe('succeeded');
    expect(job.attempts.map((a) => [a.attempt, a.state, a.cause])).toEqual([
      [1, 'interrupted', 'submitted'],
      [2, 'succeeded', 'recovery'],
    ]);
    expect(job.attempts[1]!.runnerId!.split('/')[0]).not.toBe(holder);
    const first = await logOf(server.url, job.id, 1);
    expect(first.at(-1)!.text).toMatch(
      new RegExp(`^Interrupted: the worker running this attempt \\(${holder}/`),
    );
    const second = await logOf(server.url, job.id, 2);
    expect(second[0]!.text).toMatch(/delivered this job again/);
    expect(second.some((l) => l.text === 'reduced')).toBe(true);
    workers.splice(workers.indexOf(victim), 1);
  }, 120_000);
});

describe.runIf(run)('the server or the broker going away', () => {
  let dir: string;
  let broker: PrivateBroker;
  let server: ServerProcess;
  let worker: WorkerProcess;
  let config: string;
  let db: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'formulary-broker-down-'));
    broker = startPrivateBroker();
    config = writeClusterConfig(dir, broker.url, 'down');
    db = join(dir, 'formulary.sqlite');
    server = await startServerProcess({ db, instruments: join(dir, 'instruments'), config });
    worker = startWorker('w-down', config, ['--instrument', 'tiny']);
    await worker.connected();
  }, 120_000);

  afterAll(async () => {
    await worker?.stop('SIGTERM');
    await server?.stop('SIGTERM');
    broker?.remove();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('a server killed while a worker runs a job: the statuses wait on the broker, the restarted server records them', async () => {
    const id = await send(server.url, 'tiny', 'long');
    await until(
      'the long job running',
      () => jobsOf(server.url, id),
      (jobs) => jobs[0]?.state === 'running',
    );
    server.child.kill('SIGKILL');
    await server.exited;
    // The worker finishes meanwhile; its log lines and final state queue up on the broker.
    await until(
      'the worker to finish',
      async () => worker.output(),
      (text) => text.includes(' succeeded'),
    );
    server = await startServerProcess({ db, instruments: join(dir, 'instruments'), config });
    const job = await finalJob(server.url, id);
    expect(job.state).toBe('succeeded');
    expect(job.attempts).toHaveLength(1);
    const log = await logOf(server.url, job.id, 1);
    expect(log.map((l) => l.seq)).toEqual(log.map((_, i) => i + 1));
    expect(log.some((l) => l.text === 'reduced')).toBe(true);
  }, 120_000);

  it('wait "for the reduction cluster", then run once the broker is back; none lost', async () => {
    broker.stop();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await send(server.url, 'tiny', `d${i}`));
    for (const id of ids) {
      const [job] = await jobsOf(server.url, id);
      expect(job!.state).toBe('queued');
      expect(job!.message).toMatch(/^Waiting for the reduction cluster/);
    }
    const seen = worker.output().length;
    broker.start();
    await worker.connected(seen);
    const jobs = await Promise.all(ids.map((id) => finalJob(server.url, id)));
    for (const job of jobs) {
      expect(job.state).toBe('succeeded');
      expect(job.attempts).toHaveLength(1);
    }
  }, 180_000);
});
