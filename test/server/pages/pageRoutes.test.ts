/**
 * The server routes the pages read, through a real `formulary serve` on SQLite: the jobs of many
 * submissions in one read (the list's states), an attempt's curve while and after it is written, and
 * the `all` group with `kinds` (a list page follows states only) over WebSocket and SSE.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  repoRoot,
  type ServerProcess,
  startServerProcess,
  submit,
  testerFetch,
  testerHeaders,
} from '../serverProcess';

const example = readFileSync(join(repoRoot, 'examples/eqsans/average-protein-concentrations.json'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'formulary-page-routes-'));
let server: ServerProcess;

async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>, ms = 60_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface JobView {
  id: string;
  submissionId: string;
  state: string;
}

beforeAll(async () => {
  const instruments = join(dir, 'instruments');
  mkdirSync(instruments);
  for (const file of ['eqsans.schema.json', 'common.json'])
    copyFileSync(join(repoRoot, 'src/schemas/instruments', file), join(instruments, file));
  const config = join(dir, 'config.json');
  const simulator = join(repoRoot, 'examples/reduction-simulator/simulate.mjs');
  writeFileSync(
    config,
    JSON.stringify({
      jobs: {
        jobsDir: join(dir, 'jobs'),
        tasks: {
          eqsans: { command: ['{node}', simulator, '{requestFile}', '--seconds', '2'], curveFile: 'iq.csv' },
        },
      },
    }),
  );
  server = await startServerProcess({ db: join(dir, 'db.sqlite'), instruments, config });
}, 120_000);

afterAll(async () => {
  await server?.stop('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('routes for the pages', () => {
  it('follows "all" with kinds=state over WebSocket and SSE, reads many submissions\' jobs, and the curve', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/live`, {
      headers: testerHeaders(server.url),
    });
    const messages: { type: string; event?: { id: number; kind: string; submissionId: string } }[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    await new Promise((done, fail) => {
      socket.once('open', done);
      socket.once('error', fail);
    });
    socket.send(JSON.stringify({ type: 'subscribe', group: 'all', kinds: ['state'] }));
    socket.send(JSON.stringify({ type: 'subscribe', group: 'mine2', kinds: ['nope'] }));
    await until('subscribed', () => messages.some((m) => m.type === 'subscribed'));
    expect(messages.find((m) => m.type === 'error')).toMatchObject({
      detail: 'kinds must list some of "state", "log" and "curve"',
    });

    const ids: string[] = [];
    for (const n of [1, 2]) {
      const response = await submit(server.url, 'eqsans', example, {
        'idempotency-key': `pages-${n}-${Date.now()}`,
      });
      expect(response.status).toBe(201);
      ids.push(((await response.json()) as { id: string }).id);
    }
    const states = () => messages.filter((m) => m.type === 'event').map((m) => m.event!);
    await until('both succeeded', () =>
      ids.every((id) => states().filter((e) => e.submissionId === id).length === 3) ? true : undefined,
    );
    expect(states().every((e) => e.kind === 'state')).toBe(true);
    socket.close();

    const both = (await (
      await testerFetch(`${server.url}/api/jobs?submissions=${ids.join(',')}`)
    ).json()) as {
      items: JobView[];
    };
    expect(both.items.map((j) => j.submissionId).sort()).toEqual([...ids].sort());
    expect(both.items.every((j) => j.state === 'succeeded')).toBe(true);
    const tooMany = await testerFetch(
      `${server.url}/api/jobs?submissions=${Array.from({ length: 201 }, (_, i) => i).join(',')}`,
    );
    expect(tooMany.status).toBe(400);

    const curve = (await (await testerFetch(`${server.url}/api/jobs/${both.items[0]!.id}/curve`)).json()) as {
      complete: boolean;
      curves: { label: string; points: [number, number, number | null][] }[];
    };
    expect(curve.complete).toBe(true);
    expect(curve.curves.length).toBeGreaterThan(0);
    for (const [q, intensity] of curve.curves[0]!.points) {
      expect(q).toBeGreaterThan(0);
      expect(Number.isFinite(intensity)).toBe(true);
    }
    expect((await testerFetch(`${server.url}/api/jobs/nope/curve`)).status).toBe(404);

    // SSE resumes from Last-Event-ID and, with kinds=state, sends no log batch.
    const first = states()[0]!.id;
    const controller = new AbortController();
    const sse = await testerFetch(`${server.url}/api/live/sse?group=all&kinds=state`, {
      headers: { 'last-event-id': String(first) },
      signal: controller.signal,
    });
    const reader = sse.body!.getReader();
    let text = '';
    await until('the replay over SSE', async () => {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
      return (text.match(/^id: /gm) ?? []).length >= 5 ? true : undefined;
    });
    controller.abort();
    const sseIds = [...text.matchAll(/^id: (\d+)/gm)].map((m) => Number(m[1]));
    expect(sseIds).toEqual(
      states()
        .slice(1)
        .map((e) => e.id),
    );
    expect(text).not.toContain('event: log');
  }, 60_000);
});
