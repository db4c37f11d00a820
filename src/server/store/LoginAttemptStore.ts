/**
 * The storage interface of the sign-in attempt limit: a counter per key over a fixed window, kept in
 * the database so that every server process on it shares the count and a restart keeps it. One
 * Kysely implementation serves SQLite and PostgreSQL (createLoginAttemptStore); nothing here knows
 * HTTP or what a key means (the login limit uses "address:<ip>" and "account:<name>").
 */

export interface AttemptWindow {
  /** Attempts counted in the current window, the one just counted included. */
  readonly attempts: number;
  /** ISO time the window ends: the first attempt at or after it starts a new window at 1. */
  readonly resetsAt: string;
}

export interface LoginAttemptStore {
  /**
   * Counts one attempt under `key` and answers its window, in one atomic statement (an upsert):
   * processes counting the same key at once each get a different count, none is lost. A window that
   * ended starts again at 1 with `windowMs` from `now`. One primary-key lookup and write.
   * Example: three calls within the window answer attempts 1, 2, 3 with one resetsAt.
   */
  countAttempt(key: string, now: string, windowMs: number): Promise<AttemptWindow>;
  /** The current window of `key` without counting; undefined when there is none or it ended. */
  readAttempts(key: string, now: string): Promise<AttemptWindow | undefined>;
  /** Deletes the windows that ended at or before `now` (found through their index); how many. */
  purgeAttempts(now: string): Promise<number>;
}
