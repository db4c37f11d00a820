/**
 * @fastify/session's store over our database (AuthStore): sessions survive a restart and are shared
 * by every server process on one PostgreSQL. A session row expires with its cookie.
 */
import type { AuthStore } from '../../store/index';

type Callback = (error?: unknown) => void;
interface SessionLike {
  cookie?: { expires?: Date | string | null; originalMaxAge?: number | null };
}

export function sessionStore(store: AuthStore, maxAgeMs: number) {
  return {
    set(sid: string, session: SessionLike, done: Callback) {
      const expires = session.cookie?.expires
        ? new Date(session.cookie.expires)
        : new Date(Date.now() + maxAgeMs);
      store.setSession(sid, JSON.stringify(session), expires.toISOString()).then(() => done(), done);
    },
    get(sid: string, done: (error: unknown, session?: unknown) => void) {
      store.getSession(sid, new Date().toISOString()).then(
        (data) => done(null, data === undefined ? null : JSON.parse(data)),
        (error: unknown) => done(error),
      );
    },
    destroy(sid: string, done: Callback) {
      store.destroySession(sid).then(() => done(), done);
    },
  };
}
