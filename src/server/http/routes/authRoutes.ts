/**
 * Signing in and out, the current user, API tokens and the audit log over HTTP:
 * POST /api/auth/login (attempts limited per address and per account name by `loginLimit`, counted in
 * the store; a new session id), POST /api/auth/logout,
 * GET /api/auth/session (who you are, and a CSRF token for the page), GET/POST /api/auth/tokens and
 * DELETE /api/auth/tokens/:id (your own tokens; the token is shown once), GET /api/audit (admins).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthError, type AuthService, principalView, TOKEN_SCOPES } from '../../auth/index';
import type { StoredToken } from '../../store/index';
import { demand } from '../guard';
import { HttpProblem, wordedProblem } from '../HttpProblem';
import { CSRF_COOKIE, issueCsrf, SESSION_COOKIE } from '../plugins/authentication';
import { problemResponse } from './apiSchemas';

const tokenView = (t: StoredToken) => ({
  id: t.id,
  label: t.label,
  scopes: t.scopes,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  revokedAt: t.revokedAt,
});

export function authRoutes(
  app: FastifyInstance,
  auth: AuthService,
  /** Counts the attempt and refuses it (429) over the limit: installLoginAttemptLimit's preHandler. */
  loginLimit: (request: FastifyRequest, reply: FastifyReply) => Promise<void>,
): void {
  const audit = (request: FastifyRequest, entry: Omit<Parameters<AuthService['audit']>[0], 'address'>) =>
    auth.audit({ ...entry, address: request.ip }).catch((error: unknown) => {
      request.log.error({ err: error }, 'audit entry could not be written');
    });

  app.post<{ Body: { username: string; password: string } }>(
    '/api/auth/login',
    {
      // After the body is validated (the account name is known), before any password is checked.
      preHandler: loginLimit,
      schema: {
        summary: 'Sign in with a local account: sets the session cookie (a new id) and returns a CSRF token',
        tags: ['auth'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['username', 'password'],
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 128 },
            password: { type: 'string', minLength: 1, maxLength: 1024 },
          },
        },
        response: {
          401: problemResponse('Wrong username or password'),
          429: problemResponse(
            'Too many attempts from this address or for this account name, or the account is locked for a while',
          ),
        },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const outcome = await auth.login(username, password);
      if (outcome.kind !== 'ok') {
        await audit(request, {
          actor: null,
          action: 'login',
          target: username.slice(0, 128),
          outcome: outcome.kind,
        });
        if (outcome.kind === 'locked') {
          const seconds = Math.max(1, Math.ceil((Date.parse(outcome.until) - Date.now()) / 1000));
          throw wordedProblem(
            429,
            'account-locked',
            'Account locked for a while',
            { key: 'problem.accountLocked', values: { until: outcome.until } },
            {},
            { 'retry-after': String(seconds) },
          );
        }
        throw wordedProblem(401, 'login-failed', 'Sign-in failed', { key: 'problem.loginFailed' });
      }
      // A new session id at every sign-in: an id planted before (session fixation) is worth nothing.
      await request.session.regenerate();
      request.session.username = outcome.user.username;
      const principal = await auth.principalForUser(outcome.user.username);
      await audit(request, { actor: outcome.user.username, action: 'login', target: outcome.user.username });
      return { user: principal ? principalView(principal) : null, csrfToken: issueCsrf(request, reply) };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { summary: 'Sign out: ends the session', tags: ['auth'] } },
    async (request, reply) => {
      const username = request.session?.username;
      if (typeof username === 'string') {
        await request.session.destroy();
        await audit(request, { actor: username, action: 'logout', target: username });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/auth/session',
    { schema: { summary: 'Who is signed in, and a CSRF token for the page', tags: ['auth'] } },
    async (request, reply) => {
      const p = request.principal;
      const cookieBased = p.via === 'session' || p.via === 'sso';
      return {
        user: p.username === null ? null : principalView(p),
        csrfToken: cookieBased ? issueCsrf(request, reply) : null,
      };
    },
  );

  app.get(
    '/api/auth/tokens',
    { schema: { summary: 'Your API tokens (never the secret)', tags: ['auth'] } },
    async (request) => {
      demand(request, { kind: 'manage-tokens' });
      return { items: (await auth.tokensOf(request.principal.username!)).map(tokenView) };
    },
  );

  app.post<{ Body: { label?: string; scopes: string[]; expiresInDays: number } }>(
    '/api/auth/tokens',
    {
      schema: {
        summary: 'Issue an API token: the answer holds the token, shown this once',
        tags: ['auth'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['scopes', 'expiresInDays'],
          properties: {
            label: { type: 'string', maxLength: 100 },
            scopes: { type: 'array', minItems: 1, items: { type: 'string', enum: [...TOKEN_SCOPES] } },
            expiresInDays: { type: 'number', exclusiveMinimum: 0 },
          },
        },
        response: { 400: problemResponse('Bad scopes or expiry'), 401: problemResponse('Not signed in') },
      },
    },
    async (request, reply) => {
      demand(request, { kind: 'manage-tokens' });
      const username = request.principal.username!;
      let issued: Awaited<ReturnType<AuthService['issueToken']>>;
      try {
        issued = await auth.issueToken(username, {
          label: request.body.label ?? '',
          scopes: request.body.scopes,
          expiresInDays: request.body.expiresInDays,
        });
      } catch (error) {
        if (error instanceof AuthError)
          throw new HttpProblem(400, 'invalid-token-request', 'Invalid token request', error.message);
        throw error;
      }
      await audit(request, {
        actor: username,
        action: 'token-issue',
        target: issued.record.id,
        detail: {
          scopes: issued.record.scopes,
          expiresAt: issued.record.expiresAt,
          label: issued.record.label,
        },
      });
      return reply.code(201).send({ ...tokenView(issued.record), token: issued.token });
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/auth/tokens/:id',
    {
      schema: {
        summary: 'Revoke one of your API tokens',
        tags: ['auth'],
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } }, required: ['id'] },
      },
    },
    async (request, reply) => {
      demand(request, { kind: 'manage-tokens' });
      const username = request.principal.username!;
      try {
        await auth.revokeToken(request.params.id, username);
      } catch (error) {
        if (error instanceof AuthError)
          throw new HttpProblem(404, 'unknown-token', 'Unknown token', error.message);
        throw error;
      }
      await audit(request, { actor: username, action: 'token-revoke', target: request.params.id });
      return reply.code(204).send();
    },
  );

  app.get<{ Querystring: { actor?: string; action?: string; limit: number; before?: number } }>(
    '/api/audit',
    {
      schema: {
        summary: 'The audit log, newest first (administrators)',
        tags: ['auth'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            actor: { type: 'string' },
            action: { type: 'string' },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
            before: {
              type: 'integer',
              minimum: 1,
              description: 'only entries older than this seq (nextBefore of the previous page)',
            },
          },
        },
      },
    },
    async (request) => {
      demand(request, { kind: 'read-audit' });
      const { actor, action, limit, before } = request.query;
      const rows = await auth.readAudit({ actor, action, beforeSeq: before, limit: limit + 1 });
      const page = rows.slice(0, limit);
      return {
        items: page.map((e) => ({ ...e, detail: JSON.parse(e.detail) as unknown })),
        nextBefore: rows.length > limit ? (page.at(-1)?.seq ?? null) : null,
      };
    },
  );
}
