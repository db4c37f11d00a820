/**
 * The outbox: requests the server has not accepted yet, persisted (localStorage by default) so they
 * survive a reload and are retried on load and when the page comes back online. One waiting entry per
 * instrument form. State only: sending is createSubmitter's job. No React.
 */
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { isPlainObject } from '../../schemas/index';
import { defaultStorage } from './memoryStorage';
import { refusalSafeSet, type SaveErrorState } from './refusalSafeSet';

export type OutboxStatus = 'waiting' | 'sending' | 'rejected';

export interface OutboxEntry {
  /** The Idempotency-Key: one per logical submission, the same on every retry. */
  readonly id: string;
  readonly instrument: string;
  readonly schemaVersion: number;
  readonly jobKind: string;
  readonly request: unknown;
  /** Pointers that differ from the defaults, computed when it was submitted. */
  readonly changedFields: readonly string[];
  readonly createdAt: number;
  readonly status: OutboxStatus;
  readonly attempts: number;
  /** The last failure: the server's message for a rejection, the network error otherwise. */
  readonly lastError?: string;
  readonly lastStatus?: number;
  /** When the next automatic retry happens (epoch ms), while backing off. */
  readonly nextRetryAt?: number;
}

export interface OutboxState extends SaveErrorState {
  readonly entries: readonly OutboxEntry[];
  /** Last accepted submission per instrument in this page's life (not persisted): "submitted ✓". */
  readonly accepted: Readonly<Record<string, { id: string; at: number }>>;
  /** Adds an entry, replacing the instrument's entries that are not being sent. O(n). */
  put(entry: OutboxEntry): void;
  update(id: string, patch: Partial<Omit<OutboxEntry, 'id'>>): void;
  remove(id: string): void;
  markAccepted(entry: OutboxEntry, at: number): void;
}

/** The store, with `persist.rehydrate()` to re-read what another tab wrote. */
export type OutboxStore = StoreApi<OutboxState> & { persist: { rehydrate(): Promise<void> | void } };

export const outboxStorageKey = 'formulary:outbox';

/** Creates the outbox store; entries left "sending" by a closed page come back as "waiting". */
export function createOutboxStore(options: { storage?: StateStorage } = {}): OutboxStore {
  return createStore<OutboxState>()(
    persist(
      (persistedSet, get) => {
        const set = refusalSafeSet(persistedSet, get);
        return {
          saveError: null,
          entries: [],
          accepted: {},
          put(entry) {
            const others = get().entries.filter(
              (e) => e.id !== entry.id && (e.instrument !== entry.instrument || e.status === 'sending'),
            );
            set({ entries: [...others, entry] });
          },
          update(id, patch) {
            set({ entries: get().entries.map((e) => (e.id === id ? { ...e, ...patch } : e)) });
          },
          remove(id) {
            set({ entries: get().entries.filter((e) => e.id !== id) });
          },
          markAccepted(entry, at) {
            set({
              entries: get().entries.filter((e) => e.id !== entry.id),
              accepted: { ...get().accepted, [entry.instrument]: { id: entry.id, at } },
            });
          },
        };
      },
      {
        name: outboxStorageKey,
        version: 1,
        storage: createJSONStorage(() => options.storage ?? defaultStorage()),
        partialize: (state) => ({ entries: state.entries }),
        migrate: (persisted) => persisted as { entries: OutboxEntry[] },
        merge: (persisted, current) => {
          const raw = isPlainObject(persisted) && Array.isArray(persisted.entries) ? persisted.entries : [];
          const entries = (raw as OutboxEntry[])
            .filter((e) => isPlainObject(e) && typeof e.id === 'string')
            .map((e) => (e.status === 'sending' ? { ...e, status: 'waiting' as const } : e));
          return { ...current, entries };
        },
      },
    ),
  );
}
