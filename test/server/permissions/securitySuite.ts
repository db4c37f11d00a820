/**
 * The security cases of the permissions issue, through HTTP against a real server process, once per
 * back end: sessions (cookie flags, a new id at sign-in, sign-out), CSRF (a cookie-authenticated
 * request from another origin without the token is refused), lock-out and the login rate limit,
 * API tokens (wrong scope, expired, revoked, never shown again), and single sign-on headers
 * (honoured from the configured proxy, 127.0.0.2 here; ignored and logged from anyone else), and
 * a token two processes hold resolved, refused by both after a change made anywhere.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccounts, readServerConfig } from '../../../src/server/index';
import { repoRoot, type ServerProcess, startServerProcess } from '../serverProcess';
import { httpFrom } from './httpFrom';

/** One statement run past the service, as an operator would in sqlite3 or psql. */
async function rawSql(db: string, statement: string): Promise<void> {
  if (/^postgres(?:ql)?:\/\//i.test(db)) {
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
    return;
  }
  const sqlite = new Database(db);
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.exec(statement);
  } finally {
    sqlite.close();
  }
}

export interface SecurityDatabase {
  readonly db: string;
  drop(): Promise<void>;
}

const example = readFileSync(join(repoRoot, 'examples/eqsans/average-protein-concentrations.json'), 'utf8');
const PASSWORD = 'correct horse battery';
let keys = 0;
const key = () => `sec-${Date.now()}-${++keys}`;

export function describeSecurity(name: string, database: () => Promise<SecurityDatabase>): void {
  describe(`security on ${name}`, () => {
    let handle: SecurityDatabase;
    let dir: string;
    let server: ServerProcess;
    let config: string;

    const login = (username: string, password = PASSWORD, from = '127.0.0.1', cookie?: string) =>
      httpFrom(`${server.url}/api/auth/login`, {
        method: 'POST',
        from,
        body: JSON.stringify({ username, password }),
        headers: cookie ? { cookie } : {},
      });
    const cookieOf = (answer: { cookies: Record<string, string> }) =>
      Object.entries(answer.cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');

    beforeAll(async () => {
      handle = await database();
      dir = mkdtempSync(join(tmpdir(), 'formulary-security-'));
      config = join(dir, 'formulary.config.json');
      writeFileSync(
        config,
        JSON.stringify({
          server: {
            auth: {
              lockout: { failures: 3, minutes: 1 },
              loginRateLimit: { max: 12, windowSeconds: 60 },
              sso: { proxies: ['127.0.0.2'], userHeader: 'X-Remote-User', groupsHeader: 'X-Remote-Groups' },
              groups: { sns_eqsans_team: 'staff:eqsans', formulary_admins: 'admin' },
            },
          },
          jobs: { jobsDir: join(dir, 'jobs') },
        }),
      );
      const { auth, close } = await openAccounts(readServerConfig(config, { db: handle.db }, {}, repoRoot));
      await auth.addUser({ username: 'sci', password: PASSWORD, proposals: ['IPTS-31204'] });
      await auth.addUser({ username: 'lock', password: PASSWORD });
      await auth.addUser({ username: 'gone', password: PASSWORD, proposals: ['IPTS-31204'] });
      await auth.addUser({ username: 'stf', password: PASSWORD, staffOf: ['staffy'] });
      await close();
      const instruments = join(dir, 'instruments');
      mkdirSync(instruments);
      for (const file of ['eqsans.schema.json', 'common.json'])
        copyFileSync(join(repoRoot, 'src/schemas/instruments', file), join(instruments, file));
      copyFileSync(
        join(repoRoot, 'test/server/fixtures/staffy.schema.json'),
        join(instruments, 'staffy.schema.json'),
      );
      server = await startServerProcess({ db: handle.db, config, instruments });
    }, 120_000);

    afterAll(async () => {
      await server?.stop('SIGTERM');
      await handle?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    it('sign-in sets an HttpOnly, SameSite=Lax session cookie with a new id each time', async () => {
      const first = await login('sci');
      expect(first.status).toBe(200);
      const line = first.setCookie.find((c) => c.startsWith('formulary_session='))!;
      expect(line).toMatch(/; HttpOnly/);
      expect(line).toMatch(/; SameSite=Lax/);
      // Served over plain http on loopback: not Secure (it would never be sent back); over https it is.
      expect(line).not.toMatch(/; Secure/);
      const id1 = first.cookies.formulary_session!;
      // Signing in again while holding the old cookie: a different id, and the old one is dead.
      const second = await login('sci', PASSWORD, '127.0.0.1', `formulary_session=${id1}`);
      const id2 = second.cookies.formulary_session!;
      expect(id2).toBeDefined();
      expect(id2.split('.')[0]).not.toBe(id1.split('.')[0]);
      const old = await httpFrom(`${server.url}/api/auth/session`, {
        headers: { cookie: `formulary_session=${id1}` },
      });
      expect(old.json<{ user: unknown }>().user).toBeNull();
      const now = await httpFrom(`${server.url}/api/auth/session`, {
        headers: { cookie: `formulary_session=${id2}` },
      });
      expect(now.json<{ user: { username: string } }>().user.username).toBe('sci');
      // Signing out ends it on the server, not only in the browser.
      const csrf = now.json<{ csrfToken: string }>().csrfToken;
      const out = await httpFrom(`${server.url}/api/auth/logout`, {
        method: 'POST',
        headers: { cookie: `formulary_session=${id2}`, 'x-csrf-token': csrf },
      });
      expect(out.status).toBe(204);
      const after = await httpFrom(`${server.url}/api/auth/session`, {
        headers: { cookie: `formulary_session=${id2}` },
      });
      expect(after.json<{ user: unknown }>().user).toBeNull();
    });

    it('a cookie-authenticated POST from another origin without the CSRF token is refused', async () => {
      const signedIn = await login('sci');
      const cookie = cookieOf(signedIn);
      const csrf = signedIn.json<{ csrfToken: string }>().csrfToken;
      const attempt = (headers: Record<string, string>) =>
        httpFrom(`${server.url}/api/instruments/eqsans/submissions`, {
          method: 'POST',
          body: example,
          headers: { 'idempotency-key': key(), 'x-schema-version': '1', ...headers },
        });
      // What a page on evil.example can make the browser send: the cookie rides along, no token.
      const forged = await attempt({ cookie, origin: 'https://evil.example' });
      expect(forged.status).toBe(403);
      expect(forged.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(forged.json().type).toBe('https://formulary.dev/problems/csrf');
      const wrong = await attempt({ cookie, 'x-csrf-token': 'made-up' });
      expect(wrong.status).toBe(403);
      // The portal, which can read the formulary_csrf cookie, sends the token.
      expect(signedIn.cookies.formulary_csrf).toBe(csrf);
      const honest = await attempt({ cookie, 'x-csrf-token': csrf });
      expect(honest.status, honest.text).toBe(201);
      // Nothing was stored for the refused ones.
      const list = await httpFrom(`${server.url}/api/submissions`, { headers: { cookie } });
      expect(list.json<{ items: unknown[] }>().items).toHaveLength(1);
      // A WebSocket handshake from another origin riding the cookie is refused too.
      const ws = await httpFrom(`${server.url}/api/live`, {
        headers: {
          cookie,
          origin: 'https://evil.example',
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      });
      expect(ws.status).toBe(403);
    });

    it('locks an account after repeated wrong passwords, for a while', async () => {
      expect((await login('lock', 'wrong password 1')).status).toBe(401);
      expect((await login('lock', 'wrong password 2')).status).toBe(401);
      const third = await login('lock', 'wrong password 3');
      expect(third.status).toBe(429);
      expect(third.json().type).toBe('https://formulary.dev/problems/account-locked');
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      // Even the right password waits until the lock ends.
      expect((await login('lock')).status).toBe(429);
    }, 30_000);

    it('rate-limits sign-in attempts per address before checking any password', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 13; i++)
        statuses.push((await login('nobody', 'whatever it is', '127.0.0.3')).status);
      expect(statuses.slice(0, 12)).toEqual(Array(12).fill(401));
      expect(statuses[12]).toBe(429);
      // Another address is not affected.
      expect((await login('sci', PASSWORD, '127.0.0.4')).status).toBe(200);
    }, 60_000);

    it('API tokens: shown once, scoped, expiring, revocable', async () => {
      const cookie = cookieOf(await login('sci'));
      const session = await httpFrom(`${server.url}/api/auth/session`, { headers: { cookie } });
      const csrf = session.json<{ csrfToken: string }>().csrfToken;
      const issue = (body: object) =>
        httpFrom(`${server.url}/api/auth/tokens`, {
          method: 'POST',
          body: JSON.stringify(body),
          headers: { cookie, 'x-csrf-token': csrf },
        });
      const readOnly = await issue({ label: 'plots', scopes: ['read'], expiresInDays: 1 });
      expect(readOnly.status).toBe(201);
      const token = readOnly.json<{ token: string; id: string }>();
      expect(token.token).toMatch(/^fmy_/);
      // Listed without the secret.
      const listed = await httpFrom(`${server.url}/api/auth/tokens`, { headers: { cookie } });
      expect(listed.text).not.toContain(token.token);
      expect(listed.text).toContain(token.id);
      const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
      expect((await httpFrom(`${server.url}/api/submissions`, { headers: bearer(token.token) })).status).toBe(
        200,
      );
      // Wrong scope: a read token cannot submit.
      const submitWithRead = await httpFrom(`${server.url}/api/instruments/eqsans/submissions`, {
        method: 'POST',
        body: example,
        headers: { ...bearer(token.token), 'idempotency-key': key(), 'x-schema-version': '1' },
      });
      expect(submitWithRead.status).toBe(403);
      expect(submitWithRead.json().detail).toMatch(/scopes read, not "submit"/);
      // A token cannot mint tokens.
      const mint = await httpFrom(`${server.url}/api/auth/tokens`, {
        method: 'POST',
        body: JSON.stringify({ scopes: ['read'], expiresInDays: 1 }),
        headers: bearer(token.token),
      });
      expect(mint.status).toBe(403);
      // Expired: issued for about a second.
      const brief = (await issue({ scopes: ['read', 'submit'], expiresInDays: 1 / 86_400 })).json<{
        token: string;
      }>();
      await new Promise((r) => setTimeout(r, 1500));
      const expired = await httpFrom(`${server.url}/api/submissions`, { headers: bearer(brief.token) });
      expect(expired.status).toBe(401);
      expect(expired.json().detail).toMatch(/expired/);
      // A made-up token and a tampered one.
      expect((await httpFrom(`${server.url}/api/submissions`, { headers: bearer('nonsense') })).status).toBe(
        401,
      );
      const tampered = `${token.token.slice(0, -2)}${token.token.endsWith('AA') ? 'BB' : 'AA'}`;
      expect((await httpFrom(`${server.url}/api/submissions`, { headers: bearer(tampered) })).status).toBe(
        401,
      );
      // Revoked.
      const revoke = await httpFrom(`${server.url}/api/auth/tokens/${token.id}`, {
        method: 'DELETE',
        headers: { cookie, 'x-csrf-token': csrf },
      });
      expect(revoke.status).toBe(204);
      const revoked = await httpFrom(`${server.url}/api/submissions`, { headers: bearer(token.token) });
      expect(revoked.status).toBe(401);
      expect(revoked.json().detail).toMatch(/revoked/);
    }, 30_000);

    it('a token two server processes resolved before is refused by both once revoked, disabled or changed anywhere', async () => {
      // Each process keeps what a token resolved to while the principals' generation (migration 0007)
      // stands still: the changes below come from three other writers, and each counts at once.
      const { auth, close } = await openAccounts(readServerConfig(config, { db: handle.db }, {}, repoRoot));
      const second = await startServerProcess({
        db: handle.db,
        config,
        instruments: join(dir, 'instruments'),
      });
      try {
        await auth.addUser({ username: 'cachey', proposals: ['IPTS-31204'] });
        const issue = async () =>
          (await auth.issueToken('cachey', { label: 'cache', scopes: ['read', 'submit'], expiresInDays: 1 }))
            .token;
        const [viaShell, viaSql, viaMembership] = [await issue(), await issue(), await issue()];
        const status = async (origin: string, token: string) =>
          (await httpFrom(`${origin}/api/submissions`, { headers: { authorization: `Bearer ${token}` } }))
            .status;
        const submit = async (origin: string, token: string) =>
          (
            await httpFrom(`${origin}/api/instruments/eqsans/submissions`, {
              method: 'POST',
              body: example,
              headers: {
                authorization: `Bearer ${token}`,
                'idempotency-key': key(),
                'x-schema-version': '1',
              },
            })
          ).status;
        // Resolved (and kept) by both processes, twice each.
        for (const origin of [server.url, second.url, server.url, second.url])
          for (const token of [viaShell, viaSql, viaMembership])
            expect(await status(origin, token)).toBe(200);
        expect(await submit(second.url, viaMembership)).toBe(201);

        // Revoked through the account code in another process (as `formulary users` does).
        const idOf = (token: string) => token.split('_')[1]!;
        await auth.revokeToken(idOf(viaShell), 'cachey');
        for (const origin of [server.url, second.url]) expect(await status(origin, viaShell)).toBe(401);
        expect(await status(second.url, viaSql)).toBe(200);

        // Revoked by an operator's own SQL, past the service: the trigger still raises the generation.
        await rawSql(
          handle.db,
          `update api_tokens set revoked_at = '2026-01-01T00:00:00.000Z' where id = '${idOf(viaSql)}'`,
        );
        for (const origin of [server.url, second.url]) {
          const refused = await httpFrom(`${origin}/api/submissions`, {
            headers: { authorization: `Bearer ${viaSql}` },
          });
          expect(refused.status).toBe(401);
          expect(refused.json().detail).toMatch(/revoked/);
        }

        // A membership removed: the cached principal's proposal no longer lets it submit there.
        await auth.updateUser('cachey', { proposals: [] });
        for (const origin of [server.url, second.url]) expect(await submit(origin, viaMembership)).toBe(403);
        // And the user disabled: refused everywhere.
        await auth.updateUser('cachey', { disabled: true });
        for (const origin of [server.url, second.url]) {
          const refused = await httpFrom(`${origin}/api/submissions`, {
            headers: { authorization: `Bearer ${viaMembership}` },
          });
          expect(refused.status).toBe(401);
          expect(refused.json().detail).toMatch(/disabled/);
        }
      } finally {
        await close();
        await second.stop('SIGTERM');
      }
    }, 60_000);

    it('single sign-on headers count only from the configured proxy', async () => {
      const headers = { 'x-remote-user': 'jdoe', 'x-remote-groups': 'sns_eqsans_team; IPTS-33120' };
      const fromProxy = await httpFrom(`${server.url}/api/auth/session`, { from: '127.0.0.2', headers });
      expect(fromProxy.json<{ user: Record<string, unknown> }>().user).toMatchObject({
        username: 'jdoe',
        via: 'sso',
        staffOf: ['eqsans'],
        proposals: ['IPTS-33120'],
        admin: false,
      });
      const spoofed = await httpFrom(`${server.url}/api/auth/session`, {
        from: '127.0.0.1',
        headers: { ...headers, 'x-remote-groups': 'formulary_admins' },
      });
      expect(spoofed.json<{ user: unknown }>().user).toBeNull();
      const spoofedList = await httpFrom(`${server.url}/api/submissions`, { from: '127.0.0.1', headers });
      expect(spoofedList.status).toBe(401);
      // ...and logged.
      await new Promise((r) => setTimeout(r, 200));
      expect(server.log()).toMatch(/"peer":"127\.0\.0\.1","claimed":"jdoe".*not a configured proxy/);
      // From the proxy, staff of EQSANS may read what was submitted there.
      const list = await httpFrom(`${server.url}/api/submissions`, { from: '127.0.0.2', headers });
      expect(list.status).toBe(200);
      expect(list.json<{ items: unknown[] }>().items.length).toBeGreaterThan(0);
      // An unsafe method signed in by the proxy's cookie needs the CSRF token as well.
      const post = await httpFrom(`${server.url}/api/instruments/eqsans/submissions`, {
        method: 'POST',
        from: '127.0.0.2',
        body: example,
        headers: { ...headers, 'idempotency-key': key(), 'x-schema-version': '1' },
      });
      expect(post.status).toBe(403);
    });

    it('a disabled account loses its session at once', async () => {
      const cookie = cookieOf(await login('gone'));
      expect((await httpFrom(`${server.url}/api/submissions`, { headers: { cookie } })).status).toBe(200);
      const { auth, close } = await openAccounts(readServerConfig(config, { db: handle.db }, {}, repoRoot));
      await auth.updateUser('gone', { disabled: true });
      await close();
      expect((await httpFrom(`${server.url}/api/submissions`, { headers: { cookie } })).status).toBe(401);
      expect((await login('gone')).status).toBe(401);
    }, 30_000);

    it('staff-only fields: others may send only their defaults (403 naming the field)', async () => {
      const post = async (username: string, request: object) => {
        const signedIn = await login(username, PASSWORD, '127.0.0.5');
        return httpFrom(`${server.url}/api/instruments/staffy/submissions`, {
          method: 'POST',
          body: JSON.stringify(request),
          headers: {
            cookie: cookieOf(signedIn),
            'x-csrf-token': signedIn.json<{ csrfToken: string }>().csrfToken,
            'idempotency-key': key(),
            'x-schema-version': '1',
          },
        });
      };
      const base = {
        iptsNumber: 'IPTS-31204',
        sample: 'water',
        scans: [{ run: 1 }, { run: 2, darkCurrent: 0 }],
      };
      expect((await post('sci', base)).status).toBe(201);
      expect((await post('sci', { ...base, maskFile: '/instrument/default-mask.xml' })).status).toBe(201);
      const mask = await post('sci', { ...base, maskFile: '/home/sci/my-mask.xml' });
      expect(mask.status).toBe(403);
      expect(mask.json().detail).toBe(
        'Mask file (/maskFile): only staffy staff may change this field from the default',
      );
      const dark = await post('sci', { ...base, scans: [{ run: 1 }, { run: 2, darkCurrent: 5 }] });
      expect(dark.status).toBe(403);
      expect(dark.json<{ fields: { pointer: string }[] }>().fields).toEqual([
        { pointer: '/scans/1/darkCurrent', label: 'Dark current' },
      ]);
      // The instrument's staff may.
      expect((await post('stf', { ...base, maskFile: '/home/sci/my-mask.xml' })).status).toBe(201);
    }, 60_000);

    it('staff-only fields compare with the default as staff set it, not the schema’s', async () => {
      const signedIn = async (username: string) => {
        const answer = await login(username, PASSWORD, '127.0.0.6');
        return {
          cookie: cookieOf(answer),
          'x-csrf-token': answer.json<{ csrfToken: string }>().csrfToken,
        };
      };
      const stf = await signedIn('stf');
      const sci = await signedIn('sci');
      const defaults = `${server.url}/api/instruments/staffy/defaults`;
      const patch = (headers: Record<string, string>, set: object) =>
        httpFrom(defaults, { method: 'PATCH', body: JSON.stringify({ set }), headers });
      // A scientist may not change the defaults either.
      expect((await patch(sci, { '/maskFile': '/home/sci/mask.xml' })).status).toBe(403);
      expect((await patch(stf, { '/maskFile': '/instrument/mask-2026b.xml' })).status).toBe(200);
      const post = (mask: string) =>
        httpFrom(`${server.url}/api/instruments/staffy/submissions`, {
          method: 'POST',
          body: JSON.stringify({ iptsNumber: 'IPTS-31204', sample: 'water', maskFile: mask }),
          headers: { ...sci, 'idempotency-key': key(), 'x-schema-version': '1' },
        });
      expect((await post('/instrument/mask-2026b.xml')).status).toBe(201);
      // The schema's old default is now a changed value: refused, naming the field.
      const old = await post('/instrument/default-mask.xml');
      expect(old.status).toBe(403);
      expect(old.json().detail).toBe(
        'Mask file (/maskFile): only staffy staff may change this field from the default',
      );
      // Reset: the schema's default counts again.
      expect(
        (await httpFrom(`${defaults}?pointer=%2FmaskFile`, { method: 'DELETE', headers: stf })).status,
      ).toBe(200);
      expect((await post('/instrument/default-mask.xml')).status).toBe(201);
      expect((await post('/instrument/mask-2026b.xml')).status).toBe(403);
    }, 60_000);

    it('the audit log has the sign-ins, the failures and the tokens', async () => {
      const { auth, close } = await openAccounts(readServerConfig(config, { db: handle.db }, {}, repoRoot));
      const entries = await auth.readAudit({ limit: 500 });
      await close();
      const has = (action: string, outcome: string, target?: string) =>
        entries.some(
          (e) =>
            e.action === action && e.outcome === outcome && (target === undefined || e.target === target),
        );
      expect(has('login', 'ok', 'sci')).toBe(true);
      expect(has('login', 'refused', 'lock')).toBe(true);
      expect(has('login', 'locked', 'lock')).toBe(true);
      expect(has('token-issue', 'ok')).toBe(true);
      expect(has('token-revoke', 'ok')).toBe(true);
      expect(has('logout', 'ok', 'sci')).toBe(true);
      expect(entries.every((e) => e.time && e.action)).toBe(true);
      expect(entries.find((e) => e.action === 'login' && e.outcome === 'ok')?.address).toMatch(
        /127\.0\.0\.\d/,
      );
    });
  });
}
