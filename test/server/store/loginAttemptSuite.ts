/**
 * The LoginAttemptStore on a real database, once per back end: a window counts up and restarts once
 * it ended, reading never counts, keys are apart, the sweep deletes only ended windows, and two
 * stores on one database (two server processes' pools) counting one key at once hand out every count
 * exactly once: the atomic upsert the shared sign-in limit stands on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type SubmissionStore } from '../../../src/server/store/index';

export interface LoginAttemptTarget {
  /** A fresh, empty database: a SQLite file path or a PostgreSQL URL. */
  fresh(): Promise<string>;
}

const t = (s: number) => new Date(Date.UTC(2026, 11, 8, 1, 0, s)).toISOString();
const MINUTE = 60_000;

export function describeLoginAttempts(name: string, target: LoginAttemptTarget): void {
  describe(`LoginAttemptStore on ${name}`, () => {
    const open: SubmissionStore[] = [];
    const stores = async (db: string, n = 1) => {
      // One after the other: the first migrates, the next finds the tables (as processes started in turn).
      const opened: SubmissionStore[] = [];
      for (let i = 0; i < n; i++) opened.push(await openStore({ db }));
      open.push(...opened);
      return opened.map((s) => s.auth);
    };
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close();
    });

    it('counts within a window, keeps its end, and starts again at 1 once it ended', async () => {
      const [auth] = await stores(await target.fresh());
      expect(await auth!.countAttempt('account:ada', t(0), MINUTE)).toEqual({ attempts: 1, resetsAt: t(60) });
      expect(await auth!.countAttempt('account:ada', t(10), MINUTE)).toEqual({
        attempts: 2,
        resetsAt: t(60),
      });
      expect(await auth!.countAttempt('account:ada', t(59), MINUTE)).toEqual({
        attempts: 3,
        resetsAt: t(60),
      });
      expect(await auth!.readAttempts('account:ada', t(59))).toEqual({ attempts: 3, resetsAt: t(60) });
      expect(await auth!.readAttempts('account:ada', t(59))).toEqual({ attempts: 3, resetsAt: t(60) });
      // At its end the window is over: nothing to read, and the next attempt opens a new one.
      expect(await auth!.readAttempts('account:ada', t(60))).toBeUndefined();
      expect(await auth!.countAttempt('account:ada', t(60), MINUTE)).toEqual({
        attempts: 1,
        resetsAt: t(120),
      });
      // Another key has its own window.
      expect(await auth!.countAttempt('address:127.0.0.1', t(61), MINUTE)).toEqual({
        attempts: 1,
        resetsAt: t(121),
      });
      expect(await auth!.readAttempts('account:bo', t(61))).toBeUndefined();
    });

    it('the sweep deletes ended windows only', async () => {
      const [auth] = await stores(await target.fresh());
      await auth!.countAttempt('account:old', t(0), MINUTE);
      await auth!.countAttempt('account:older', t(0), 30_000);
      await auth!.countAttempt('account:live', t(30), MINUTE);
      expect(await auth!.purgeAttempts(t(59))).toBe(1);
      expect(await auth!.purgeAttempts(t(60))).toBe(1);
      expect(await auth!.purgeAttempts(t(60))).toBe(0);
      expect(await auth!.readAttempts('account:live', t(60))).toEqual({ attempts: 1, resetsAt: t(90) });
      // A swept key starts again at 1.
      expect((await auth!.countAttempt('account:old', t(61), MINUTE)).attempts).toBe(1);
    });

    it('two stores on one database counting one key at once hand out every count exactly once', async () => {
      const db = await target.fresh();
      const [a, b] = await stores(db, 2);
      const n = 60;
      const counts = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          (i % 2 === 0 ? a! : b!).countAttempt('address:10.0.0.9', t(1), MINUTE),
        ),
      );
      expect(counts.map((c) => c.attempts).sort((x, y) => x - y)).toEqual(
        Array.from({ length: n }, (_, i) => i + 1),
      );
      expect(new Set(counts.map((c) => c.resetsAt))).toEqual(new Set([t(61)]));
      // Again at the moment the window ended: exactly one of them restarts it, the rest count on.
      const again = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          (i % 2 === 0 ? a! : b!).countAttempt('address:10.0.0.9', t(61), MINUTE),
        ),
      );
      expect(again.map((c) => c.attempts).sort((x, y) => x - y)).toEqual(
        Array.from({ length: n }, (_, i) => i + 1),
      );
      expect(new Set(again.map((c) => c.resetsAt))).toEqual(new Set([t(121)]));
    });
  });
}
