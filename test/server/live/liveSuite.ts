/**
 * Live events through real server processes. A WebSocket client follows an instrument's queue and a
 * submission while an EQSANS example runs; it must get every stored event once, in id order; a
 * reconnect with "since" gets exactly what followed; SSE with Last-Event-ID does the same. With two
 * processes (PostgreSQL), the client is connected to the process that did not run the job, so the
 * events reach it through LISTEN/NOTIFY.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  testerFetch as fetch,
  repoRoot,
  type ServerProcess,
  startServerProcess,
  submit,
  testerHeaders,
} from '../serverProcess';

interface WireEvent {
  id: number;
  submissionId: string;
  kind: 'state' | 'log';
  payload: { state?: string; lines?: { seq: number }[] };
}
interface Message {
  type: string;
  group?: string;
  detail?: string;
  event?: WireEvent;
}

const example = readFileSync(join(repoRoot, 'examples/eqsans/average-protein-concentrations.json'), 'utf8');

/** A WebSocket client that keeps every message. */
async function connect(url: string) {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/api/live`, { headers: testerHeaders(url) });
  const messages: Message[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  await new Promise((done, fail) => {
    socket.once('open', done);
    socket.once('error', fail);
  });
  const events = (group: string) =>
    messages.filter((m) => m.type === 'event' && m.group === group).map((m) => m.event!);
  return {
    messages,
    events,
    subscribe: (group: string, since?: number) =>
      socket.send(JSON.stringify({ type: 'subscribe', group, since })),
    close: () => socket.close(),
  };
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const finished = (events: WireEvent[]) =>
  events.some((e) => e.kind === 'state' && e.payload.state === 'succeeded');

export function describeLive(
  name: string,
  database: () => Promise<{ db: string; drop(): Promise<void> }>,
  processes: 1 | 2,
) {
  describe(`live events on ${name} with ${processes} server process(es)`, () => {
    let dir: string;
    let handle: { db: string; drop(): Promise<void> };
    const servers: ServerProcess[] = [];

    beforeAll(async () => {
      handle = await database();
      dir = mkdtempSync(join(tmpdir(), 'formulary-live-'));
      const instruments = join(dir, 'instruments');
      mkdirSync(instruments);
      for (const file of ['eqsans.schema.json', 'common.json'])
        copyFileSync(join(repoRoot, 'src/schemas/instruments', file), join(instruments, file));
      const configFor = (i: number) => {
        const file = join(dir, `config-${i}.json`);
        const simulator = join(repoRoot, 'examples/reduction-simulator/simulate.mjs');
        writeFileSync(
          file,
          JSON.stringify({
            jobs: {
              jobsDir: join(dir, `jobs-${i}`),
              tasks: {
                eqsans: {
                  command: ['{node}', simulator, '{requestFile}', '--seconds', '1'],
                  curveFile: 'iq.csv',
                },
              },
            },
          }),
        );
        return file;
      };
      for (let i = 0; i < processes; i++) {
        servers.push(
          await startServerProcess({
            db: handle.db,
            instruments,
            config: configFor(i),
            env: { FORMULARY_RUNNER_ID: `runner-${i}` },
          }),
        );
      }
    }, 120_000);
    afterAll(async () => {
      for (const server of servers) await server.stop('SIGTERM');
      await handle?.drop();
      rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    it('delivers every event of a group once and in order, live, and again after a reconnect with since', async () => {
      const watcher = servers.at(-1)!; // with two processes: not the one that receives the submission
      const live = await connect(watcher.url);
      live.subscribe('instrument:eqsans');
      await until('subscribed', () => live.messages.some((m) => m.type === 'subscribed'));
      const response = await submit(servers[0]!.url, 'eqsans', example, {
        'idempotency-key': `live-${Date.now()}`,
      });
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as { id: string };
      const group = `submission:${id}`;
      await until('the job to succeed', () => finished(live.events('instrument:eqsans')));
      const seen = live.events('instrument:eqsans').filter((e) => e.submissionId === id);
      live.close();

      // The whole history of the submission, replayed from the start.
      const replay = await connect(watcher.url);
      replay.subscribe(group, 0);
      await until('the replay', () => finished(replay.events(group)));
      const all = replay.events(group);
      expect(all.map((e) => e.id)).toEqual(seen.map((e) => e.id));
      const ids = all.map((e) => e.id);
      expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
      expect(all.filter((e) => e.kind === 'state').map((e) => e.payload.state)).toEqual([
        'queued',
        'running',
        'succeeded',
      ]);
      const seqs = all.flatMap((e) => e.payload.lines?.map((l) => l.seq) ?? []);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));

      // A reconnect that saw up to the third event gets exactly the rest.
      const resumed = await connect(watcher.url);
      resumed.subscribe(group, all[2]!.id);
      await until('the resumed replay', () => finished(resumed.events(group)));
      await new Promise((r) => setTimeout(r, 300));
      expect(resumed.events(group).map((e) => e.id)).toEqual(ids.slice(3));

      // A group that cannot be followed is refused with a reason.
      resumed.subscribe('submission:nope');
      resumed.subscribe('instrument:nope');
      await until('two refusals', () => resumed.messages.filter((m) => m.type === 'error').length === 2);
      // The two checks answer in either order (one reads the database).
      const refusals = resumed.messages
        .filter((m) => m.type === 'error')
        .map((m) => `${m.group}: ${m.detail}`);
      expect(refusals.sort()).toEqual([
        'instrument:nope: no instrument "nope"',
        'submission:nope: no submission "nope"',
      ]);
      replay.close();
      resumed.close();

      // Server-Sent Events with Last-Event-ID: the same rest, with ids.
      const controller = new AbortController();
      const sse = await fetch(`${watcher.url}/api/live/sse?group=${encodeURIComponent(group)}`, {
        headers: { 'last-event-id': String(all[2]!.id) },
        signal: controller.signal,
      });
      expect(sse.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = sse.body!.getReader();
      let text = '';
      const decoder = new TextDecoder();
      while ((text.match(/^id: /gm) ?? []).length < ids.length - 3) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      controller.abort();
      expect([...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]))).toEqual(ids.slice(3));
      const refused = await fetch(`${watcher.url}/api/live/sse?group=submission:nope`);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }, 120_000);
  });
}
