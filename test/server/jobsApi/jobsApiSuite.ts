/**
 * Jobs through HTTP against a real server process, once per back end: a submitted EQSANS example
 * becomes jobs that reach succeeded with their log stored; a failing request shows its error line; a
 * cancel stops a long job; a server killed while a job runs marks it interrupted at the next start
 * and queues it again. Tasks come from the config file's "jobs" section: the demo simulator for EQSANS,
 * a long-running Node one-liner for the "tiny" instrument.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  testerFetch as fetch,
  repoRoot,
  type ServerProcess,
  startServerProcess,
  submit,
} from '../serverProcess';

export interface JobsApiDatabase {
  readonly db: string;
  drop(): Promise<void>;
}

interface JobView {
  id: string;
  state: string;
  message: string;
  attempt: number;
  label: string;
  attempts: { attempt: number; state: string; cause: string; reason: string | null; message: string }[];
}
interface LogLine {
  seq: number;
  stream: string;
  text: string;
}

const example = readFileSync(join(repoRoot, 'examples/eqsans/average-protein-concentrations.json'), 'utf8');
let keys = 0;
const key = () => `jobs-${Date.now()}-${++keys}-${Math.random().toString(36).slice(2)}`;

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, ms = 60_000) {
  const end = Date.now() + ms;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(last)} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

export function describeJobsApi(name: string, database: () => Promise<JobsApiDatabase>): void {
  describe(`jobs API on ${name}`, () => {
    let dir: string;
    let handle: JobsApiDatabase;
    let server: ServerProcess;
    let configFile: string;

    const start = async () => {
      server = await startServerProcess({
        db: handle.db,
        instruments: join(dir, 'instruments'),
        config: configFile,
      });
      return server;
    };
    const jobsOf = async (submissionId: string): Promise<JobView[]> => {
      const response = await fetch(`${server.url}/api/submissions/${submissionId}/jobs`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: JobView[] }).items;
    };
    const logOf = async (jobId: string, attempt?: number): Promise<LogLine[]> => {
      const response = await fetch(
        `${server.url}/api/jobs/${jobId}/log${attempt ? `?attempt=${attempt}` : ''}`,
      );
      expect(response.status).toBe(200);
      return ((await response.json()) as { lines: LogLine[] }).lines;
    };
    const send = async (instrument: string, body: string) => {
      const response = await submit(server.url, instrument, body, { 'idempotency-key': key() });
      expect(response.status, await response.clone().text()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const tiny = () => JSON.stringify({ iptsNumber: 1, sample: 'long' });

    beforeAll(async () => {
      handle = await database();
      dir = mkdtempSync(join(tmpdir(), 'formulary-jobs-api-'));
      const instruments = join(dir, 'instruments');
      mkdirSync(instruments);
      for (const file of ['eqsans.schema.json', 'common.json'])
        copyFileSync(join(repoRoot, 'src/schemas/instruments', file), join(instruments, file));
      copyFileSync(
        join(repoRoot, 'test/server/fixtures/tiny.schema.json'),
        join(instruments, 'tiny.schema.json'),
      );
      configFile = join(dir, 'formulary.config.json');
      writeFileSync(
        configFile,
        JSON.stringify({
          jobs: {
            maxConcurrent: 4,
            killGraceSeconds: 1,
            jobsDir: join(dir, 'jobs'),
            tasks: {
              eqsans: {
                command: [
                  '{node}',
                  join(repoRoot, 'examples/reduction-simulator/simulate.mjs'),
                  '{requestFile}',
                  '--seconds',
                  '1',
                ],
                curveFile: 'reduced/iq.csv',
                concurrency: 2,
              },
              tiny: {
                command: ['{node}', '-e', "console.log('long task started'); setInterval(Date.now, 1000)"],
                concurrency: 2,
              },
            },
          },
        }),
      );
      await start();
    }, 120_000);
    afterAll(async () => {
      await server?.stop('SIGTERM');
      await handle?.drop();
      rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    it('runs a submitted EQSANS example to succeeded and stores its log', async () => {
      const id = await send('eqsans', example);
      const [job] = await until(
        'the job',
        () => jobsOf(id),
        (jobs) => jobs[0]?.state === 'succeeded',
      );
      expect(job!.label).toBe('2 scans averaged');
      expect(job!.attempts).toEqual([
        expect.objectContaining({ attempt: 1, state: 'succeeded', cause: 'submitted', reason: 'exit' }),
      ]);
      const lines = await logOf(job!.id);
      expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
      expect(lines.some((l) => l.stream === 'stdout' && /transmission/.test(l.text))).toBe(true);
      expect(lines.at(-1)!.stream).toBe('system');
      const detail = (await (await fetch(`${server.url}/api/jobs/${job!.id}`)).json()) as {
        transitions: { state: string; time: string }[];
      };
      expect(detail.transitions.map((t) => t.state)).toEqual(['queued', 'running', 'succeeded']);
      const text = await fetch(`${server.url}/api/jobs/${job!.id}/log.txt`);
      expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(text.headers.get('content-disposition')).toContain('attachment');
      expect((await text.text()).trimEnd().split('\n')).toHaveLength(lines.length);
      // A page of the log continues after a seq.
      const page = (await (await fetch(`${server.url}/api/jobs/${job!.id}/log?after=2&limit=2`)).json()) as {
        lines: LogLine[];
        next: number | null;
      };
      expect(page.lines.map((l) => l.seq)).toEqual([3, 4]);
      expect(page.next).toBe(4);

      // The search covers the whole stored log, any case, in pages that agree on the total.
      const needle = 'TRANSMISSION';
      const expected = lines.filter((l) => l.text.toLowerCase().includes('transmission')).map((l) => l.seq);
      expect(expected.length).toBeGreaterThan(1);
      type Found = { total: number; through: number; lines: LogLine[]; next: number | null };
      const search = async (query: string) => {
        const response = await fetch(`${server.url}/api/jobs/${job!.id}/log/search?${query}`);
        expect(response.status, await response.clone().text()).toBe(200);
        return (await response.json()) as Found;
      };
      const first = await search(`q=${needle}&limit=1`);
      expect(first).toMatchObject({ total: expected.length, through: lines.length, next: expected[0] });
      const seen = first.lines.map((l) => l.seq);
      for (let next = first.next; next !== null; ) {
        const more = await search(`q=${needle}&limit=1&after=${next}&through=${first.through}`);
        expect(more.total).toBe(expected.length);
        seen.push(...more.lines.map((l) => l.seq));
        next = more.next;
      }
      expect(seen).toEqual(expected);
      expect((await search('q=100%25%25&attempt=1')).total).toBe(0);
      // Bad searches name what is wrong; an unknown job or attempt is a 404 like the log's.
      expect((await fetch(`${server.url}/api/jobs/${job!.id}/log/search?q=`)).status).toBe(400);
      expect((await fetch(`${server.url}/api/jobs/${job!.id}/log/search`)).status).toBe(400);
      expect((await fetch(`${server.url}/api/jobs/${job!.id}/log/search?q=a&attempt=9`)).status).toBe(404);
      expect((await fetch(`${server.url}/api/jobs/nope/log/search?q=a`)).status).toBe(404);
    });

    it('shows the error line of a request the reduction cannot reduce', async () => {
      const request = JSON.parse(example);
      request.job.scans[1].transmission.value = 0.05;
      const id = await send('eqsans', JSON.stringify(request));
      const [job] = await until(
        'the job',
        () => jobsOf(id),
        (jobs) => jobs[0]?.state === 'failed',
      );
      expect(job!.message).toMatch(/^error: cannot reduce: .*transmission 0.05 .* below 0.1/);
      const lines = await logOf(job!.id);
      expect(lines.filter((l) => l.stream === 'stderr').at(-1)!.text).toBe(job!.message);
    });

    it('cancels a long job, and re-runs it as attempt 2', async () => {
      const id = await send('tiny', tiny());
      const [job] = await until(
        'the job',
        () => jobsOf(id),
        (jobs) => jobs[0]?.state === 'running',
      );
      const early = await fetch(`${server.url}/api/jobs/${job!.id}/rerun`, { method: 'POST' });
      expect(early.status).toBe(409);
      expect(early.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const cancel = await fetch(`${server.url}/api/jobs/${job!.id}/cancel`, { method: 'POST' });
      expect(cancel.status).toBe(202);
      const [done] = await until(
        'the cancel',
        () => jobsOf(id),
        (jobs) => jobs[0]?.state === 'cancelled',
      );
      expect(done!.attempts[0]).toMatchObject({ reason: 'cancel' });
      const again = await fetch(`${server.url}/api/jobs/${job!.id}/cancel`, { method: 'POST' });
      expect(again.status).toBe(409);
      const rerun = await fetch(`${server.url}/api/jobs/${job!.id}/rerun`, { method: 'POST' });
      expect(rerun.status).toBe(202);
      expect(await rerun.json()).toMatchObject({ attempt: 2 });
      const [second] = await until(
        'the re-run',
        () => jobsOf(id),
        (jobs) => jobs[0]?.state === 'running',
      );
      expect(second!.attempts.map((a) => [a.attempt, a.cause])).toEqual([
        [1, 'submitted'],
        [2, 'rerun'],
      ]);
      await fetch(`${server.url}/api/jobs/${job!.id}/cancel`, { method: 'POST' });
      await until(
        'the second cancel',
        () => jobsOf(id),
        (jobs) => jobs[0]?.state === 'cancelled',
      );
      expect((await fetch(`${server.url}/api/jobs/nope/log`)).status).toBe(404);
      expect((await fetch(`${server.url}/api/submissions/nope/jobs`)).status).toBe(404);
    });

    it('marks a job interrupted after the server was killed, and queues it again at the next start', async () => {
      const id = await send('tiny', tiny());
      const [job] = await until(
        'the job',
        () => jobsOf(id),
        (jobs) => jobs[0]?.state === 'running',
      );
      await until(
        'the first line',
        () => logOf(job!.id),
        (lines) => lines.some((l) => l.text === 'long task started'),
      );
      expect(await server.stop('SIGKILL')).toBe('SIGKILL');
      await start();
      const [after] = await until(
        'recovery',
        () => jobsOf(id),
        (jobs) => jobs[0]?.attempt === 2 && jobs[0].state === 'running',
      );
      expect(after!.attempts[0]).toMatchObject({ state: 'interrupted', reason: 'recovery' });
      expect(after!.attempts[1]).toMatchObject({ cause: 'recovery' });
      const first = await logOf(job!.id, 1);
      expect(first.at(-1)!.text).toMatch(
        /^Interrupted: the server stopped while this attempt ran; queued again as attempt 2/,
      );
      expect(first.some((l) => /Stopped the process this attempt left running/.test(l.text))).toBe(true);
      // SIGTERM: the running attempt ends interrupted and its next attempt waits queued in the store.
      expect(await server.stop('SIGTERM')).toBe(0);
      await start();
      const [resumed] = await until(
        'the restart',
        () => jobsOf(id),
        (jobs) => jobs[0]?.attempt === 3 && jobs[0].state === 'running',
      );
      expect(resumed!.attempts[1]).toMatchObject({ state: 'interrupted', reason: 'shutdown' });
      expect(resumed!.attempts[2]).toMatchObject({ cause: 'shutdown' });
      await fetch(`${server.url}/api/jobs/${job!.id}/cancel`, { method: 'POST' });
      await until(
        'the cancel',
        () => jobsOf(id),
        (jobs) => jobs[0]?.state === 'cancelled',
      );
    }, 120_000);
  });
}
