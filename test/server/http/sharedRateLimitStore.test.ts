/**
 * The shared rate-limit store (src/server/http/plugins/sharedRateLimitStore.ts) under the real
 * @fastify/rate-limit on a real SQLite store: a route's limit counts in the database, so a second app
 * on it (another process) refuses too; the window ends by the clock; a peek counts nothing; ended
 * windows are swept once a window, not per request; the extensions it cannot honour are refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastifyRateLimit from '@fastify/rate-limit';
import Database from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sharedRateLimitStore } from '../../../src/server/http/plugins/sharedRateLimitStore';
import { openStore, type SubmissionStore } from '../../../src/server/store/index';

const dir = mkdtempSync(join(tmpdir(), 'formulary-shared-limit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const opened: (SubmissionStore | FastifyInstance)[] = [];
afterEach(async () => {
  for (const o of opened.splice(0).reverse()) await o.close();
});

const T0 = Date.UTC(2026, 11, 8, 1, 0, 0);

async function storeFile(): Promise<{ file: string; store: SubmissionStore }> {
  const file = join(dir, `limit-${++files}.sqlite`);
  const store = await openStore({ db: file });
  opened.push(store);
  return { file, store };
}

async function limitedApp(store: SubmissionStore, clock: { now: number }): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(fastifyRateLimit, {
    global: false,
    store: sharedRateLimitStore(store.auth, { now: () => clock.now }),
  });
  app.get('/limited', { config: { rateLimit: { max: 2, timeWindow: 60_000 } } }, async () => ({ ok: true }));
  const peek = app.createRateLimit({ max: 2, timeWindow: 60_000, keyGenerator: () => '127.0.0.1' });
  app.get('/peek', async (request) => {
    const status = await peek(request, { increment: false });
    return status.isAllowed ? {} : { remaining: status.remaining, exceeded: status.isExceeded };
  });
  opened.push(app);
  return app;
}

const rows = (file: string) => {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (sqlite.prepare('select count(*) as n from login_attempts').get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
};

describe('sharedRateLimitStore', () => {
  it('counts a route limit in the store: a second app on it refuses too, until the window ends', async () => {
    const { store } = await storeFile();
    const clock = { now: T0 };
    const one = await limitedApp(store, clock);
    const two = await limitedApp(store, clock);
    expect((await one.inject('/limited')).statusCode).toBe(200);
    const second = await two.inject('/limited');
    expect(second.statusCode).toBe(200);
    expect(second.headers['x-ratelimit-remaining']).toBe('0');
    clock.now = T0 + 20_000;
    const third = await one.inject('/limited');
    expect(third.statusCode).toBe(429);
    expect(third.headers['retry-after']).toBe('40');
    expect((await two.inject('/limited')).statusCode).toBe(429);
    clock.now = T0 + 60_000;
    expect((await two.inject('/limited')).statusCode).toBe(200);
  });

  it('a peek reads the count without adding to it', async () => {
    const { store } = await storeFile();
    const clock = { now: T0 };
    const app = await limitedApp(store, clock);
    expect((await app.inject('/peek')).json()).toEqual({ remaining: 2, exceeded: false });
    await app.inject('/limited');
    expect((await app.inject('/peek')).json()).toEqual({ remaining: 1, exceeded: false });
    expect((await app.inject('/peek')).json()).toEqual({ remaining: 1, exceeded: false });
    await app.inject('/limited');
    await app.inject('/limited');
    expect((await app.inject('/peek')).json()).toEqual({ remaining: 0, exceeded: true });
  });

  it('sweeps ended windows after an attempt, at most once a window', async () => {
    const { file, store } = await storeFile();
    const clock = { now: T0 };
    const app = await limitedApp(store, clock);
    // The route's key is the client address; other keys written straight to the store, as a second
    // process would, end at different times.
    await store.auth.countAttempt('account:early', new Date(T0).toISOString(), 10_000);
    await app.inject('/limited');
    expect(rows(file)).toBe(2);
    clock.now = T0 + 30_000;
    // "account:early" ended, but the sweep ran at T0 and is not due before T0 + 60 s.
    await app.inject('/limited');
    expect(rows(file)).toBe(2);
    clock.now = T0 + 60_000;
    // Due: both ended windows go (the route's own restarted just before, so it stays).
    await app.inject('/limited');
    expect(rows(file)).toBe(1);
    expect(await store.auth.purgeAttempts(new Date(T0 + 60_000).toISOString())).toBe(0);
  });

  it('refuses continueExceeding and exponentialBackoff rather than ignore them', async () => {
    const { store } = await storeFile();
    for (const option of ['continueExceeding', 'exponentialBackoff'] as const) {
      const app = Fastify();
      opened.push(app);
      await expect(
        app.register(fastifyRateLimit, { [option]: true, store: sharedRateLimitStore(store.auth) }),
      ).rejects.toThrow(/fixed windows: continueExceeding and exponentialBackoff are not supported/);
    }
  });
});
