/**
 * A live client that stops reading (a stalled tab, a slow link) is disconnected once it leaves more
 * than the server's limit unread (here 64 kB, set by FORMULARY_LIVE_MAX_BUFFERED_BYTES), with close
 * code 1013; reconnecting with `since` it gets the rest: every log line of a chatty job exactly once.
 * A real `formulary serve` on SQLite, a real job printing 60,000 lines.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  repoRoot,
  type ServerProcess,
  startServerProcess,
  submit,
  testerFetch,
  testerHeaders,
} from '../serverProcess';

const LINES = 60_000;
const dir = mkdtempSync(join(tmpdir(), 'formulary-slow-client-'));
let server: ServerProcess;

beforeAll(async () => {
  const instruments = join(dir, 'instruments');
  mkdirSync(instruments);
  for (const file of ['eqsans.schema.json', 'common.json'])
    copyFileSync(join(repoRoot, 'src/schemas/instruments', file), join(instruments, file));
  const printer = `for (let i = 1; i <= ${LINES}; i++) console.log('line ' + i + ' ' + 'x'.repeat(60));`;
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({
      jobs: { jobsDir: join(dir, 'jobs'), tasks: { eqsans: { command: ['{node}', '-e', printer] } } },
    }),
  );
  server = await startServerProcess({
    db: join(dir, 'db.sqlite'),
    instruments,
    config: join(dir, 'config.json'),
    env: { FORMULARY_LIVE_MAX_BUFFERED_BYTES: String(64 * 1024) },
  });
}, 120_000);

afterAll(async () => {
  await server?.stop('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

interface Frame {
  type: string;
  event?: { id: number; kind: string; payload: { state?: string; lines?: { seq: number; text: string }[] } };
}

/** One connection from `since`; with `stall`, it stops reading until the server gives up on it. */
function follow(group: string, since: number, stall: boolean, onFrame: (f: Frame) => void) {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/live`, {
    headers: testerHeaders(server.url),
  });
  socket.on('open', () => {
    socket.send(JSON.stringify({ type: 'subscribe', group, since }));
    if (stall) {
      const tcp = (socket as unknown as { _socket: Socket })._socket;
      tcp.pause();
      setTimeout(() => tcp.resume(), 3000);
    }
  });
  socket.on('message', (data) => onFrame(JSON.parse(String(data))));
  return {
    closed: new Promise<number>((done) => socket.on('close', (code) => done(code))),
    close: () => socket.close(),
  };
}

it('disconnects a client that stopped reading; it resumes with since and gets every line once', async () => {
  const body = readFileSync(join(repoRoot, 'examples/eqsans/average-protein-concentrations.json'), 'utf8');
  const response = await submit(server.url, 'eqsans', body, { 'idempotency-key': `slow-${Date.now()}` });
  const { id } = (await response.json()) as { id: string };
  // Let the job finish, so the whole log (about 4 MB of events) is replayed in one burst.
  for (let i = 0; i < 600; i++) {
    const jobs = (await (await testerFetch(`${server.url}/api/submissions/${id}/jobs`)).json()) as {
      items: { state: string }[];
    };
    if (jobs.items[0]?.state === 'succeeded') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seqs: number[] = [];
  let lastId = 0;
  let finished = false;
  const codes: number[] = [];
  const onFrame = (frame: Frame) => {
    if (frame.type !== 'event' || !frame.event) return;
    lastId = frame.event.id;
    for (const line of frame.event.payload.lines ?? [])
      if (line.text.startsWith('line ')) seqs.push(line.seq);
    if (frame.event.payload.state === 'succeeded') finished = true;
  };
  const socketFor = (stall: boolean) => follow(`submission:${id}`, lastId, stall, onFrame);
  codes.push(await socketFor(true).closed);
  expect(codes[0]).toBe(1013);
  expect(finished).toBe(false);
  // Reading clients resume from the last id until the whole history has arrived.
  const whenFinished = async () => {
    while (!finished) await new Promise((r) => setTimeout(r, 50));
    return 0;
  };
  for (let round = 0; !finished && round < 50; round++) {
    const connection = socketFor(false);
    const code = await Promise.race([connection.closed, whenFinished()]);
    if (finished) connection.close();
    else codes.push(code);
  }
  expect(finished).toBe(true);
  const printed = seqs.length;
  expect(printed).toBe(LINES);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(new Set(seqs).size).toBe(LINES);
}, 180_000);
