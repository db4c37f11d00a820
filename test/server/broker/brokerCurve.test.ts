/**
 * Curves through the broker, with a real ActiveMQ, a real server process and a real `formulary worker`
 * process that do NOT share a folder (the worker's jobsDir is its own, as on another node): the worker
 * watches the curve file its task writes and sends each change with the file's text, so the server
 * stores `curve` events while the job runs and the curve route returns the points, during and after.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, type ServerProcess, startServerProcess, submit, testerFetch } from '../serverProcess';
import {
  brokerAvailable,
  jobsOf,
  liveEvents,
  startWorker,
  stompUrl,
  until,
  type WorkerProcess,
  writeClusterConfig,
} from './brokerKit';

const run = brokerAvailable('broker curves (ActiveMQ)');

interface CurveBody {
  complete: boolean;
  state: string;
  curves: { label: string; points: [number, number, number][] }[];
}

describe.runIf(run)('curves of jobs run by a formulary worker on another node', () => {
  let dir: string;
  let server: ServerProcess;
  let worker: WorkerProcess;
  const prefix = `c${Date.now().toString(36)}${process.pid}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'formulary-broker-curve-'));
    const task = {
      command: ['{node}', join(repoRoot, 'test/server/broker/fixtures/curveTask.mjs'), '{curveFile}'],
      curveFile: 'reduced/iq.csv',
    };
    const serverConfig = writeClusterConfig(dir, stompUrl!, prefix, { tasks: { tiny: task } });
    // The worker's own copy of the configuration, with a jobs folder the server never looks into.
    const workerDir = join(dir, 'node2');
    mkdirSync(workerDir);
    const parsed = JSON.parse(readFileSync(serverConfig, 'utf8'));
    parsed.jobs.jobsDir = join(workerDir, 'jobs');
    const workerConfig = join(workerDir, 'formulary.config.json');
    writeFileSync(workerConfig, JSON.stringify(parsed));
    server = await startServerProcess({
      db: join(dir, 'formulary.sqlite'),
      instruments: join(dir, 'instruments'),
      config: serverConfig,
    });
    worker = startWorker('wc', workerConfig, ['--instrument', 'tiny']);
    await worker.connected();
  }, 120_000);

  afterAll(async () => {
    await worker?.stop('SIGTERM');
    await server?.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('stores curve events while the job runs, and the curve route returns the points', async () => {
    const response = await submit(server.url, 'tiny', JSON.stringify({ iptsNumber: 7, sample: 'curved' }), {
      'idempotency-key': `curve-${prefix}`,
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const submissionId = ((await response.json()) as { id: string }).id;
    const [job] = await until(
      'the job running',
      () => jobsOf(server.url, submissionId),
      (jobs) => jobs[0]?.state === 'running',
    );
    // While it runs: a curve read that already has points, not yet complete.
    const during = await until(
      'a curve with points while the job runs',
      async () => {
        const r = await testerFetch(`${server.url}/api/jobs/${job!.id}/curve`);
        return r.status === 200 ? ((await r.json()) as CurveBody) : undefined;
      },
      (body) => body !== undefined && (body.curves[0]?.points.length ?? 0) > 0,
      30_000,
    );
    expect(during!.complete).toBe(false);
    expect(during!.state).toBe('running');
    expect(during!.curves[0]!.points.length).toBeLessThan(24);
    // The live feed: curve events, at least one of them before the final state, none after it.
    const events = (await liveEvents(server.url, `submission:${submissionId}`, (list) =>
      list.some((e) => (e as { kind: string; payload: { state?: string } }).payload.state === 'succeeded'),
    )) as { id: number; kind: string; payload: { state?: string; bytes?: number; text?: string } }[];
    const final = events.findIndex((e) => e.kind === 'state' && e.payload.state === 'succeeded');
    const running = events.findIndex((e) => e.kind === 'state' && e.payload.state === 'running');
    const curves = events.filter((e) => e.kind === 'curve');
    expect(final).toBeGreaterThan(0);
    expect(curves.length).toBeGreaterThanOrEqual(2);
    for (const c of curves) {
      const at = events.indexOf(c);
      expect(at).toBeGreaterThan(running);
      expect(at).toBeLessThan(final);
      expect(c.payload.bytes).toBeGreaterThan(0);
      expect(c.payload.text).toBeUndefined(); // the text is stored, not pushed to every follower
    }
    // After the end: all 24 points, complete, read from the copy the worker sent.
    const after = (await (await testerFetch(`${server.url}/api/jobs/${job!.id}/curve`)).json()) as CurveBody;
    expect(after.complete).toBe(true);
    expect(after.curves.map((c) => c.label)).toEqual(['scan 1']);
    expect(after.curves[0]!.points).toHaveLength(24);
    expect(after.curves[0]!.points[23]![0]).toBeCloseTo(0.24);
    // The server's own folder never had the file: what it plots came through the broker.
    expect(() => readFileSync(join(dir, 'jobs', job!.id, '1', 'reduced/iq.csv'))).toThrow(/ENOENT/);
  }, 120_000);
});
