/**
 * Everything a page needs for drafts, the outbox and the history, wired together once: one draft store
 * per open instrument form, a submitter whose accepted submissions clear the matching draft (unless it
 * was edited after), opening a history entry as a new draft, and outbox retries on load and `online`.
 * No React: the portal and the embed call this, then hand the stores to the components.
 */
import type { StateStorage } from 'zustand/middleware';
import type { FieldModel } from '../../schemas/index';
import { clearStoredDraft } from './clearStoredDraft';
import { createDraftStore, type DraftStore, draftStorageKey } from './createDraftStore';
import {
  createHistoryStore,
  type HistoryEntry,
  type HistoryStore,
  historyStorageKey,
} from './createHistoryStore';
import { createOutboxStore, type OutboxStore, outboxStorageKey } from './createOutboxStore';
import {
  createSubmitter,
  type SendOptions,
  type SubmissionMeta,
  type Submitter,
  startOutboxSync,
} from './createSubmitter';
import { defaultStorage } from './memoryStorage';
import type { SubmitResult } from './submitRequest';

export interface DraftsRuntimeOptions {
  /** Where requests are POSTed, and how (timeoutMs, retries, backoff, fetch, headers); a function is read per send. */
  send: SendOptions | (() => SendOptions);
  storage?: StateStorage;
  debounceMs?: number;
  now?: () => number;
}

export interface DraftsRuntime {
  readonly outbox: OutboxStore;
  readonly history: HistoryStore;
  readonly submitter: Submitter;
  /** The draft store of an instrument's form; the same store while instrument, version and model match. */
  draftStoreFor(instrument: string, schemaVersion: number, model?: FieldModel): DraftStore;
  /** Saves the form's draft now, then submits through the outbox. */
  submit(request: Record<string, unknown>, meta: SubmissionMeta): Promise<SubmitResult>;
  /** Makes a history entry the instrument's draft (through the model check when its form opens). */
  openAsDraft(entry: HistoryEntry): void;
  /** Retries the outbox now and on every `online` event, re-reads outbox and history written by other tabs. */
  startSync(target?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>): () => void;
}

export function createDraftsRuntime(options: DraftsRuntimeOptions): DraftsRuntime {
  const storage = options.storage ?? defaultStorage();
  const now = options.now ?? Date.now;
  const outbox = createOutboxStore({ storage });
  const history = createHistoryStore({ storage });
  const open = new Map<string, { store: DraftStore; schemaVersion: number; model?: FieldModel }>();

  const submitter = createSubmitter({
    outbox,
    history,
    send: options.send,
    now,
    onAccepted: (entry) => {
      const form = open.get(entry.instrument);
      if (form) form.store.getState().clearIfUnchangedSince(entry.createdAt);
      else void clearStoredDraft(entry.instrument, entry.createdAt, storage);
    },
  });

  const draftStoreFor = (instrument: string, schemaVersion: number, model?: FieldModel): DraftStore => {
    const known = open.get(instrument);
    if (known && known.schemaVersion === schemaVersion && known.model === model) return known.store;
    known?.store.getState().dispose();
    const store = createDraftStore({
      instrument,
      schemaVersion,
      model,
      storage,
      debounceMs: options.debounceMs,
      now,
    });
    open.set(instrument, { store, schemaVersion, model });
    return store;
  };

  return {
    outbox,
    history,
    submitter,
    draftStoreFor,
    submit(request, meta) {
      open.get(meta.instrument)?.store.getState().flush();
      return submitter.submit(request, meta);
    },
    openAsDraft(entry) {
      const form = open.get(entry.instrument);
      if (form) {
        form.store.getState().replace(entry.request, entry.schemaVersion);
        return;
      }
      // Written in the store's own format under the entry's schema version: opening the form runs migrate.
      let notApplied: unknown = [];
      try {
        const raw = storage.getItem(draftStorageKey(entry.instrument));
        if (typeof raw === 'string') notApplied = JSON.parse(raw)?.state?.notApplied ?? [];
      } catch {
        notApplied = [];
      }
      storage.setItem(
        draftStorageKey(entry.instrument),
        JSON.stringify({
          state: {
            draft: { values: entry.request, savedAt: now(), schemaVersion: entry.schemaVersion },
            notApplied,
          },
          version: entry.schemaVersion,
        }),
      );
    },
    startSync(target = globalThis) {
      const stopOutbox = startOutboxSync(submitter, target);
      // Another tab changed the outbox or history: re-read it, so this tab never writes back a stale list.
      const onStorage = (event: Event) => {
        const key = (event as StorageEvent).key;
        if (key === outboxStorageKey || key === null) void outbox.persist.rehydrate();
        if (key === historyStorageKey || key === null) void history.persist.rehydrate();
      };
      target.addEventListener('storage', onStorage);
      return () => {
        stopOutbox();
        target.removeEventListener('storage', onStorage);
      };
    },
  };
}
