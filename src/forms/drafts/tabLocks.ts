/**
 * Locks shared by every tab of one origin: the Web Locks API (`navigator.locks`) where the browser has
 * it, else a mutex inside this JavaScript realm (one tab, or several stores in one Node process). The
 * outbox and history take one around every read-modify-write, the sender takes one while it sends, and
 * each open draft holds one for the tab's life so other tabs can tell an open draft from a left one.
 */

interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable?: boolean },
    fn: (lock: unknown) => Promise<T> | T,
  ): Promise<T>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

function lockManager(): LockManagerLike | undefined {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  return locks && typeof locks.request === 'function' ? locks : undefined;
}

// The fallback: one promise chain per lock name, and the names held for a tab's life.
const chains = new Map<string, Promise<unknown>>();
const heldHere = new Set<string>();

/** Runs `fn` while holding the lock `name`; callers queue in order. */
export function withLock<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  const locks = lockManager();
  if (locks) return locks.request(name, {}, () => fn());
  const previous = chains.get(name) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.catch(() => undefined);
  chains.set(name, tail);
  void tail.then(() => {
    if (chains.get(name) === tail) chains.delete(name);
  });
  return run;
}

/**
 * Runs `fn` holding the lock `name` only if no one holds it now; resolves to undefined at once
 * otherwise (a live tab is in it: what it guards is that tab's business).
 */
export async function tryWithLock<T>(name: string, fn: () => Promise<T> | T): Promise<T | undefined> {
  const locks = lockManager();
  if (locks) return locks.request(name, { ifAvailable: true }, (lock) => (lock === null ? undefined : fn()));
  if (chains.has(name)) return undefined;
  return withLock(name, fn);
}

/**
 * Holds `name` until the returned release() runs (or the tab closes); resolves once held, or to
 * undefined at once when another tab holds it (two new tabs reaching for one left draft).
 */
export async function holdLock(name: string): Promise<(() => void) | undefined> {
  let release = () => {};
  const released = new Promise<void>((done) => {
    release = done;
  });
  const locks = lockManager();
  if (!locks) {
    if (heldHere.has(name)) return undefined;
    heldHere.add(name);
    return () => {
      heldHere.delete(name);
      release();
    };
  }
  const held = await new Promise<boolean>((answer) => {
    void locks.request(name, { ifAvailable: true }, (lock) => {
      answer(lock !== null);
      return lock === null ? undefined : released;
    });
  });
  return held ? release : undefined;
}

/** The names of the locks held now, in every tab (the fallback knows this realm's only). */
export async function heldLockNames(): Promise<Set<string>> {
  const locks = lockManager();
  if (!locks) return new Set(heldHere);
  const snapshot = await locks.query();
  return new Set((snapshot.held ?? []).map((lock) => lock.name ?? ''));
}
