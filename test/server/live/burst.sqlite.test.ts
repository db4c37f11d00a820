/**
 * A burst of log output through a real server process on SQLite: three jobs print 3,000 lines a
 * second each while WebSocket clients follow the instrument's queue and each submission, some taking
 * log batches as runs (`compact`, what the page asks for) and some one object per line. The server
 * coalesces each socket's frames of a tick into one write and reads the commits of a loop turn as one
 * page: every client must still get every event of its group once, in id order (as a replay from the
 * table has them), and the runs, expanded by the page's own code, must give exactly the stored lines.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { expandLogRuns } from '../../../src/forms/live/expandLogRuns';
import type { LiveEvent } from '../../../src/forms/live/index';
import {
  testerFetch as fetch,
  repoRoot,
  type ServerProcess,
  startServerProcess,
  submit,
  testerHeaders,
} from '../serverProcess';

const JOBS = 3;
let dir: string;
let goFile: string;
let server: ServerProcess;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'formulary-burst-'));
  const instruments = join(dir, 'instruments');
  mkdirSync(instruments);
  copyFileSync(
    join(repoRoot, 'test/server/fixtures/tiny.schema.json'),
    join(instruments, 'tiny.schema.json'),
  );
  goFile = join(dir, 'go');
  const ticker = join(repoRoot, 'bench/live/ticker.mjs');
  const config = join(dir, 'config.json');
  writeFileSync(
    config,
    JSON.stringify({
      jobs: {
        maxConcurrent: JOBS,
        jobsDir: join(dir, 'jobs'),
        tasks: {
          tiny: {
            command: [
              '{node}',
              ticker,
              '--wait',
              '60000',
              '--go',
              goFile,
              '--rate',
              '3000',
              '--seconds',
              '1',
            ],
            concurrency: JOBS,
          },
        },
      },
    }),
  );
  server = await startServerProcess({ db: join(dir, 'db.sqlite'), instruments, config });
}, 120_000);

afterAll(async () => {
  await server?.stop('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

interface Client {
  events(group: string): LiveEvent[];
  close(): void;
}

/** A client subscribed to `groups` (since 0), keeping every event per group as it arrived. */
async function follow(groups: string[], compact: boolean | undefined): Promise<Client> {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/live`, {
    headers: testerHeaders(server.url),
  });
  const got = new Map<string, LiveEvent[]>();
  let confirmed = 0;
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { type: string; group: string; event?: LiveEvent };
    if (message.type === 'subscribed') confirmed++;
    if (message.type !== 'event') return;
    const list = got.get(message.group) ?? [];
    list.push(message.event!);
    got.set(message.group, list);
  });
  await new Promise((done, fail) => {
    socket.once('open', done);
    socket.once('error', fail);
  });
  for (const group of groups) socket.send(JSON.stringify({ type: 'subscribe', group, since: 0, compact }));
  await until(() => confirmed === groups.length);
  return { events: (group) => got.get(group) ?? [], close: () => socket.close() };
}

async function until(check: () => boolean | Promise<boolean>, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ids = (events: LiveEvent[]) => events.map((e) => e.id);
const linesOf = (events: LiveEvent[]) =>
  events.flatMap((e) => (e.kind === 'log' ? (e.payload as { lines: unknown[] }).lines : []));

it('every client gets every event once and in order under a burst; runs expand to the stored lines', async () => {
  const submissions: string[] = [];
  for (let i = 0; i < JOBS; i++) {
    const response = await submit(server.url, 'tiny', JSON.stringify({ iptsNumber: 1, sample: `b${i}` }), {
      'idempotency-key': `burst-${Date.now()}-${i}`,
      'x-schema-version': '2',
    });
    expect(response.status).toBe(201);
    submissions.push(((await response.json()) as { id: string }).id);
  }
  const groups = ['instrument:tiny', ...submissions.map((id) => `submission:${id}`)];
  const compact = [await follow(groups, true), await follow(groups, true)];
  const verbose = await follow(groups, undefined);
  writeFileSync(goFile, '');
  const finished = async () => {
    const states = await Promise.all(
      submissions.map(async (id) => {
        const list = (await (await fetch(`${server.url}/api/submissions/${id}/jobs`)).json()) as {
          items: { state: string }[];
        };
        return list.items[0]?.state;
      }),
    );
    return states.every((s) => s === 'succeeded');
  };
  await until(finished);
  const replay = await follow(groups, false);
  // The replay is whole once it holds every job's final state (a job's last event).
  const succeeded = (events: LiveEvent[]) =>
    events.filter((e) => e.kind === 'state' && (e.payload as { state: string }).state === 'succeeded').length;
  await until(() =>
    groups.every((g) => succeeded(replay.events(g)) === (g.startsWith('instrument') ? JOBS : 1)),
  );
  // Everything stored is in the replay; the live clients have caught up when they hold as many.
  await until(() =>
    groups.every((g) => [...compact, verbose].every((c) => c.events(g).length >= replay.events(g).length)),
  );

  for (const group of groups) {
    const truth = ids(replay.events(group));
    expect(truth.length).toBeGreaterThan(JOBS);
    for (const client of [...compact, verbose]) expect(ids(client.events(group))).toEqual(truth);
  }
  for (const id of submissions) {
    const group = `submission:${id}`;
    const stored = linesOf(replay.events(group)) as { seq: number; text: string }[];
    // The ticker's 3,000 lines, numbered 1..n with no gap, plus the server's own lines.
    expect(stored.length).toBeGreaterThanOrEqual(3000);
    expect(stored.map((l) => l.seq)).toEqual(stored.map((_, i) => i + 1));
    for (const client of compact) {
      const wire = client.events(group).filter((e) => e.kind === 'log');
      // Sent as runs (the point of compact), read by the page's code as the stored lines.
      expect(wire.every((e) => Array.isArray((e.payload as { runs?: unknown }).runs))).toBe(true);
      expect(linesOf(client.events(group).map(expandLogRuns))).toEqual(stored);
    }
    expect(linesOf(verbose.events(group))).toEqual(stored);
  }
  for (const client of [...compact, verbose, replay]) client.close();
}, 120_000);
