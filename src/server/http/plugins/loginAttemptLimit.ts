/**
 * The sign-in attempt limit: registers @fastify/rate-limit with the shared store (counted in the
 * database, so every server process on it and every restart see the same attempts) and returns the
 * login route's preHandler, which counts each attempt twice before any password is checked: per client
 * address (stops one address spraying guesses over many accounts) and per account name (stops guesses
 * at one account spread over many addresses). Over either: 429 with Retry-After, as before.
 */
import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthConfig } from '../../auth/index';
import type { LoginAttemptStore } from '../../store/index';
import { wordedProblem } from '../HttpProblem';
import { type SharedStoreOptions, sharedRateLimitStore } from './sharedRateLimitStore';

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;
type Checked = Extract<Awaited<ReturnType<Limiter>>, { isAllowed: false }>;

export type LoginLimitConfig = Pick<AuthConfig, 'loginMax' | 'loginAccountMax' | 'loginWindowSeconds'>;

/**
 * Installs the limit on `app` and returns the preHandler for POST /api/auth/login (its body is
 * validated by then: `username` is a string). Two upserts per attempt, address first: an address
 * already over its limit adds nothing to the account's count, so one client cannot hold an account's
 * window full on its own.
 */
export async function installLoginAttemptLimit(
  app: FastifyInstance,
  attempts: LoginAttemptStore,
  config: LoginLimitConfig,
  options: SharedStoreOptions = {},
): Promise<(request: FastifyRequest, reply: FastifyReply) => Promise<void>> {
  await app.register(fastifyRateLimit, {
    global: false,
    store: sharedRateLimitStore(attempts, {
      onSweepError: (error) => app.log.error({ err: error }, 'sweeping ended sign-in attempt windows failed'),
      ...options,
    }),
  });
  const timeWindow = config.loginWindowSeconds * 1000;
  // The plugin's own address normalisation (IPv4-mapped IPv6 as IPv4, IPv6 by its /64), prefixed so
  // an address and an account name can never share a counter.
  const byAddress = app.createRateLimit({
    max: config.loginMax,
    timeWindow,
    keyGenerator: (request) => `address:${normalizeIP(request.ip)}`,
  });
  const byAccount = app.createRateLimit({
    max: config.loginAccountMax,
    timeWindow,
    keyGenerator: (request) => `account:${(request.body as { username: string }).username}`,
  });
  const seconds = Math.round(timeWindow / 1000);

  /** `key`: the catalogue's words for the limit that was hit, so the detail comes in the caller's language. */
  const refuseOver = (
    checked: Checked,
    key: 'problem.tooManyAttempts' | 'problem.tooManyAccountAttempts',
  ) => {
    if (!checked.isExceeded) return;
    // At least 1: a window ending this very millisecond must not say "retry after 0".
    const wait = String(Math.max(1, checked.ttlInSeconds));
    throw wordedProblem(
      429,
      'too-many-requests',
      'Too many attempts',
      { key, values: { max: checked.max, window: seconds, wait } },
      {},
      {
        'retry-after': wait,
        'x-ratelimit-limit': String(checked.max),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': wait,
      },
    );
  };

  return async (request, reply) => {
    const address = await byAddress(request);
    if (address.isAllowed) return;
    refuseOver(address, 'problem.tooManyAttempts');
    const account = await byAccount(request);
    if (account.isAllowed) return;
    refuseOver(account, 'problem.tooManyAccountAttempts');
    // Let through: the headers of whichever limit is nearer, as the plugin's own hook sends them.
    const nearer = account.remaining < address.remaining ? account : address;
    reply
      .header('x-ratelimit-limit', nearer.max)
      .header('x-ratelimit-remaining', nearer.remaining)
      .header('x-ratelimit-reset', nearer.ttlInSeconds);
  };
}
