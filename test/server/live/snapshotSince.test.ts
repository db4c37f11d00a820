/**
 * The page's protocol against a real server process (SQLite): a snapshot taken in the middle of a
 * chatty job, then the group followed since the snapshot's event id, gives every state and every log
 * line exactly once and in order, without the history before the snapshot arriving as events; the
 * runner's curve events arrive while the job writes its curve. Then the retention sweep (seconds, for
 * the test) removes the finished job's events: a resume from 0 gets the resync signal on WebSocket and
 * SSE, while a fresh snapshot still shows the whole log and a follow since its id is accepted.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { writeServerFolder } from '../serverFolder';
import {
  testerFetch as fetch,
  repoRoot,
  type ServerProcess,
  startServerProcess,
  submit,
  testerHeaders,
} from '../serverProcess';
import { chattyConfig } from './chattyConfig';

interface WireEvent {
  id: number;
  kind: 'state' | 'log' | 'curve';
  payload: { state?: string; lines?: { seq: number }[]; bytes?: number };
}
interface Message {
  type: string;
  group?: string;
  detail?: string;
  since?: number;
  horizon?: number;
  event?: WireEvent;
}
interface Snapshot {
  eventId: number;
  jobs: {
    id: string;
    state: string;
    attempts: { lines: number }[];
    transitions: { state: string }[];
    logs: { attempt: number; earlier: number; lines: { seq: number; text: string }[] }[];
  }[];
}

const LINES = 6000;
let server: ServerProcess;
const dir = mkdtempSync(join(tmpdir(), 'formulary-snapshot-'));
const example = readFileSync(join(repoRoot, 'examples/eqsans/average-protein-concentrations.json'), 'utf8');

beforeAll(async () => {
  const { instruments, config, db } = writeServerFolder(
    dir,
    chattyConfig(dir, { lines: LINES, steps: 6, pauseMs: 800, retentionSeconds: 2 }),
    ['eqsans.schema.json', 'common.json'],
  );
  server = await startServerProcess({ db, instruments, config });
}, 120_000);

afterAll(async () => {
  expect(await server?.stop('SIGTERM')).toBe(0);
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>, ms = 60_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function connect() {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/live`, {
    headers: testerHeaders(server.url),
  });
  const messages: Message[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  await new Promise((done, fail) => {
    socket.once('open', done);
    socket.once('error', fail);
  });
  return {
    messages,
    events: () => messages.filter((m) => m.type === 'event').map((m) => m.event!),
    subscribe: (group: string, since?: number) =>
      socket.send(JSON.stringify({ type: 'subscribe', group, since })),
    close: () => socket.close(),
  };
}

const snapshot = async (id: string, tail: number) => {
  const response = await fetch(`${server.url}/api/submissions/${id}/snapshot?tail=${tail}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Snapshot;
};

let submissionId = '';

it('a snapshot in the middle of a job, then events since its id: every line and state once, in order', async () => {
  const response = await submit(server.url, 'eqsans', example, { 'idempotency-key': `snap-${Date.now()}` });
  expect(response.status).toBe(201);
  submissionId = ((await response.json()) as { id: string }).id;
  const middle = await until('the job half-way', async () => {
    const snap = await snapshot(submissionId, 200);
    const job = snap.jobs[0];
    return job && job.state === 'running' && job.attempts[0]!.lines >= 2000 ? snap : undefined;
  });
  const live = await connect();
  live.subscribe(`submission:${submissionId}`, middle.eventId);
  await until('the job to succeed', () =>
    live.events().some((e) => e.kind === 'state' && e.payload.state === 'succeeded'),
  );
  const events = live.events();
  live.close();

  // Only what followed the snapshot, in increasing id order.
  const ids = events.map((e) => e.id);
  expect(ids[0]).toBeGreaterThan(middle.eventId);
  expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
  // The snapshot's tail and the events' lines join into 1..LINES+system lines, none twice.
  const [job] = middle.jobs;
  const log = job!.logs[0]!;
  expect(log.lines).toHaveLength(200);
  const tailSeqs = log.lines.map((l) => l.seq);
  expect(tailSeqs[0]).toBe(log.earlier + 1);
  const eventSeqs = events.flatMap((e) => e.payload.lines?.map((l) => l.seq) ?? []);
  const final = (await (await fetch(`${server.url}/api/submissions/${submissionId}/jobs`)).json()) as {
    items: { attempts: { lines: number }[] }[];
  };
  const stored = final.items[0]!.attempts[0]!.lines;
  expect(stored).toBeGreaterThan(LINES);
  expect([...tailSeqs, ...eventSeqs]).toEqual(
    Array.from({ length: stored - log.earlier }, (_, i) => log.earlier + i + 1),
  );
  // The history before the snapshot did not come as events: at least 1,800 lines were never sent.
  expect(log.earlier).toBeGreaterThanOrEqual(1800);
  // States: the snapshot's plus the events', once each.
  const states = [
    ...job!.transitions.map((t) => t.state),
    ...events.filter((e) => e.kind === 'state').map((e) => e.payload.state),
  ];
  expect(states).toEqual(['queued', 'running', 'succeeded']);
  // The runner announced the growing curve file, before the final state.
  const curves = events.filter((e) => e.kind === 'curve');
  expect(curves.length).toBeGreaterThanOrEqual(2);
  expect(ids.indexOf(curves.at(-1)!.id)).toBeLessThan(ids.length - 1);
  const sizes = curves.map((e) => e.payload.bytes!);
  expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
}, 120_000);

it('after the retention sweep, a resume from 0 gets the resync signal; a fresh snapshot still has the whole log', async () => {
  expect(submissionId).not.toBe('');
  const group = `submission:${submissionId}`;
  const resync = await until(
    'the sweep',
    async () => {
      const client = await connect();
      client.subscribe(group, 0);
      const answer = await until('an answer', () =>
        client.messages.find((m) => m.type === 'resync' || m.type === 'event'),
      );
      client.close();
      return answer.type === 'resync' ? answer : undefined;
    },
    30_000,
  );
  expect(resync).toMatchObject({ type: 'resync', group, since: 0 });
  expect(resync.horizon).toBeGreaterThan(0);
  expect(resync.detail).toMatch(/no longer kept: reload the snapshot/);

  // SSE: the same signal as an event, then the stream ends.
  const sse = await fetch(`${server.url}/api/live/sse?group=${encodeURIComponent(group)}&since=0`);
  const text = await sse.text();
  expect(text).toMatch(/^event: resync$/m);
  expect(JSON.parse(/^data: (.*)$/m.exec(text.slice(text.indexOf('event: resync')))![1]!)).toMatchObject({
    type: 'resync',
    horizon: resync.horizon,
  });

  // Nothing the page shows is lost: the snapshot has every line and state; following since it works.
  const fresh = await snapshot(submissionId, 20_000);
  expect(fresh.eventId).toBeGreaterThanOrEqual(resync.horizon!);
  expect(fresh.jobs[0]!.transitions.map((t) => t.state)).toEqual(['queued', 'running', 'succeeded']);
  expect(fresh.jobs[0]!.logs[0]!.earlier).toBe(0);
  expect(fresh.jobs[0]!.logs[0]!.lines.length).toBe(fresh.jobs[0]!.attempts[0]!.lines);
  const follower = await connect();
  follower.subscribe(group, fresh.eventId);
  await until('subscribed', () => follower.messages.some((m) => m.type === 'subscribed'));
  await new Promise((r) => setTimeout(r, 300));
  expect(follower.messages.map((m) => m.type)).toEqual(['subscribed']);
  follower.close();
}, 90_000);
