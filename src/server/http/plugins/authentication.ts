/**
 * Who is asking, for every request: an API token (Authorization: Bearer), single sign-on headers
 * from a trusted proxy, or the session cookie, in that order; anonymous otherwise. Sets
 * `request.principal`, refuses a bad token with 401 at once, ignores (and logs) sign-on headers from
 * anyone but the configured proxies, and demands a CSRF token on every unsafe method authenticated
 * by a cookie (session or the proxy's): a token-authenticated script needs none. Sets
 * `request.credential` too: how to ask later who the same credential names now (a live socket does,
 * after each change of rights), and when it lapses by itself.
 */
import { randomBytes } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS, type AuthService, type Principal, proxyList, readSso } from '../../auth/index';
import { HttpProblem } from '../HttpProblem';
import { registerLazySession } from './lazySession';
import { sessionStore } from './sessionStore';

/** Who a request's credential names now: a principal, or why it names nobody any more. */
export type CurrentPrincipal = { readonly principal: Principal } | { readonly reason: string };

export interface Credential {
  /** Asks the store again (the session row, the token, the local account behind single sign-on). */
  current(): Promise<CurrentPrincipal>;
  /** When it lapses by itself (a session's or token's expiry), ISO; undefined when unknown. */
  readonly expiresAt?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
    /** undefined for anonymous requests. */
    credential: Credential | undefined;
  }
  interface Session {
    username?: string;
    _csrf?: string;
  }
}

export const SESSION_COOKIE = 'formulary_session';
/** Readable by the page (not HttpOnly): the portal and the embed send it back as X-CSRF-Token. */
export const CSRF_COOKIE = 'formulary_csrf';
/** Why a session's live sockets close: sign-out, expiry, or a disabled account. Under 123 bytes. */
export const SESSION_ENDED = 'signed out: the session ended';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Signing in needs no CSRF token (there is no session yet); its JSON body cannot come from a plain form. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);

const bearerOf = (header: string | undefined): string | undefined => {
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
};

/** Sets a fresh CSRF token in the page-readable cookie and returns it. */
export function issueCsrf(request: FastifyRequest, reply: FastifyReply): string {
  const token = reply.generateCsrf();
  reply.setCookie(CSRF_COOKIE, token, {
    path: '/',
    sameSite: 'lax',
    secure: request.protocol === 'https',
    httpOnly: false,
  });
  return token;
}

export async function installAuthentication(app: FastifyInstance, auth: AuthService): Promise<void> {
  const { config } = auth;
  const maxAgeMs = config.sessionHours * 3600_000;
  const secret = await auth.store.secret('session-cookie', () => randomBytes(48).toString('base64url'));
  await app.register(fastifyCookie);
  await registerLazySession(app, {
    secret,
    cookieName: SESSION_COOKIE,
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', maxAge: maxAgeMs },
    saveUninitialized: false,
    rolling: false,
    store: sessionStore(auth.store, maxAgeMs) as never,
  });
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session', logLevel: 'info' });
  const trusted = config.sso ? proxyList(config.sso.proxies) : null;

  app.decorateRequest('principal', null as unknown as Principal);
  app.decorateRequest('credential', undefined);
  app.addHook('onRequest', async (request) => {
    request.principal = ANONYMOUS;
    request.credential = undefined;
    const bearer = bearerOf(request.headers.authorization);
    if (bearer !== undefined) {
      const outcome = await auth.principalForToken(bearer);
      if (outcome.kind === 'refused')
        throw new HttpProblem(
          401,
          'invalid-token',
          'Invalid API token',
          outcome.reason,
          {},
          {
            'www-authenticate': 'Bearer error="invalid_token"',
          },
        );
      request.principal = outcome.principal;
      request.credential = {
        expiresAt: outcome.token.expiresAt,
        current: async () => {
          const now = await auth.principalForToken(bearer);
          return now.kind === 'ok' ? { principal: now.principal } : { reason: now.reason };
        },
      };
      return;
    }
    const sso = readSso(request.headers, request.socket.remoteAddress ?? '', config.sso, trusted);
    if (sso.kind === 'untrusted') {
      request.log.warn(
        { peer: sso.address, claimed: sso.username },
        'single sign-on headers from an address that is not a configured proxy: ignored',
      );
    } else if (sso.kind === 'identity') {
      const principal = await auth.principalForSso(sso.identity);
      if (principal) {
        request.principal = principal;
        const identity = sso.identity;
        request.credential = {
          current: async () => {
            const now = await auth.principalForSso(identity);
            return now ? { principal: now } : { reason: 'your account is disabled' };
          },
        };
      } else
        request.log.warn({ user: sso.identity.username }, 'single sign-on user is disabled here: anonymous');
    }
    // Without the cookie there is no signed-in session to find (and none is made to look).
    if (request.principal === ANONYMOUS && request.cookies[SESSION_COOKIE] !== undefined) {
      const username = request.session?.username;
      if (typeof username === 'string') {
        const principal = await auth.principalForUser(username);
        if (principal) {
          request.principal = principal;
          const sid = request.session.sessionId;
          const expires = request.session.cookie.expires;
          request.credential = {
            ...(expires ? { expiresAt: new Date(expires).toISOString() } : {}),
            current: async () => {
              const now = await auth.principalForSession(sid);
              return now ? { principal: now } : { reason: SESSION_ENDED };
            },
          };
        }
      }
    }
    const via = request.principal.via;
    if (UNSAFE.has(request.method) && (via === 'session' || via === 'sso')) {
      const path = request.url.split('?', 1)[0]!;
      if (!CSRF_EXEMPT.has(path))
        // The plugin answers a refusal with reply.send(error); handed a reply whose send rejects, the
        // refusal is thrown instead and reaches the problem-details handler like any other error.
        await new Promise<void>((done, fail) =>
          app.csrfProtection(request, { send: fail } as unknown as FastifyReply, () => done()),
        );
    }
  });
}
