/**
 * A request's `maxParallelJobs` and `continueOnFailure` survive a server restart with the `stomp`
 * dispatcher: a real server process is killed while its first scans run on two real `formulary
 * worker` processes, a new one starts on the same database (SQLite, and PostgreSQL when DATABASE_URL
 * is set), and the waiting scans still run one at a time, or are cancelled when the first one fails.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FreshDatabase, freshPostgresDatabase, postgresUrl } from '../postgresDatabase';
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

const run = brokerAvailable('broker policies across a restart (ActiveMQ)');
const backends = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];
if (!postgresUrl) console.warn('broker policies across a restart: PostgreSQL skipped (no DATABASE_URL)');

const FINAL = ['succeeded', 'failed', 'cancelled', 'timed_out'];
const allFinal = (jobs: JobView[]) => jobs.length === 3 && jobs.every((j) => FINAL.includes(j.state));

describe.runIf(run).each(backends)(
  'maxParallelJobs and continueOnFailure across a restart (%s)',
  (backend) => {
    let dir: string;
    let config: string;
    let db: string;
    let fresh: FreshDatabase | undefined;
    let server: ServerProcess;
    const workers: WorkerProcess[] = [];
    let keys = 0;

    const start = () => startServerProcess({ db, instruments: join(dir, 'instruments'), config });

    const send = async (names: string[], continueOnFailure: boolean): Promise<string> => {
      const request = JSON.parse(
        readFileSync(join(repoRoot, 'examples/eqsans/each-scan-wedges-temperature-series.json'), 'utf8'),
      );
      request.job.maxParallelJobs = 1;
      request.job.continueOnFailure = continueOnFailure;
      names.forEach((name, i) => {
        request.job.scans[i].sampleName = name;
      });
      const response = await submit(server.url, 'eqsans', JSON.stringify(request), {
        'idempotency-key': `restart-${backend}-${Date.now()}-${++keys}`,
      });
      expect(response.status, await response.clone().text()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'formulary-broker-restart-'));
      const prefix = `r${backend}${Date.now().toString(36)}${process.pid}`;
      config = writeClusterConfig(dir, stompUrl!, prefix, {
        tasks: {
          eqsans: {
            command: ['{node}', join(repoRoot, 'test/server/broker/fixtures/scanTask.mjs'), '{requestFile}'],
          },
        },
      });
      if (backend === 'postgres') {
        fresh = await freshPostgresDatabase();
        db = fresh.url;
      } else db = join(dir, 'formulary.sqlite');
      server = await start();
      workers.push(startWorker(`w1-${backend}`, config, ['--instrument', 'eqsans', '--concurrency', '2']));
      workers.push(startWorker(`w2-${backend}`, config, ['--instrument', 'eqsans', '--concurrency', '2']));
      await Promise.all(workers.map((w) => w.connected()));
    }, 120_000);

    afterAll(async () => {
      await Promise.all(workers.map((w) => w.stop('SIGTERM')));
      await server?.stop('SIGTERM');
      await fresh?.drop();
      rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    it('the restarted server still runs one scan at a time, and cancels the rest after a failure', async () => {
      // Two workers of two slots each: only maxParallelJobs 1 keeps each submission's next scans waiting.
      const serial = await send(['slow 1', 'quick 2', 'quick 3'], true);
      const stopping = await send(['slow fail 1', 'quick 2', 'quick 3'], false);
      for (const id of [serial, stopping])
        await until(
          `the first scan of ${id} running, the others waiting`,
          () => jobsOf(server.url, id),
          (jobs) =>
            jobs[0]?.state === 'running' && jobs[1]?.state === 'queued' && jobs[2]?.state === 'queued',
        );
      server.child.kill('SIGKILL');
      await server.exited;
      server = await start();

      // While a first scan still runs, the restarted server sends none of its submission's next scans.
      const during = await Promise.all([jobsOf(server.url, serial), jobsOf(server.url, stopping)]);
      for (const jobs of during.filter((j) => j[0]!.state === 'running'))
        expect(jobs.slice(1).map((j) => j.state)).toEqual(['queued', 'queued']);

      const serialJobs = await until('the serial scans', () => jobsOf(server.url, serial), allFinal, 90_000);
      expect(serialJobs.map((j) => j.state)).toEqual(['succeeded', 'succeeded', 'succeeded']);
      for (const job of serialJobs) expect(job.attempts).toHaveLength(1);
      const spans = serialJobs.map((j) => [
        Date.parse(j.attempts[0]!.startedAt!),
        Date.parse(j.attempts[0]!.endedAt!),
      ]);
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]!);

      const stoppedJobs = await until(
        'the stopped scans',
        () => jobsOf(server.url, stopping),
        allFinal,
        90_000,
      );
      expect(stoppedJobs.map((j) => j.state)).toEqual(['failed', 'cancelled', 'cancelled']);
      for (const job of stoppedJobs.slice(1)) {
        expect(job.message).toMatch(/^Not run: scan 1 failed and the request asks to stop then/);
        expect(job.attempts.every((a) => a.startedAt === null)).toBe(true);
      }
    }, 180_000);
  },
);
