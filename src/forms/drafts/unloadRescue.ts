/**
 * A synchronous copy of a draft written while the page goes away. IndexedDB writes are asynchronous
 * (idb-keyval opens its transaction a microtask later), and a write started in `pagehide` may never
 * commit: in Chromium a change typed just before a reload was lost that way (CI, drafts e2e). Web
 * Storage writes are synchronous, so a copy put there in `pagehide` survives; the next page moves it
 * back into the real storage before any draft is opened, and deletes it.
 */
import type { StateStorage } from 'zustand/middleware';

/** The synchronous Web Storage part a rescue needs (localStorage in a page, a Map in tests). */
export type SyncStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface UnloadRescue {
  /** Keeps `value` (the persisted string of storage key `name`) synchronously, stamped `at`. */
  save(name: string, value: string, at: number): void;
  /** Drops the copy of `name`: the real storage has caught up, or the draft was deleted. */
  forget(name: string): void;
  /** Moves every copy newer than what `into` holds back into it, then deletes the copies. */
  restoreAll(into: StateStorage): Promise<void>;
}

const prefix = 'formulary:unload-rescue:';

interface RescuedCopy {
  readonly at: number;
  readonly value: string;
}

/** A rescue in `local`, or undefined where there is no working Web Storage. */
export function unloadRescue(local: SyncStorage | undefined = pageLocalStorage()): UnloadRescue | undefined {
  if (!local) return undefined;
  return {
    save(name, value, at) {
      try {
        local.setItem(prefix + name, JSON.stringify({ at, value } satisfies RescuedCopy));
      } catch {
        // A full localStorage: the asynchronous write was still started, and may yet commit.
      }
    },
    forget(name) {
      local.removeItem(prefix + name);
    },
    async restoreAll(into) {
      for (const key of rescueKeys(local)) {
        const name = key.slice(prefix.length);
        const copy = readCopy(local.getItem(key));
        if (copy && copy.at >= (await savedAtOf(into, name))) await into.setItem(name, copy.value);
        local.removeItem(key);
      }
    },
  };
}

function rescueKeys(local: SyncStorage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < local.length; i++) {
    const key = local.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

function readCopy(text: string | null): RescuedCopy | undefined {
  if (!text) return undefined;
  try {
    const copy = JSON.parse(text) as Partial<RescuedCopy>;
    return typeof copy.at === 'number' && typeof copy.value === 'string' ? (copy as RescuedCopy) : undefined;
  } catch {
    return undefined;
  }
}

/** When the stored draft under `name` was saved; -Infinity when there is none or it cannot be read. */
async function savedAtOf(storage: StateStorage, name: string): Promise<number> {
  const stored = await storage.getItem(name);
  if (!stored) return Number.NEGATIVE_INFINITY;
  try {
    const savedAt = (JSON.parse(stored) as { state?: { draft?: { savedAt?: unknown } } }).state?.draft
      ?.savedAt;
    return typeof savedAt === 'number' ? savedAt : Number.NEGATIVE_INFINITY;
  } catch {
    return Number.NEGATIVE_INFINITY;
  }
}

function pageLocalStorage(): SyncStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    // Storage disabled (private mode): no rescue, the asynchronous write is all there is.
    return undefined;
  }
}
