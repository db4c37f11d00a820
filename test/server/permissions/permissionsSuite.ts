/**
 * The permission matrix, written by hand (not derived from the rules under test): every route of the
 * service × every role, with the status each must get, through HTTP against a real server process,
 * once per back end. Roles sign in with their own API tokens (read + submit); what cookies add
 * (CSRF, session ids) is in securitySuite. Then the same for live subscriptions over WebSocket and
 * SSE: nobody watches another proposal's events.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openAccounts, readServerConfig } from '../../../src/server/index';
import { repoRoot, type ServerProcess, startServerProcess } from '../serverProcess';
import { describeDefaultsMatrix } from './defaultsMatrix';
import { expectStatuses, ROLES, type Role, type Row, row } from './roleRows';

export interface PermissionsDatabase {
  readonly db: string;
  drop(): Promise<void>;
}

const example = readFileSync(join(repoRoot, 'examples/eqsans/average-protein-concentrations.json'), 'utf8');
/** A request the demo reduction refuses (a transmission below 0.1): its job fails. */
const failing = (() => {
  const request = JSON.parse(example);
  request.job.scans[1].transmission.value = 0.05;
  return JSON.stringify(request);
})();

let keys = 0;
const key = () => `perm-${Date.now()}-${++keys}-${Math.random().toString(36).slice(2)}`;

export function describePermissions(name: string, database: () => Promise<PermissionsDatabase>): void {
  describe(`permissions on ${name}`, () => {
    let handle: PermissionsDatabase;
    let dir: string;
    let server: ServerProcess;
    const tokens = {} as Record<Role, string | null>;

    const call = (
      role: Role,
      method: string,
      path: string,
      body?: string,
      headers: Record<string, string> = {},
    ) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(tokens[role] ? { authorization: `Bearer ${tokens[role]}` } : {}),
          ...headers,
        },
        body,
      });
    const submitAs = (role: Role, body: string) =>
      call(role, 'POST', '/api/instruments/eqsans/submissions', body, {
        'idempotency-key': key(),
        'x-schema-version': '1',
      });
    const created = async (role: Role, body: string) => {
      const response = await submitAs(role, body);
      expect(response.status, await response.clone().text()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    /** The submission's first job once its state is one of `states` (as the admin reads it). */
    const jobOf = async (submission: string, states: string[]) => {
      const end = Date.now() + 90_000;
      for (;;) {
        const response = await call('admin', 'GET', `/api/submissions/${submission}/jobs`);
        const items = ((await response.json()) as { items: { id: string; state: string }[] }).items;
        if (items[0] && states.includes(items[0].state)) return items[0].id;
        const final = ['succeeded', 'failed', 'cancelled', 'timed_out', 'interrupted'];
        if (Date.now() > end || (items[0] && final.includes(items[0].state)))
          throw new Error(`job of ${submission}: ${JSON.stringify(items)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };

    let ok: string; // submitted by the scientist, IPTS-31204, its job succeeded
    let okJob: string;
    let failedJobs: Record<'scientist' | 'staff' | 'admin' | 'coMember', string>;

    beforeAll(async () => {
      handle = await database();
      dir = mkdtempSync(join(tmpdir(), 'formulary-permissions-'));
      const instruments = join(dir, 'instruments');
      mkdirSync(instruments);
      for (const file of ['eqsans.schema.json', 'biosans.schema.json', 'common.json'])
        copyFileSync(join(repoRoot, 'src/schemas/instruments', file), join(instruments, file));
      const config = join(dir, 'formulary.config.json');
      writeFileSync(
        config,
        JSON.stringify({
          jobs: {
            maxConcurrent: 4,
            jobsDir: join(dir, 'jobs'),
            tasks: {
              '*': {
                command: [
                  '{node}',
                  join(repoRoot, 'examples/reduction-simulator/simulate.mjs'),
                  '{requestFile}',
                  '--seconds',
                  '0',
                ],
                curveFile: 'reduced/iq.csv',
                concurrency: 4,
              },
            },
          },
        }),
      );
      // The people, through the service's own account code, before the server starts.
      const { auth, close } = await openAccounts(readServerConfig(config, { db: handle.db }, {}, repoRoot));
      const people: Record<Exclude<Role, 'anonymous'>, Parameters<typeof auth.addUser>[0]> = {
        scientist: { username: 'sci', proposals: ['IPTS-31204'] },
        coMember: { username: 'co', proposals: ['IPTS-31204', 'IPTS-1'] },
        otherScientist: { username: 'other', proposals: ['IPTS-31377'] },
        staff: { username: 'eqstaff', staffOf: ['eqsans'] },
        otherStaff: { username: 'biostaff', staffOf: ['biosans'] },
        admin: { username: 'boss', admin: true },
      };
      tokens.anonymous = null;
      for (const [role, person] of Object.entries(people)) {
        await auth.addUser(person);
        tokens[role as Role] = (
          await auth.issueToken(person.username, {
            label: role,
            scopes: ['read', 'submit'],
            expiresInDays: 1,
          })
        ).token;
      }
      await close();
      server = await startServerProcess({ db: handle.db, instruments, config });
      ok = await created('scientist', example);
      okJob = await jobOf(ok, ['succeeded']);
      failedJobs = {
        scientist: await jobOf(await created('scientist', failing), ['failed']),
        coMember: await jobOf(await created('scientist', failing), ['failed']),
        staff: await jobOf(await created('scientist', failing), ['failed']),
        admin: await jobOf(await created('scientist', failing), ['failed']),
      };
    }, 240_000);

    afterAll(async () => {
      await server?.stop('SIGTERM');
      await handle?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    // A table, one route a line: the status each role gets, in the column order of ROLES.
    // biome-ignore format: the columns line up
    const reads: [string, (id: string, job: string) => string, Row][] = [
      //                                                                                   anon sci  co   other staff oStaff admin
      ['GET submission',                  (id) => `/api/submissions/${id}`,                row(401, 200, 200, 404, 200, 404, 200)],
      ['GET submission request',          (id) => `/api/submissions/${id}/request`,        row(401, 200, 200, 404, 200, 404, 200)],
      ['GET submission jobs',             (id) => `/api/submissions/${id}/jobs`,           row(401, 200, 200, 404, 200, 404, 200)],
      ['GET job',                         (_, j) => `/api/jobs/${j}`,                      row(401, 200, 200, 404, 200, 404, 200)],
      ['GET job log',                     (_, j) => `/api/jobs/${j}/log`,                  row(401, 200, 200, 404, 200, 404, 200)],
      ['GET job log search',              (_, j) => `/api/jobs/${j}/log/search?q=a`,       row(401, 200, 200, 404, 200, 404, 200)],
      ['GET job log.txt',                 (_, j) => `/api/jobs/${j}/log.txt`,              row(401, 200, 200, 404, 200, 404, 200)],
      ['GET submissions list',            () => '/api/submissions',                        row(401, 200, 200, 200, 200, 200, 200)],
      ['GET instrument list',             () => '/api/instruments/eqsans/submissions',     row(401, 200, 200, 200, 200, 200, 200)],
      ['GET audit log',                   () => '/api/audit',                              row(401, 403, 403, 403, 403, 403, 200)],
      ['GET instruments',                 () => '/api/instruments',                        row(200, 200, 200, 200, 200, 200, 200)],
      ['GET schema',                      () => '/api/instruments/eqsans/schema',          row(200, 200, 200, 200, 200, 200, 200)],
      ['GET instrument defaults',         () => '/api/instruments/eqsans/defaults',        row(200, 200, 200, 200, 200, 200, 200)],
      ['GET instrument defaults history', () => '/api/instruments/eqsans/defaults/history', row(200, 200, 200, 200, 200, 200, 200)],
      ['GET missing submission',          () => '/api/submissions/no-such-id',             row(401, 404, 404, 404, 404, 404, 404)],
    ];

    it.each(reads)('%s', async (_name, path, expected) => {
      await expectStatuses(expected, ROLES, async (role) => {
        const response = await call(role, 'GET', path(ok, okJob));
        if (response.status >= 400) {
          expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          // A refusal of what exists reads exactly like what does not: nothing leaks.
          if (response.status === 404) expect(await response.text()).not.toContain('IPTS');
        }
        return response;
      });
    });

    it('lists only what each role may read', async () => {
      // prettier-ignore
      const sees: Record<Exclude<Role, 'anonymous'>, boolean> = {
        scientist: true,
        coMember: true,
        otherScientist: false,
        staff: true,
        otherStaff: false,
        admin: true,
      };
      for (const [role, expected] of Object.entries(sees)) {
        const all = (await (await call(role as Role, 'GET', '/api/submissions?limit=200')).json()) as {
          items: { id: string; proposal: string; instrument: string }[];
        };
        expect(
          all.items.some((s) => s.id === ok),
          role,
        ).toBe(expected);
        const byKey = (await (
          await call(role as Role, 'GET', '/api/instruments/eqsans/submissions?limit=200')
        ).json()) as {
          items: { id: string }[];
        };
        expect(
          byKey.items.some((s) => s.id === ok),
          role,
        ).toBe(expected);
      }
    });

    it("mine narrows the list to the asker's own submissions, among those they may read", async () => {
      const coOwn = await created('coMember', example);
      const ids = async (role: Role, query: string) => {
        const response = await call(role, 'GET', `/api/submissions?limit=200${query}`);
        expect(response.status, await response.clone().text()).toBe(200);
        return ((await response.json()) as { items: { id: string; submitter: string }[] }).items;
      };
      // Both read both (one proposal); each finds only their own under mine.
      for (const role of ['scientist', 'coMember'] as const) {
        const all = (await ids(role, '')).map((s) => s.id);
        expect(all).toEqual(expect.arrayContaining([ok, coOwn]));
        const mine = await ids(role, '&mine=true');
        const own = role === 'scientist' ? 'sci' : 'co';
        expect(mine.length).toBeGreaterThan(0);
        expect(mine.every((s) => s.submitter === own)).toBe(true);
        expect(mine.some((s) => s.id === (role === 'scientist' ? ok : coOwn))).toBe(true);
        expect(mine.some((s) => s.id === (role === 'scientist' ? coOwn : ok))).toBe(false);
        expect((await ids(role, '&mine=false')).map((s) => s.id)).toEqual(all);
      }
      // Staff and administrators read everyone's; mine is what they sent themselves (nothing here).
      expect((await ids('staff', '')).some((s) => s.id === coOwn)).toBe(true);
      expect(await ids('staff', '&mine=true')).toEqual([]);
      expect(await ids('admin', '&mine=true&instrument=eqsans')).toEqual([]);
      expect((await ids('admin', '&mine=true&submitter=boss')).length).toBe(0);
      const clash = await call('staff', 'GET', '/api/submissions?mine=true&submitter=sci');
      expect(clash.status).toBe(400);
      expect(((await clash.json()) as { detail: string }).detail).toMatch(/mine and submitter "sci"/);
      expect((await call('anonymous', 'GET', '/api/submissions?mine=true')).status).toBe(401);
      expect((await call('scientist', 'GET', '/api/submissions?mine=yes')).status).toBe(400);
    });

    it('submit: members of the named proposal and its instrument staff', async () => {
      await expectStatuses(row(401, 201, 201, 403, 201, 403, 201), ROLES, (role) => submitAs(role, example));
      const refused = await (await submitAs('otherScientist', example)).json();
      expect(refused.detail).toBe('you are not a member of IPTS-31204 nor eqsans staff');
    });

    it('cancel: the submitter and staff (409 once allowed: the job has ended)', async () => {
      await expectStatuses(row(401, 409, 403, 404, 409, 404, 409), ROLES, (role) =>
        call(role, 'POST', `/api/jobs/${okJob}/cancel`),
      );
    });

    it('re-run of a succeeded job: staff and admins; the submitter may not', async () => {
      // In the order of ROLES, staff goes first; the admin then finds the re-run attempt still active
      // (409: allowed, but busy).
      await expectStatuses(row(401, 403, 403, 404, 202, 404, 409), ROLES, (role) =>
        call(role, 'POST', `/api/jobs/${okJob}/rerun`),
      );
    });

    it('re-run of a failed job: also its submitter, never a co-member', async () => {
      const jobFor: Record<Role, string> = {
        anonymous: failedJobs.scientist,
        scientist: failedJobs.scientist,
        coMember: failedJobs.coMember,
        otherScientist: failedJobs.coMember,
        staff: failedJobs.staff,
        otherStaff: failedJobs.staff,
        admin: failedJobs.admin,
      };
      // The refused roles first, so each allowed one finds its job ended and re-runs it (202).
      const order = [
        'anonymous',
        'otherScientist',
        'otherStaff',
        'coMember',
        'scientist',
        'staff',
        'admin',
      ] as const;
      await expectStatuses(row(401, 202, 403, 404, 202, 404, 202), order, (role) =>
        call(role, 'POST', `/api/jobs/${jobFor[role]}/rerun`),
      );
    });

    it('batch re-run: administrators only', async () => {
      await jobOf(ok, ['succeeded']);
      await expectStatuses(row(401, 403, 403, 403, 403, 403, 202), ROLES, (role) =>
        call(role, 'POST', '/api/jobs/rerun', JSON.stringify({ jobIds: [okJob, 'nope'] })),
      );
    });

    it('the audit log names who did what', async () => {
      const log = (await (await call('admin', 'GET', '/api/audit?limit=500')).json()) as {
        items: { actor: string | null; action: string; target: string | null; outcome: string }[];
      };
      expect(log.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ actor: 'sci', action: 'submit', target: ok }),
          expect.objectContaining({ actor: 'eqstaff', action: 'rerun', target: okJob }),
          expect.objectContaining({ actor: 'boss', action: 'batch-rerun' }),
          expect.objectContaining({ actor: 'sci', action: 'rerun', target: failedJobs.scientist }),
        ]),
      );
      expect(log.items.some((e) => e.actor === 'other' && e.action === 'submit')).toBe(false);
    });

    describe('instrument defaults', () => describeDefaultsMatrix(() => call));

    describe('live subscriptions', () => {
      /** A WebSocket as `role`: the handshake's status, or the open socket with its messages. */
      const open = (role: Role) =>
        new Promise<{
          status: number;
          socket?: WebSocket;
          messages: { type: string; group?: string; event?: { submissionId: string } }[];
        }>((done) => {
          const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/live`, {
            headers: tokens[role] ? { authorization: `Bearer ${tokens[role]}` } : {},
          });
          const messages: { type: string; group?: string; event?: { submissionId: string } }[] = [];
          socket.on('message', (data) => messages.push(JSON.parse(String(data))));
          socket.once('open', () => done({ status: 101, socket, messages }));
          socket.once('unexpected-response', (_request, response) =>
            done({ status: response.statusCode ?? 0, messages }),
          );
        });
      const answerTo = async (
        socket: WebSocket,
        messages: { type: string; group?: string }[],
        group: string,
      ) => {
        socket.send(JSON.stringify({ type: 'subscribe', group, since: 0 }));
        const end = Date.now() + 20_000;
        for (;;) {
          const answer = messages.find(
            (m) => m.group === group && (m.type === 'subscribed' || m.type === 'error'),
          );
          if (answer) return answer.type;
          if (Date.now() > end) throw new Error(`no answer to ${group}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };

      it("WebSocket: a submission's events only for those who may read it", async () => {
        const expected = row('401', 'subscribed', 'subscribed', 'error', 'subscribed', 'error', 'subscribed');
        const got = {} as Row<string>;
        for (const role of ROLES) {
          const { status, socket, messages } = await open(role);
          if (!socket) {
            got[role] = String(status);
            continue;
          }
          got[role] = await answerTo(socket, messages, `submission:${ok}`);
          if (got[role] === 'subscribed') {
            const end = Date.now() + 20_000;
            while (!messages.some((m) => m.type === 'event') && Date.now() < end)
              await new Promise((r) => setTimeout(r, 50));
            expect(
              messages.some((m) => m.type === 'event'),
              role,
            ).toBe(true);
          } else {
            expect(messages.find((m) => m.type === 'error')).toMatchObject({
              detail: `no submission "${ok}"`,
            });
          }
          socket.close();
        }
        expect(got).toEqual(expected);
      });

      it('SSE: the same rule', async () => {
        await expectStatuses(row(401, 200, 200, 400, 200, 400, 200), ROLES, async (role) => {
          const response = await call(role, 'GET', `/api/live/sse?group=submission:${ok}&since=0`);
          // The stream stays open while allowed: only the status is wanted here.
          await response.body?.cancel();
          return response;
        });
      });

      it("instrument queue and 'mine': a scientist never receives another proposal's events, 'mine' only one's own", async () => {
        const watchers = {} as Record<
          'scientist' | 'otherScientist' | 'staff' | 'otherStaff',
          {
            socket: WebSocket;
            messages: { type: string; group?: string; event?: { submissionId: string } }[];
          }
        >;
        for (const role of ['scientist', 'otherScientist', 'staff', 'otherStaff'] as const) {
          const { socket, messages } = await open(role);
          watchers[role] = { socket: socket!, messages };
          expect(await answerTo(socket!, messages, 'instrument:eqsans')).toBe('subscribed');
          expect(await answerTo(socket!, messages, 'mine')).toBe('subscribed');
        }
        // One new submission each from the scientist (IPTS-31204) and the other scientist (IPTS-31377).
        const mineRequest = JSON.parse(example);
        const theirs = JSON.parse(example);
        theirs.iptsNumber = 'IPTS-31377';
        const a = await created('scientist', JSON.stringify(mineRequest));
        const b = await created('otherScientist', JSON.stringify(theirs));
        await jobOf(a, ['succeeded']);
        await jobOf(b, ['succeeded']);
        await new Promise((r) => setTimeout(r, 1000));
        const seen = (role: keyof typeof watchers, group: string) =>
          new Set(
            watchers[role].messages
              .filter((m) => m.type === 'event' && m.group === group)
              .map((m) => m.event!.submissionId),
          );
        // Replayed since 0: every event of the store passes through the same check.
        expect(seen('scientist', 'instrument:eqsans').has(a)).toBe(true);
        expect(seen('scientist', 'instrument:eqsans').has(b)).toBe(false);
        expect(seen('scientist', 'mine').has(a)).toBe(true);
        expect(seen('scientist', 'mine').has(b)).toBe(false);
        expect(seen('otherScientist', 'instrument:eqsans').has(a)).toBe(false);
        expect(seen('otherScientist', 'instrument:eqsans').has(ok)).toBe(false);
        expect(seen('otherScientist', 'mine').has(b)).toBe(true);
        expect([...seen('otherScientist', 'mine')]).toEqual([b]);
        expect(seen('staff', 'instrument:eqsans').has(a) && seen('staff', 'instrument:eqsans').has(b)).toBe(
          true,
        );
        expect(seen('otherStaff', 'instrument:eqsans').size).toBe(0);
        // Staff read both, but sent neither: their 'mine' is what they sent themselves.
        expect(seen('staff', 'mine').has(a) || seen('staff', 'mine').has(b)).toBe(false);
        for (const w of Object.values(watchers)) w.socket.close();
      }, 120_000);
    });
  });
}
