/**
 * The sign-in attempt limit against real server processes, once per back end: two processes on one
 * database (as a facility runs them behind its load balancer), attempts alternating between them,
 * refused at the shared limit per client address and per account name; many simultaneous attempts
 * never let more than the limit reach a password check; and both processes restarted on the same
 * database still refuse. Each process counting in its own memory fails every one of these.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccounts, readServerConfig } from '../../../src/server/index';
import { repoRoot, type ServerProcess, startServerProcess } from '../serverProcess';
import { type Answer, httpFrom } from './httpFrom';

export interface LoginLimitDatabase {
  readonly db: string;
  drop(): Promise<void>;
}

const PASSWORD = 'correct horse battery';
/** Per address and per account in one window; the window outlasts the suite on a loaded machine. */
const ADDRESS_MAX = 5;
const ACCOUNT_MAX = 4;
const WINDOW_SECONDS = 900;

/** 429 from the attempt limit (not the account lock-out, which is off here). */
const limited = (answer: Answer) =>
  answer.status === 429 && answer.json().type === 'https://formulary.dev/problems/too-many-requests';

export function describeLoginLimit(name: string, database: () => Promise<LoginLimitDatabase>): void {
  describe(`the sign-in attempt limit on ${name}, shared by two server processes`, () => {
    let handle: LoginLimitDatabase;
    let dir: string;
    let config: string;
    let servers: ServerProcess[] = [];

    const start = async () => {
      // One after the other: the first migrates the database, the second finds it ready.
      servers = [];
      for (let i = 0; i < 2; i++) servers.push(await startServerProcess({ db: handle.db, config }));
    };
    /** Attempt number `i` goes to server i mod 2, from address `from`. */
    const attempt = (i: number, username: string, from: string, password = 'not the password') =>
      httpFrom(`${servers[i % servers.length]!.url}/api/auth/login`, {
        method: 'POST',
        from,
        body: JSON.stringify({ username, password }),
      });

    beforeAll(async () => {
      handle = await database();
      dir = mkdtempSync(join(tmpdir(), 'formulary-login-limit-'));
      config = join(dir, 'formulary.config.json');
      writeFileSync(
        config,
        JSON.stringify({
          server: {
            auth: {
              // Lock-out far away, so every refusal here is the attempt limit's.
              lockout: { failures: 1000, minutes: 1 },
              loginRateLimit: { max: ADDRESS_MAX, accountMax: ACCOUNT_MAX, windowSeconds: WINDOW_SECONDS },
            },
          },
          jobs: { jobsDir: join(dir, 'jobs') },
        }),
      );
      const { auth, close } = await openAccounts(readServerConfig(config, { db: handle.db }, {}, repoRoot));
      for (const username of ['target', 'crowd', 'kept'])
        await auth.addUser({ username, password: PASSWORD, proposals: ['IPTS-31204'] });
      await close();
      await start();
    }, 180_000);

    afterAll(async () => {
      for (const server of servers) await server.stop('SIGTERM');
      await handle?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    it('per address: attempts alternating between the processes are refused at the shared limit', async () => {
      const answers: Answer[] = [];
      // A different account each time, as a password sprayer does: only the address limit applies.
      for (let i = 0; i <= ADDRESS_MAX; i++) answers.push(await attempt(i, `spray-${i}`, '127.0.0.11'));
      expect(answers.slice(0, ADDRESS_MAX).map((a) => a.status)).toEqual(Array(ADDRESS_MAX).fill(401));
      const refused = answers[ADDRESS_MAX]!;
      expect(limited(refused), refused.text).toBe(true);
      expect(refused.json().detail).toMatch(
        new RegExp(`at most ${ADDRESS_MAX} sign-in attempts per ${WINDOW_SECONDS} s from one address`),
      );
      const retry = Number(refused.headers['retry-after']);
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(WINDOW_SECONDS);
      // Both processes refuse it now, and another address is not affected.
      expect(limited(await attempt(0, 'spray-x', '127.0.0.11'))).toBe(true);
      expect(limited(await attempt(1, 'spray-y', '127.0.0.11'))).toBe(true);
      expect((await attempt(0, 'spray-z', '127.0.0.12')).status).toBe(401);
    }, 60_000);

    it('per account: guesses spread over addresses and processes are refused at the shared limit, before the password', async () => {
      const answers: Answer[] = [];
      for (let i = 0; i <= ACCOUNT_MAX; i++) answers.push(await attempt(i, 'target', `127.0.1.${i + 1}`));
      expect(answers.slice(0, ACCOUNT_MAX).map((a) => a.status)).toEqual(Array(ACCOUNT_MAX).fill(401));
      expect(limited(answers[ACCOUNT_MAX]!), answers[ACCOUNT_MAX]!.text).toBe(true);
      expect(answers[ACCOUNT_MAX]!.json().detail).toMatch(/sign-in attempts per \d+ s for one account/);
      expect(Number(answers[ACCOUNT_MAX]!.headers['retry-after'])).toBeGreaterThan(0);
      // Counted before any password is checked: the right one from a fresh address waits too.
      expect(limited(await attempt(1, 'target', '127.0.1.100', PASSWORD))).toBe(true);
      // Another account is not affected, from the same addresses.
      expect((await attempt(0, 'kept', '127.0.1.1', PASSWORD)).status).toBe(200);
    }, 60_000);

    it('many simultaneous wrong attempts never let more than the limit through', async () => {
      // 40 at once on one account, from 10 addresses (4 each: within the address limit), both processes.
      const onAccount = await Promise.all(
        Array.from({ length: 40 }, (_, i) => attempt(i, 'crowd', `127.0.2.${(i % 10) + 1}`)),
      );
      const through = onAccount.filter((a) => !limited(a));
      expect(through.map((a) => a.status)).toEqual(Array(ACCOUNT_MAX).fill(401));
      expect(onAccount.filter(limited)).toHaveLength(40 - ACCOUNT_MAX);
      // 30 at once from one address, each at another account.
      const fromAddress = await Promise.all(
        Array.from({ length: 30 }, (_, i) => attempt(i, `crowd-${i}`, '127.0.3.1')),
      );
      expect(fromAddress.filter((a) => !limited(a)).map((a) => a.status)).toEqual(
        Array(ADDRESS_MAX).fill(401),
      );
    }, 120_000);

    it('both processes restarted on the same database still refuse', async () => {
      const before = await attempt(0, 'spray-after', '127.0.0.11');
      expect(limited(before)).toBe(true);
      for (const server of servers) await server.stop('SIGTERM');
      await start();
      for (let i = 0; i < 2; i++) {
        const after = await attempt(i, `spray-restart-${i}`, '127.0.0.11');
        expect(limited(after), after.text).toBe(true);
        // The same window: it ends no later than before the restart.
        expect(Number(after.headers['retry-after'])).toBeLessThanOrEqual(
          Number(before.headers['retry-after']),
        );
        expect(limited(await attempt(i, 'target', `127.0.4.${i + 1}`, PASSWORD))).toBe(true);
      }
      // What was under the limit is still under it: one more attempt at "kept" goes through.
      expect((await attempt(1, 'kept', '127.0.0.13', PASSWORD)).status).toBe(200);
    }, 180_000);
  });
}
