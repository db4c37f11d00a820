/**
 * The browser storage for drafts, the outbox and the history: IndexedDB through idb-keyval, as the
 * string-level StateStorage zustand's persist and the shared lists use. IndexedDB holds far more than
 * localStorage's 5 MB and does not block the page while writing. A refused write (a full quota)
 * rejects, so the caller can say so; nothing here swallows it.
 */
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import type { StateStorage } from 'zustand/middleware';

/** A StateStorage that can also list its keys (to find every draft of one instrument). */
export interface ListableStorage extends StateStorage {
  keys(): Promise<string[]> | string[];
}

/** Storage in the IndexedDB database `dbName` (object store "keyval"). */
export function idbStorage(dbName = 'formulary'): ListableStorage {
  let store: UseStore | undefined;
  const db = () => {
    store ??= createStore(dbName, 'keyval');
    return store;
  };
  return {
    getItem: async (name) => {
      const value = await get<unknown>(name, db());
      return typeof value === 'string' ? value : null;
    },
    setItem: (name, value) => set(name, value, db()),
    removeItem: (name) => del(name, db()),
    keys: async () => (await keys(db())).filter((k): k is string => typeof k === 'string'),
  };
}

/** Whether this page can open IndexedDB (private modes and old engines may not). */
export function hasIndexedDb(): boolean {
  try {
    return typeof globalThis.indexedDB?.open === 'function';
  } catch {
    return false;
  }
}

/** The keys of any StateStorage: its own keys() or, for Web Storage, its key(i) list. */
export async function storageKeys(storage: StateStorage): Promise<string[]> {
  const listable = storage as Partial<ListableStorage> & Partial<Storage>;
  if (typeof listable.keys === 'function') return listable.keys();
  if (typeof listable.key === 'function' && typeof listable.length === 'number') {
    const names: string[] = [];
    for (let i = 0; i < listable.length; i++) {
      const name = listable.key(i);
      if (name !== null) names.push(name);
    }
    return names;
  }
  const items = (storage as { items?: Map<string, string> }).items;
  return items ? [...items.keys()] : [];
}
