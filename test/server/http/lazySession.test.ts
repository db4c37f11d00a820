/**
 * The lazy session (src/server/http/plugins/lazySession.ts) on a real Fastify app with the real
 * @fastify/session and @fastify/cookie: a request without the session cookie gets no session made
 * unless something reads it (the plugin's id generator counts the sessions made), and a sign-in still
 * gets a new, saved session whose cookie brings it back on the next request.
 */
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { registerLazySession } from '../../../src/server/http/plugins/lazySession';

declare module 'fastify' {
  interface Session {
    username?: string;
  }
}

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function appCountingSessions(): Promise<{ app: FastifyInstance; made: () => number }> {
  let made = 0;
  const stored = new Map<string, unknown>();
  const server = Fastify();
  await server.register(fastifyCookie);
  await registerLazySession(server, {
    secret: 'a secret of at least thirty-two characters, for the test',
    cookieName: 'test_session',
    cookie: { secure: false, path: '/' },
    saveUninitialized: false,
    rolling: false,
    idGenerator: () => `session-${++made}`,
    store: {
      set: (id: string, session: unknown, done: (error?: unknown) => void) => {
        stored.set(id, JSON.parse(JSON.stringify(session)));
        done();
      },
      get: (id: string, done: (error: unknown, session?: unknown) => void) =>
        done(null, stored.get(id) ?? null),
      destroy: (id: string, done: (error?: unknown) => void) => {
        stored.delete(id);
        done();
      },
    } as never,
  });
  // What a token-authenticated script meets: nothing reads the session.
  server.post('/token-only', async () => ({ ok: true }));
  server.get('/whoami', async (request) => ({ user: request.session.username ?? null }));
  server.post('/login', async (request) => {
    await request.session.regenerate();
    request.session.username = 'alice';
    return { ok: true };
  });
  app = server;
  return { app: server, made: () => made };
}

describe('lazy session', () => {
  it('makes no session for a request without the cookie that never reads it', async () => {
    const { app, made } = await appCountingSessions();
    for (let i = 0; i < 3; i++) {
      const answer = await app.inject({
        method: 'POST',
        url: '/token-only',
        headers: { authorization: 'Bearer x' },
      });
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
    expect(made()).toBe(0);
  });

  it('makes one when read, saves it when set, and finds it again by its cookie', async () => {
    const { app, made } = await appCountingSessions();
    const anonymous = await app.inject({ method: 'GET', url: '/whoami' });
    expect(anonymous.json()).toEqual({ user: null });
    expect(anonymous.headers['set-cookie']).toBeUndefined(); // read, unchanged: not saved
    expect(made()).toBe(1);

    const login = await app.inject({ method: 'POST', url: '/login' });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'test_session');
    expect(cookie?.value).toMatch(/^session-\d+\./); // signed id of a session made here
    const before = made();

    const again = await app.inject({
      method: 'GET',
      url: '/whoami',
      cookies: { test_session: cookie!.value },
    });
    expect(again.json()).toEqual({ user: 'alice' });
    expect(made()).toBe(before); // restored from the store, no new one
  });
});
