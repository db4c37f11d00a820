/**
 * The history of accepted submissions (newest first), shared by every tab: time, instrument, job kind,
 * the fields that differ from defaults and the request itself, so one can be opened as a new draft.
 * Changed only by read-modify-write under a lock (sharedList.ts): two tabs accepted within
 * milliseconds both land. State only; JSON export and import live in importHistory.ts. No React.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { isPlainObject, type JsonValue } from '../../schemas/index';
import type { SharedStoreOptions } from './createOutboxStore';
import { defaultStorage } from './memoryStorage';
import { createSharedList, type SharedListState } from './sharedList';

export interface HistoryEntry {
  /** The submission's Idempotency-Key: the same request imported twice is one entry. */
  readonly id: string;
  /** Epoch milliseconds when the server accepted it. */
  readonly submittedAt: number;
  readonly instrument: string;
  readonly schemaVersion: number;
  readonly jobKind: string;
  /** JSON Pointers of the values that differ from the defaults. */
  readonly changedFields: readonly string[];
  /** The request as sent: an object, or the list, text or number a non-object root is. */
  readonly request: JsonValue;
  /** The id the server gave the submission (its 201 body's `id`), when it gave one. */
  readonly serverId?: string;
}

export interface HistoryState extends SharedListState<HistoryEntry> {
  /** Adds an entry (or replaces the one with its id). O(n). */
  add(entry: HistoryEntry): Promise<boolean>;
  /** Adds entries not already present by id; returns the indexes of those that were duplicates. */
  addMany(entries: readonly HistoryEntry[]): Promise<{ added: number; duplicates: number[] }>;
  remove(id: string): Promise<boolean>;
  clear(): Promise<boolean>;
  refresh(): Promise<void>;
}

/** The store, with `ready` (first read done) and `close()` (stop listening to other tabs). */
export type HistoryStore = StoreApi<HistoryState> & { ready: Promise<void>; close(): void };

export const historyStorageKey = 'formulary:history';

const newestFirst = (a: HistoryEntry, b: HistoryEntry) => b.submittedAt - a.submittedAt;

export function createHistoryStore(options: SharedStoreOptions = {}): HistoryStore {
  let list: ReturnType<typeof createSharedList<HistoryEntry, HistoryState>>;
  const store = createStore<HistoryState>()(() => ({
    saveError: null,
    loaded: false,
    entries: [],
    add: (entry) =>
      list.change((entries) => [...entries.filter((e) => e.id !== entry.id), entry].sort(newestFirst)),
    async addMany(entries) {
      const duplicates: number[] = [];
      let added = 0;
      await list.change((stored) => {
        const known = new Set(stored.map((e) => e.id));
        const fresh: HistoryEntry[] = [];
        duplicates.length = 0;
        entries.forEach((entry, index) => {
          if (known.has(entry.id)) duplicates.push(index);
          else {
            known.add(entry.id);
            fresh.push(entry);
          }
        });
        added = fresh.length;
        return [...stored, ...fresh].sort(newestFirst);
      });
      return { added, duplicates };
    },
    remove: (id) => list.change((entries) => entries.filter((e) => e.id !== id)),
    clear: () => list.change(() => []),
    refresh: () => list.refresh(),
  }));
  list = createSharedList<HistoryEntry, HistoryState>({
    key: historyStorageKey,
    storage: options.storage ?? defaultStorage(),
    read: (items) =>
      items.filter((e): e is HistoryEntry => isPlainObject(e) && typeof e.id === 'string').sort(newestFirst),
    store,
    channel: options.channel,
  });
  return Object.assign(store, { ready: list.ready, close: list.close });
}
