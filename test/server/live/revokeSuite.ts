/**
 * Open live sockets follow the user's current rights, through real server processes and `formulary
 * users` as its own process: a sign-out or a revoked API token closes the socket with code 4401 and
 * a reason; an administrator taking a user off an instrument's team ends their subscription to that
 * instrument's queue (a message naming it, then not one more of its events) while their "mine" keeps
 * receiving.
 * With two processes (PostgreSQL) the socket is held by the process that did not make the change.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openAccounts, readServerConfig } from '../../../src/server/index';
import { repoRoot, type ServerProcess, startServerProcess, submit } from '../serverProcess';

interface Message {
  type: string;
  group?: string;
  detail?: string;
  event?: { id: number; submissionId: string; kind: string; payload: { state?: string } };
}

const example = readFileSync(join(repoRoot, 'examples/eqsans/average-protein-concentrations.json'), 'utf8');
/** Where a job's state stops (the demo job's outcome is not what is tested here). */
const TERMINAL = ['succeeded', 'failed'];
const PASSWORD = 'revoke-test-password-1';

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A WebSocket client with the given headers that keeps every message and how it closed. */
async function connect(url: string, headers: Record<string, string>) {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/api/live`, { headers });
  const messages: Message[] = [];
  let closed: { code: number; reason: string } | undefined;
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  socket.on('close', (code, reason) => {
    closed = { code, reason: String(reason) };
  });
  await new Promise((done, fail) => {
    socket.once('open', done);
    socket.once('error', fail);
  });
  return {
    messages,
    closed: () => closed,
    subscribe: (group: string) => socket.send(JSON.stringify({ type: 'subscribe', group })),
    close: () => socket.close(),
  };
}

export function describeRevocation(
  name: string,
  database: () => Promise<{ db: string; drop(): Promise<void> }>,
  processes: 1 | 2,
) {
  describe(`live sockets follow rights on ${name} with ${processes} server process(es)`, () => {
    let dir: string;
    let handle: { db: string; drop(): Promise<void> };
    const servers: ServerProcess[] = [];
    const users = (args: string[]) =>
      spawnSync(process.execPath, [join(repoRoot, 'bin/formulary.js'), 'users', ...args, '--db', handle.db], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, FORMULARY_CLI_FROM_SOURCE: '1', DATABASE_URL: '' },
      });

    beforeAll(async () => {
      handle = await database();
      dir = mkdtempSync(join(tmpdir(), 'formulary-revoke-'));
      const instruments = join(dir, 'instruments');
      mkdirSync(instruments);
      for (const file of ['eqsans.schema.json', 'common.json'])
        copyFileSync(join(repoRoot, 'src/schemas/instruments', file), join(instruments, file));
      const { auth, close } = await openAccounts(
        readServerConfig(undefined, { db: handle.db }, {}, repoRoot),
      );
      try {
        await auth.addUser({ username: 'dana', password: PASSWORD, proposals: ['IPTS-31204'] });
        await auth.addUser({ username: 'erin', password: PASSWORD, staffOf: ['eqsans'] });
      } finally {
        await close();
      }
      for (let i = 0; i < processes; i++) {
        const config = join(dir, `config-${i}.json`);
        const simulator = join(repoRoot, 'examples/reduction-simulator/simulate.mjs');
        writeFileSync(
          config,
          JSON.stringify({
            jobs: {
              jobsDir: join(dir, `jobs-${i}`),
              tasks: { eqsans: { command: ['{node}', simulator, '{requestFile}', '--seconds', '1'] } },
            },
          }),
        );
        servers.push(
          await startServerProcess({
            db: handle.db,
            instruments,
            config,
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

    /** Signs in at `url`; the Cookie header and CSRF token of the session. */
    const signIn = async (url: string, username: string) => {
      const response = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      const cookie = response.headers
        .getSetCookie()
        .map((line) => line.split(';', 1)[0])
        .join('; ');
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      return { cookie, csrfToken };
    };

    it('closes the socket of a session that signs out, with code 4401 and a reason', async () => {
      const changer = servers[0]!;
      const holder = servers.at(-1)!; // with two processes: not the one that signs out
      const session = await signIn(changer.url, 'dana');
      const live = await connect(holder.url, { cookie: session.cookie });
      live.subscribe('mine');
      await until('subscribed', () => live.messages.some((m) => m.type === 'subscribed'));
      const out = await fetch(`${changer.url}/api/auth/logout`, {
        method: 'POST',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      });
      expect(out.status).toBe(204);
      await until('the socket closed', () => live.closed() !== undefined);
      expect(live.closed()).toEqual({ code: 4401, reason: 'signed out: the session ended' });
    }, 60_000);

    it('closes the socket of an API token revoked through another process, with 4401 and the reason', async () => {
      const changer = servers[0]!;
      const holder = servers.at(-1)!;
      const session = await signIn(changer.url, 'dana');
      const issued = await fetch(`${changer.url}/api/auth/tokens`, {
        method: 'POST',
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrfToken,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ label: 'beamline script', scopes: ['read'], expiresInDays: 1 }),
      });
      expect(issued.status, await issued.clone().text()).toBe(201);
      const { id, token } = (await issued.json()) as { id: string; token: string };
      const live = await connect(holder.url, { authorization: `Bearer ${token}` });
      live.subscribe('all');
      await until('subscribed', () => live.messages.some((m) => m.type === 'subscribed'));
      const revoked = await fetch(`${changer.url}/api/auth/tokens/${id}`, {
        method: 'DELETE',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      });
      expect(revoked.status).toBe(204);
      await until('the socket closed', () => live.closed() !== undefined);
      expect(live.closed()).toEqual({ code: 4401, reason: 'this API token was revoked' });
    }, 60_000);

    it('ends the instrument subscription of a user taken off its team; their other group keeps receiving', async () => {
      const holder = servers.at(-1)!;
      const session = await signIn(holder.url, 'erin');
      const live = await connect(holder.url, { cookie: session.cookie });
      live.subscribe('instrument:eqsans');
      live.subscribe('mine');
      await until(
        'two subscriptions',
        () => live.messages.filter((m) => m.type === 'subscribed').length === 2,
      );
      // Someone else's submission: erin, staff, sees it on the instrument's queue.
      const before = await submit(servers[0]!.url, 'eqsans', example, {
        'idempotency-key': `rv-${Date.now()}-a`,
      });
      expect(before.status).toBe(201);
      const first = ((await before.json()) as { id: string }).id;
      await until('the queue shows it', () =>
        live.messages.some((m) => m.group === 'instrument:eqsans' && m.event?.submissionId === first),
      );

      // The administrator takes erin off the eqsans team (and makes her a member of the proposal).
      const change = users(['set', 'erin', '--staff', 'biosans', '--proposal', 'IPTS-31204']);
      expect(change.status, change.stderr).toBe(0);
      await until('the subscription ended', () =>
        live.messages.some((m) => m.type === 'ended' && m.group === 'instrument:eqsans'),
      );
      const ended = live.messages.findIndex((m) => m.type === 'ended');
      expect(live.messages[ended]!.detail).toContain('"instrument:eqsans"');

      // Erin submits as a proposal member; "mine" follows it to the end, the queue sends nothing more.
      const own = await fetch(`${holder.url}/api/instruments/eqsans/submissions`, {
        method: 'POST',
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrfToken,
          'content-type': 'application/json',
          'x-schema-version': '1',
          'idempotency-key': `rv-${Date.now()}-b`,
        },
        body: example,
      });
      expect(own.status, await own.clone().text()).toBe(201);
      const mine = ((await own.json()) as { id: string }).id;
      await until('"mine" follows erin\'s job to the end', () =>
        live.messages.some(
          (m) =>
            m.group === 'mine' &&
            m.event?.submissionId === mine &&
            TERMINAL.includes(m.event.payload.state ?? ''),
        ),
      );
      expect(live.messages.slice(ended).filter((m) => m.group === 'instrument:eqsans')).toEqual([
        live.messages[ended],
      ]);
      const states = live.messages
        .filter((m) => m.group === 'mine' && m.event?.submissionId === mine && m.event.kind === 'state')
        .map((m) => m.event!.payload.state);
      expect(states.slice(0, 2)).toEqual(['queued', 'running']);
      expect(states).toHaveLength(3);
      const ids = live.messages.filter((m) => m.group === 'mine' && m.event).map((m) => m.event!.id);
      expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
      expect(live.closed()).toBeUndefined();
      live.close();
    }, 90_000);
  });
}
