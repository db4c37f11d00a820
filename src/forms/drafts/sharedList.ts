/**
 * A list shared by every tab (the outbox, the history): kept in storage under one key, changed only by
 * read-modify-write under a lock named after that key, so a tab never writes back a stale copy; each
 * change is announced on the change channel and every other tab re-reads. The in-page copy is a zustand
 * store for the panels. A change resolves false (and sets `saveError`) when the browser refused the
 * write: callers that must not go on without it (submit) check that. No React.
 */
import type { StateStorage } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { isPlainObject } from '../../schemas/index';
import { type ChangeChannel, changeChannel } from './changeChannel';
import { withLock } from './tabLocks';

export interface SharedListState<T> {
  readonly entries: readonly T[];
  /** Why the last write to storage failed, or null. */
  readonly saveError: string | null;
  /** True once the stored list has been read. */
  readonly loaded: boolean;
}

export interface SharedList<T, S extends SharedListState<T> = SharedListState<T>> {
  readonly store: StoreApi<S>;
  /** Applies `change` to the stored list under the lock; true when stored (then every tab sees it). */
  change(change: (entries: T[]) => T[]): Promise<boolean>;
  /** Re-reads the stored list (another tab changed it). */
  refresh(): Promise<void>;
  /** Resolves after the first read. */
  ready: Promise<void>;
  close(): void;
}

export interface SharedListOptions<T, S extends SharedListState<T>> {
  key: string;
  /** The in-page store to keep the list in (one with more state than the list); a new one by default. */
  store?: StoreApi<S>;
  storage: StateStorage;
  /** Keeps the stored items that have the right shape (and fixes up old ones); never throws. */
  read(items: unknown[]): T[];
  channel?: ChangeChannel;
}

/** Creates the list and starts its first read; O(n) per change. */
export function createSharedList<T, S extends SharedListState<T> = SharedListState<T>>(
  options: SharedListOptions<T, S>,
): SharedList<T, S> {
  const { key, storage } = options;
  const channel = options.channel ?? changeChannel();
  const store =
    options.store ??
    (createStore<SharedListState<T>>()(() => ({
      entries: [],
      saveError: null,
      loaded: false,
    })) as unknown as StoreApi<S>);

  const patch = (part: Partial<SharedListState<T>>) => store.setState(part as unknown as Partial<S>);
  const readStored = async (): Promise<T[]> => {
    const raw = await storage.getItem(key);
    if (typeof raw !== 'string') return [];
    try {
      const parsed = JSON.parse(raw) as unknown;
      const list = isPlainObject(parsed) ? (parsed.state as { entries?: unknown })?.entries : undefined;
      return Array.isArray(list) ? options.read(list) : [];
    } catch {
      return [];
    }
  };

  const refresh = async () => {
    const entries = await readStored();
    patch({ entries, loaded: true });
  };

  const change = (apply: (entries: T[]) => T[]) =>
    withLock(key, async () => {
      let current: T[];
      try {
        current = await readStored();
      } catch (error) {
        // Storage that cannot even be read (IndexedDB refused): nothing is changed, and the panels say why.
        patch({
          saveError: `the browser could not read it (${error instanceof Error ? error.message : String(error)})`,
        });
        return false;
      }
      const next = apply([...current]);
      try {
        // The shape zustand's persist writes, so older pages and tools read it too.
        await storage.setItem(key, JSON.stringify({ state: { entries: next }, version: 1 }));
      } catch (error) {
        const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        patch({ entries: current, saveError: `the browser did not store it (${why})`, loaded: true });
        return false;
      }
      patch({ entries: next, saveError: null, loaded: true });
      channel.post(key);
      return true;
    });

  const stop = channel.listen((changed) => {
    if (changed === key) void refresh();
  });
  const ready = refresh().catch(() => patch({ loaded: true }));
  return {
    store,
    change,
    refresh,
    ready,
    close() {
      stop();
      channel.close();
    },
  };
}
