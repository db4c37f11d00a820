/**
 * The history of accepted submissions (newest first), persisted: time, instrument, job kind, the
 * fields that differ from defaults and the request itself, so one can be opened as a new draft.
 * State only; JSON export and import live in importHistory.ts. No React.
 */
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { isPlainObject } from '../../schemas/index';
import { defaultStorage } from './memoryStorage';
import { refusalSafeSet, type SaveErrorState } from './refusalSafeSet';

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
  readonly request: Record<string, unknown>;
  /** The id the server gave the submission (its 201 body's `id`), when it gave one. */
  readonly serverId?: string;
}

export interface HistoryState extends SaveErrorState {
  readonly entries: readonly HistoryEntry[];
  /** Adds an entry (or replaces the one with its id). O(n). */
  add(entry: HistoryEntry): void;
  /** Adds entries not already present by id; returns the indexes of those that were duplicates. */
  addMany(entries: readonly HistoryEntry[]): { added: number; duplicates: number[] };
  remove(id: string): void;
  clear(): void;
}

/** The store, with `persist.rehydrate()` to re-read what another tab wrote. */
export type HistoryStore = StoreApi<HistoryState> & { persist: { rehydrate(): Promise<void> | void } };

export const historyStorageKey = 'formulary:history';

const newestFirst = (a: HistoryEntry, b: HistoryEntry) => b.submittedAt - a.submittedAt;

export function createHistoryStore(options: { storage?: StateStorage } = {}): HistoryStore {
  return createStore<HistoryState>()(
    persist(
      (persistedSet, get) => {
        const set = refusalSafeSet(persistedSet, get);
        return {
          saveError: null,
          entries: [],
          add(entry) {
            const others = get().entries.filter((e) => e.id !== entry.id);
            set({ entries: [...others, entry].sort(newestFirst) });
          },
          addMany(entries) {
            const known = new Set(get().entries.map((e) => e.id));
            const duplicates: number[] = [];
            const fresh: HistoryEntry[] = [];
            entries.forEach((entry, index) => {
              if (known.has(entry.id)) duplicates.push(index);
              else {
                known.add(entry.id);
                fresh.push(entry);
              }
            });
            set({ entries: [...get().entries, ...fresh].sort(newestFirst) });
            return { added: fresh.length, duplicates };
          },
          remove(id) {
            set({ entries: get().entries.filter((e) => e.id !== id) });
          },
          clear() {
            set({ entries: [] });
          },
        };
      },
      {
        name: historyStorageKey,
        version: 1,
        storage: createJSONStorage(() => options.storage ?? defaultStorage()),
        partialize: (state) => ({ entries: state.entries }),
        migrate: (persisted) => persisted as { entries: HistoryEntry[] },
        merge: (persisted, current) => {
          const raw = isPlainObject(persisted) && Array.isArray(persisted.entries) ? persisted.entries : [];
          return { ...current, entries: (raw as HistoryEntry[]).filter((e) => isPlainObject(e)) };
        },
      },
    ),
  );
}
