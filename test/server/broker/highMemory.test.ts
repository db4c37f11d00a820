/**
 * High-memory routing with a real ActiveMQ, a real server and two real `formulary worker` processes:
 * a job whose request matches the configured high-memory rule (here `/sample` is "huge") goes only
 * to a worker started with `--high-memory`; it waits, queued, while only an ordinary worker is up,
 * and the ordinary worker keeps taking the other jobs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess, submit } from '../serverProcess';
import {
  brokerAvailable,
  jobsOf,
  startWorker,
  stompUrl,
  until,
  type WorkerProcess,
  writeClusterConfig,
} from './brokerKit';

const run = brokerAvailable('high-memory routing (ActiveMQ)');
const FINAL = ['succeeded', 'failed', 'cancelled', 'timed_out'];

describe.runIf(run)('a job needing high memory runs only on a --high-memory worker', () => {
  let dir: string;
  let config: string;
  let server: ServerProcess;
  const workers: WorkerProcess[] = [];
  let keys = 0;

  const send = async (sample: string): Promise<string> => {
    const response = await submit(server.url, 'tiny', JSON.stringify({ iptsNumber: 7, sample }), {
      'idempotency-key': `highmem-${Date.now()}-${++keys}`,
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const job = async (id: string) => (await jobsOf(server.url, id))[0]!;
  const final = (id: string) =>
    until(
      `the job of ${id}`,
      () => job(id),
      (j) => j !== undefined && FINAL.includes(j.state),
      60_000,
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'formulary-broker-highmem-'));
    const prefix = `h${Date.now().toString(36)}${process.pid}`;
    config = writeClusterConfig(dir, stompUrl!, prefix, {
      highMemory: { pointer: '/sample', values: ['huge'] },
    });
    server = await startServerProcess({
      db: join(dir, 'formulary.sqlite'),
      instruments: join(dir, 'instruments'),
      config,
    });
    workers.push(startWorker('w-plain', config, ['--instrument', 'tiny', '--concurrency', '2']));
    await workers[0]!.connected();
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGTERM')));
    await server?.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('waits for a high-memory worker, which then takes only the high-memory jobs', async () => {
    const plain = workers[0]!;
    const huge = [await send('huge'), await send('huge')];
    const small = [await send('small 1'), await send('small 2')];
    // The ordinary worker, with a free slot, runs the ordinary jobs and leaves the high-memory ones.
    for (const id of small) {
      const done = await final(id);
      expect(done.state).toBe('succeeded');
      expect(done.attempts[0]!.runnerId).toMatch(/^w-plain\//);
    }
    await new Promise((r) => setTimeout(r, 1000));
    for (const id of huge) {
      const waiting = await job(id);
      expect(waiting.state).toBe('queued');
      expect(waiting.message).toMatch(/^Queued for the reduction cluster \(\/queue\/h.*\.highmem\.tiny\)/);
    }
    expect(plain.output()).not.toMatch(/reducing huge/);

    const big = startWorker('w-big', config, ['--instrument', 'tiny', '--high-memory', '--concurrency', '2']);
    workers.push(big);
    await big.connected();
    // Mixed again, with both workers up: each job goes to its own kind of worker.
    const more = { huge: await send('huge'), small: await send('small 3') };
    for (const id of [...huge, more.huge]) {
      const done = await final(id);
      expect(done.state).toBe('succeeded');
      expect(done.attempts).toHaveLength(1);
      expect(done.attempts[0]!.runnerId).toMatch(/^w-big\//);
    }
    const smallDone = await final(more.small);
    expect(smallDone.attempts[0]!.runnerId).toMatch(/^w-plain\//);
    // w-big took exactly the three high-memory jobs.
    expect(big.output().match(/w-big: job \S+ attempt/g)).toHaveLength(3);
  }, 180_000);
});
