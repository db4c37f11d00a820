/**
 * The AuthStore on a real database, once per back end: users with memberships added and replaced in
 * one transaction, a taken name refused, lock-out counting, sessions expiring, tokens revoked only by
 * their owner, one secret shared by every opener, and the audit log newest first with its filters.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SubmissionStore } from '../../../src/server/store/index';

export interface AuthStoreTarget {
  open(): Promise<SubmissionStore>;
}

const t = (s: number) => new Date(Date.UTC(2026, 11, 7, 12, 0, s)).toISOString();
const user = (username: string, proposals: string[] = [], staffOf: string[] = []) => ({
  username,
  displayName: username.toUpperCase(),
  passwordHash: null,
  admin: false,
  proposals,
  staffOf,
  createdAt: t(0),
});

export function describeAuthStore(name: string, target: AuthStoreTarget): void {
  describe(`AuthStore on ${name}`, () => {
    const open: SubmissionStore[] = [];
    const store = async () => {
      const s = await target.open();
      open.push(s);
      return s.auth;
    };
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close();
    });

    it('adds users with memberships, refuses a taken name, replaces memberships', async () => {
      const auth = await store();
      expect(await auth.addUser(user('ada', ['IPTS-2', 'IPTS-1'], ['eqsans']))).toBe(true);
      expect(await auth.addUser(user('ada'))).toBe(false);
      expect(await auth.getUser('ada')).toMatchObject({
        displayName: 'ADA',
        proposals: ['IPTS-1', 'IPTS-2'],
        staffOf: ['eqsans'],
        disabled: false,
      });
      expect(await auth.updateUser('ada', { proposals: ['IPTS-3'], disabled: true })).toBe(true);
      expect(await auth.getUser('ada')).toMatchObject({
        proposals: ['IPTS-3'],
        staffOf: ['eqsans'],
        disabled: true,
      });
      expect(await auth.updateUser('nobody', { admin: true })).toBe(false);
      expect((await auth.listUsers()).map((u) => u.username)).toEqual(['ada']);
    });

    it('counts failed sign-ins and locks at the threshold; a good one or a new password resets', async () => {
      const auth = await store();
      await auth.addUser(user('bo'));
      await auth.recordFailedLogin('bo', 3, t(60));
      await auth.recordFailedLogin('bo', 3, t(60));
      expect(await auth.getUser('bo')).toMatchObject({ failedLogins: 2, lockedUntil: null });
      await auth.recordFailedLogin('bo', 3, t(60));
      expect(await auth.getUser('bo')).toMatchObject({ lockedUntil: t(60) });
      await auth.updateUser('bo', { passwordHash: 'scrypt$x' });
      expect(await auth.getUser('bo')).toMatchObject({ failedLogins: 0, lockedUntil: null });
    });

    it('counts simultaneous failed sign-ins each once, and locks when they reach the threshold', async () => {
      const auth = await store();
      await auth.addUser(user('cy'));
      // On PostgreSQL these run on several pooled connections at once: a read-then-write count loses some.
      await Promise.all(Array.from({ length: 12 }, () => auth.recordFailedLogin('cy', 100, t(60))));
      expect(await auth.getUser('cy')).toMatchObject({ failedLogins: 12, lockedUntil: null });
      await auth.addUser(user('di'));
      await Promise.all(Array.from({ length: 6 }, () => auth.recordFailedLogin('di', 6, t(60))));
      expect(await auth.getUser('di')).toMatchObject({ failedLogins: 0, lockedUntil: t(60) });
    });

    it('keeps sessions until they expire, and purges them', async () => {
      const auth = await store();
      await auth.setSession('s1', '{"username":"ada"}', t(10));
      await auth.setSession('s1', '{"username":"bo"}', t(20));
      expect(await auth.getSession('s1', t(15))).toBe('{"username":"bo"}');
      expect(await auth.getSession('s1', t(20))).toBeUndefined();
      await auth.setSession('s2', '{}', t(30));
      expect(await auth.purgeSessions(t(25))).toBe(1);
      await auth.destroySession('s2');
      expect(await auth.getSession('s2', t(0))).toBeUndefined();
    });

    it('revokes a token only for its owner, once', async () => {
      const auth = await store();
      await auth.addUser(user('ada'));
      await auth.addUser(user('bo'));
      const token = {
        id: 'tok1',
        username: 'ada',
        hash: 'h',
        label: 'l',
        scopes: ['read', 'submit'],
        createdAt: t(0),
        expiresAt: t(50),
        revokedAt: null,
      };
      await auth.addToken(token);
      expect(await auth.getToken('tok1')).toEqual(token);
      expect(await auth.revokeToken('tok1', 'bo', t(1))).toBe(false);
      expect(await auth.revokeToken('tok1', 'ada', t(2))).toBe(true);
      expect(await auth.revokeToken('tok1', 'ada', t(3))).toBe(false);
      expect((await auth.tokensOf('ada'))[0]!.revokedAt).toBe(t(2));
    });

    it('hands every caller the same secret', async () => {
      const auth = await store();
      const first = await auth.secret('cookie', () => 'one');
      expect(await auth.secret('cookie', () => 'two')).toBe(first);
      expect(first).toBe('one');
    });

    it('reads the audit log newest first, by actor or action, in pages', async () => {
      const auth = await store();
      for (let i = 0; i < 5; i++)
        await auth.audit({
          time: t(i),
          actor: i % 2 ? 'ada' : null,
          action: i === 4 ? 'submit' : 'login',
          target: `x${i}`,
          address: '127.0.0.1',
          outcome: 'ok',
          detail: '{}',
        });
      const all = await auth.readAudit({ limit: 10 });
      expect(all.map((e) => e.target)).toEqual(['x4', 'x3', 'x2', 'x1', 'x0']);
      expect((await auth.readAudit({ actor: 'ada', limit: 10 })).map((e) => e.target)).toEqual(['x3', 'x1']);
      expect((await auth.readAudit({ action: 'submit', limit: 10 })).map((e) => e.target)).toEqual(['x4']);
      expect((await auth.readAudit({ beforeSeq: all[1]!.seq, limit: 2 })).map((e) => e.target)).toEqual([
        'x2',
        'x1',
      ]);
    });
  });
}
