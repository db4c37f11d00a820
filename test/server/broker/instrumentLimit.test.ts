/**
 * An instrument's `concurrency` holds for jobs on the cluster: with a real ActiveMQ, a real server and
 * two real `formulary worker` processes (one slot each), an instrument limited to 1 never has two jobs
 * running at once (the stored start and end times of its attempts do not overlap), the server holds
 * the second one back, queued, and another instrument's job takes the free worker meanwhile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, type ServerProcess, startServerProcess, submit } from '../serverProcess';
import {
  brokerAvailable,
  type JobView,
  jobsOf,
  startWorker,
  stompUrl,
  until,
  type WorkerProcess,
  writeClusterConfig,
} from './brokerKit';

const run = brokerAvailable('instrument concurrency on the cluster (ActiveMQ)');
const FINAL = ['succeeded', 'failed', 'cancelled', 'timed_out'];
const sleepy = join(repoRoot, 'test/server/broker/fixtures/sleepy.mjs');

describe.runIf(run)("an instrument's concurrency limit holds for jobs sent to workers", () => {
  let dir: string;
  let server: ServerProcess;
  const workers: WorkerProcess[] = [];
  let keys = 0;

  const send = async (instrument: string, sample: string): Promise<string> => {
    const response = await submit(server.url, instrument, JSON.stringify({ iptsNumber: 7, sample }), {
      'idempotency-key': `limit-${Date.now()}-${++keys}`,
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const job = async (id: string): Promise<JobView | undefined> => (await jobsOf(server.url, id))[0];
  const final = (id: string) =>
    until(
      `the job of ${id}`,
      () => job(id),
      (j) => j !== undefined && FINAL.includes(j.state),
      60_000,
    ) as Promise<JobView>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'formulary-broker-limit-'));
    const prefix = `l${Date.now().toString(36)}${process.pid}`;
    const task = { command: ['{node}', sleepy, '{requestFile}'] };
    const config = writeClusterConfig(dir, stompUrl!, prefix, {
      // tiny: one job at a time over the whole cluster; other: no limit but the workers' slots.
      tasks: { tiny: { ...task, concurrency: 1 }, other: task },
    });
    server = await startServerProcess({
      db: join(dir, 'formulary.sqlite'),
      instruments: join(dir, 'instruments'),
      config,
    });
    // Both workers take both instruments (the default wildcard route), one job at a time each.
    for (const name of ['w-one', 'w-two']) workers.push(startWorker(name, config, ['--concurrency', '1']));
    await Promise.all(workers.map((w) => w.connected()));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGTERM')));
    await server?.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('runs one tiny job at a time on two idle workers, and lets the other instrument pass', async () => {
    const first = await send('tiny', 'sleep 2500');
    const second = await send('tiny', 'sleep 2500');
    const running = await until(
      'a tiny job running',
      async () => [await job(first), await job(second)],
      (jobs) => jobs.some((j) => j?.state === 'running'),
      30_000,
    );
    // The other tiny job is held at the server, though a worker is idle.
    const held = running.find((j) => j?.state !== 'running')!;
    expect(held.state).toBe('queued');
    const foreign = await send('other', 'sleep 300');

    const [a, b, c] = [await final(first), await final(second), await final(foreign)];
    for (const done of [a, b, c]) {
      expect(done.state).toBe('succeeded');
      expect(done.attempts).toHaveLength(1);
    }
    const span = (j: JobView) => ({
      start: Date.parse(j.attempts[0]!.startedAt!),
      end: Date.parse(j.attempts[0]!.endedAt!),
    });
    const [early, late] = [span(a), span(b)].sort((x, y) => x.start - y.start) as [
      { start: number; end: number },
      { start: number; end: number },
    ];
    // Stored times: the second tiny job started only once the first had ended.
    expect(late.start).toBeGreaterThanOrEqual(early.end);
    // The other instrument's job was not held back: it ran while the first tiny job ran.
    const other = span(c);
    expect(other.start).toBeLessThan(early.end);
    // Both workers worked: the tiny limit did not just leave one worker doing everything.
    const runners = new Set([a, b, c].map((j) => j.attempts[0]!.runnerId!.split('/')[0]));
    expect(runners.size).toBe(2);
  }, 120_000);
});
