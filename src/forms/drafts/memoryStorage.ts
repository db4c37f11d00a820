/**
 * An in-memory StateStorage (the string-level interface zustand's persist reads and writes): the
 * default where there is no localStorage (Node, tests), and a way to inspect what was persisted.
 * It must not pretend to survive a reload: only tests and servers use it.
 */
import type { StateStorage } from 'zustand/middleware';

export interface MemoryStorage extends StateStorage<void> {
  /** The raw strings stored, by key (a live view: tests read and seed it). */
  readonly items: Map<string, string>;
  /** How many times setItem ran: tests count writes to prove the debounce. */
  writes: number;
}

/** Creates an empty in-memory storage; every call is O(1). */
export function memoryStorage(seed?: Record<string, string>): MemoryStorage {
  const items = new Map<string, string>(Object.entries(seed ?? {}));
  const storage: MemoryStorage = {
    items,
    writes: 0,
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => {
      storage.writes += 1;
      items.set(name, value);
    },
    removeItem: (name) => {
      items.delete(name);
    },
  };
  return storage;
}

/** localStorage when the page has one (and it works: private modes may throw), else memory. */
export function defaultStorage(): StateStorage {
  try {
    const local = globalThis.localStorage;
    if (local) {
      const probe = '__formulary_probe__';
      local.setItem(probe, '1');
      local.removeItem(probe);
      return local;
    }
  } catch {
    // Storage disabled (private mode, quota 0): fall through to memory so the form still works.
  }
  return memoryStorage();
}
