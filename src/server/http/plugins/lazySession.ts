/**
 * @fastify/session, with the session of a request that brings no session cookie made only when
 * something reads `request.session`. The plugin makes one for every request (an id, its HMAC
 * signature, a hash of its contents, then the hash again when the answer is sent) and drops it unsaved
 * when nothing was set: about 4% of a token-authenticated submission's CPU and a tenth of the bench
 * floor's (npm run bench:server profiles). A script with an API token never reads it; a sign-in, the
 * CSRF check of a single sign-on request or a session lookup does, and gets the same session as before.
 */
import fastifySession, { type FastifySessionOptions } from '@fastify/session';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

type Done = (error?: Error) => void;
type OnRequest = (request: FastifyRequest, reply: FastifyReply, done: Done) => void;
type OnSend = (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: Done) => void;

/** Registers @fastify/session on `app` (after @fastify/cookie), lazy for requests without `cookieName`. */
export async function registerLazySession(
  app: FastifyInstance,
  options: FastifySessionOptions,
): Promise<void> {
  const cookieName = options.cookieName ?? 'sessionId';
  /** Requests whose session nobody has read yet: it was never made, so there is nothing to save. */
  const unmade = new WeakSet<FastifyRequest>();

  const lazyOnRequest =
    (makeSession: OnRequest): OnRequest =>
    (request, reply, done) => {
      if (request.cookies[cookieName] !== undefined) {
        makeSession(request, reply, done);
        return;
      }
      let session: unknown = null;
      unmade.add(request);
      Object.defineProperty(request, 'session', {
        configurable: true,
        enumerable: true,
        get() {
          if (unmade.delete(request)) {
            // Without a cookie the plugin makes the new session before it returns (no store read).
            let made = false;
            makeSession(request, reply, (error) => {
              if (error) throw error;
              made = true;
            });
            if (!made) throw new Error('@fastify/session did not make a new session synchronously');
          }
          return session;
        },
        set(value: unknown) {
          unmade.delete(request);
          session = value;
        },
      });
      done();
    };

  const lazyOnSend =
    (saveSession: OnSend): OnSend =>
    (request, reply, payload, done) => {
      if (unmade.has(request)) done();
      else saveSession(request, reply, payload, done);
    };

  // The plugin's two hooks are taken as it adds them and added wrapped; everything else it does
  // (decorators) reaches the app unchanged.
  const wrapping = new Proxy(app, {
    get(target, key) {
      if (key !== 'addHook') {
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (name: string, hook: OnRequest | OnSend) => {
        if (name === 'onRequest') target.addHook('onRequest', lazyOnRequest(hook as OnRequest));
        else if (name === 'onSend') target.addHook('onSend', lazyOnSend(hook as OnSend) as never);
        else throw new Error(`@fastify/session added an unexpected ${name} hook: check lazySession.ts`);
        return wrapping;
      };
    },
  });
  await new Promise<void>((resolve, reject) =>
    (fastifySession as unknown as (app: FastifyInstance, options: object, next: Done) => void)(
      wrapping,
      options,
      (error) => (error ? reject(error) : resolve()),
    ),
  );
}
