/**
 * The outbox: a queue of submissions the server has not accepted, shared by every tab. Each entry is
 * kept until the server accepts it or the user discards that one entry; a newer submission never
 * replaces an older one. Stored under one key, changed only by read-modify-write under a lock
 * (sharedList.ts), so two tabs never overwrite each other's entries. State only: sending is
 * createSubmitter's job. No React.
 */

import type { StateStorage } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { isPlainObject } from '../../schemas/index';
import type { ChangeChannel } from './changeChannel';
import { defaultStorage } from './memoryStorage';
import { createSharedList, type SharedListState } from './sharedList';
import type { SendReason, ServerFieldProblem } from './submitRequest';

/**
 * waiting: not sent, or the server answered "not now" (5xx); sending: a tab is sending it now;
 * unknown: sent, but no answer came (timeout, connection lost), so it may have landed;
 * rejected: the server refused it (4xx).
 */
export type OutboxStatus = 'waiting' | 'sending' | 'unknown' | 'rejected';

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
  /** The draft it was submitted from: only that draft is cleared when it is accepted. */
  readonly draftId?: string;
  /** The revision of the instrument defaults its values were made against (X-Defaults-Revision). */
  readonly defaultsRevision?: number;
  /** The tab sending it while status is "sending". */
  readonly sender?: string;
  /** The last failure: the server's message for a rejection, the network error otherwise. */
  readonly lastError?: string;
  /** lastError as catalogue words, when they are ours (a network error, a timeout), for the status line. */
  readonly lastWhy?: SendReason;
  readonly lastStatus?: number;
  /** The fields a refusal named (a 422's errors[]), so the status can say how many are marked. */
  readonly lastProblems?: readonly ServerFieldProblem[];
  /** When the next automatic retry happens (epoch ms), while backing off. */
  readonly nextRetryAt?: number;
}

export interface OutboxState extends SharedListState<OutboxEntry> {
  /** Last accepted submission per instrument in this page's life (not stored): "submitted ✓". */
  readonly accepted: Readonly<Record<string, { id: string; at: number }>>;
  /** Adds an entry at the end of the queue (or updates the one with its id); true once stored. */
  put(entry: OutboxEntry): Promise<boolean>;
  /** Changes one entry if it is still there. */
  update(id: string, patch: Partial<Omit<OutboxEntry, 'id'>>): Promise<boolean>;
  /** Removes one entry (discard); other entries are untouched. */
  remove(id: string): Promise<boolean>;
  markAccepted(entry: OutboxEntry, at: number): Promise<boolean>;
  /** Re-reads the stored queue. */
  refresh(): Promise<void>;
}

/** The store, with `ready` (first read done) and `close()` (stop listening to other tabs). */
export type OutboxStore = StoreApi<OutboxState> & { ready: Promise<void>; close(): void };

export const outboxStorageKey = 'formulary:outbox';

export interface SharedStoreOptions {
  /** Where the list is kept (IndexedDB in the portal, localStorage or memory elsewhere). */
  storage?: StateStorage;
  channel?: ChangeChannel;
}

/** Reads stored entries; keeps the well-formed ones. */
export function readOutboxEntries(items: unknown[]): OutboxEntry[] {
  return items.filter(
    (e): e is OutboxEntry => isPlainObject(e) && typeof e.id === 'string' && typeof e.instrument === 'string',
  );
}

/** Creates the outbox store and starts reading the stored queue. */
export function createOutboxStore(options: SharedStoreOptions = {}): OutboxStore {
  let list: ReturnType<typeof createSharedList<OutboxEntry, OutboxState>>;
  const store = createStore<OutboxState>()((set, get) => ({
    entries: [],
    saveError: null,
    loaded: false,
    accepted: {},
    put: (entry) => list.change((entries) => [...entries.filter((e) => e.id !== entry.id), entry]),
    update: (id, patch) =>
      list.change((entries) => entries.map((e) => (e.id === id ? { ...e, ...patch } : e))),
    remove: (id) => list.change((entries) => entries.filter((e) => e.id !== id)),
    async markAccepted(entry, at) {
      const stored = await list.change((entries) => entries.filter((e) => e.id !== entry.id));
      set({ accepted: { ...get().accepted, [entry.instrument]: { id: entry.id, at } } });
      return stored;
    },
    refresh: () => list.refresh(),
  }));
  list = createSharedList<OutboxEntry, OutboxState>({
    key: outboxStorageKey,
    storage: options.storage ?? defaultStorage(),
    read: readOutboxEntries,
    store,
    channel: options.channel,
  });
  return Object.assign(store, { ready: list.ready, close: list.close });
}
