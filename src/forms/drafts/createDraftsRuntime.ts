/**
 * Everything a page needs for drafts, the outbox and the history, wired together once. Drafts belong
 * to a tab while it is open: each tab edits its own draft of an instrument (remembered across reloads
 * in sessionStorage), holds a lock on it, and is told about the other tabs' drafts of the same
 * instrument (keep both, take the other's, merge field by field). An accepted submission clears only
 * the draft it came from. "Open as new draft" opens beside the draft in progress, with undo. Outbox
 * and history are shared by every tab (sharedList.ts); the outbox is retried on load and `online`.
 * No React: the portal and the embed call this, then hand the stores to the components.
 */
import type { StateStorage } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { type FieldModel, type JsonValue, setAt } from '../../schemas/index';
import { type ChangeChannel, changeChannel } from './changeChannel';
import { clearStoredDraft } from './clearStoredDraft';
import { createDraftStore, type DraftStore, draftStorageKey, parseDraftStorageKey } from './createDraftStore';
import { createHistoryStore, type HistoryEntry, type HistoryStore } from './createHistoryStore';
import { createOutboxStore, type OutboxStore } from './createOutboxStore';
import {
  createSubmitter,
  type SendOptions,
  type SubmissionMeta,
  type SubmitOutcome,
  type Submitter,
  startOutboxSync,
} from './createSubmitter';
import { draftLockName, listDrafts, type StoredDraft } from './listDrafts';
import { defaultStorage } from './memoryStorage';
import { migrateLocalStorage } from './migrateLocalStorage';
import { newIdempotencyKey, type SendReason } from './submitRequest';
import { heldLockNames, holdLock } from './tabLocks';
import { type SyncStorage, unloadRescue } from './unloadRescue';

export interface DraftsRuntimeOptions {
  /** Where requests are POSTed, and how (timeoutMs, retries, backoff, fetch, headers); a function is read per send. */
  send: SendOptions | (() => SendOptions);
  /** Drafts, outbox and history (idbStorage() in the portal); localStorage, else memory, by default. */
  storage?: StateStorage;
  /** Remembers this tab's draft of each instrument across reloads: sessionStorage by default. */
  tabStorage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** Moves these instruments' drafts, the outbox and the history from this older storage first. */
  migrateFrom?: { storage: StateStorage; instruments: readonly string[] };
  /**
   * Synchronous storage for a draft write the page may not live to finish (see unloadRescue):
   * localStorage by default when `storage` is given; none when drafts are in localStorage already.
   */
  unloadRescue?: SyncStorage | false;
  debounceMs?: number;
  now?: () => number;
  channel?: ChangeChannel;
}

/** What the tab shows about drafts beside its own. */
export interface TabDraftsState {
  /** This tab's draft store per instrument. */
  readonly drafts: Readonly<Record<string, DraftStore>>;
  /** The other stored drafts per instrument (other tabs', or left by closed ones), newest first. */
  readonly others: Readonly<Record<string, readonly StoredDraft[]>>;
  /** The last replacement of this tab's draft, to undo. */
  readonly undo: {
    readonly instrument: string;
    /** The catalogue key of what was done (draft.other.*): the notice words it in the form's language. */
    readonly text: string;
    /** The values of that message (the field taken). */
    readonly values?: Readonly<Record<string, string>>;
    readonly previousDraftId?: string;
    readonly previousValues?: JsonValue;
  } | null;
  /** Why the last submission of a draft did not go as asked (not stored, earlier landed), by draft id. */
  readonly notes: Readonly<
    Record<
      string,
      {
        readonly tone: 'alert' | 'status';
        /** English, for logs; `why` words it for the page. */
        readonly text: string;
        readonly why?: SendReason;
      }
    >
  >;
}

export interface DraftsRuntime {
  readonly outbox: OutboxStore;
  readonly history: HistoryStore;
  readonly submitter: Submitter;
  readonly tab: StoreApi<TabDraftsState>;
  /** Resolves once the older storage was migrated and the outbox and history were read. */
  readonly ready: Promise<void>;
  /** Opens this tab's draft of an instrument (its own after a reload, else one no tab has open, else a new one). */
  openDraft(instrument: string, schemaVersion: number, model?: FieldModel): Promise<DraftStore>;
  /** Saves the form's draft now, then submits through the outbox. */
  submit(request: JsonValue, meta: SubmissionMeta): Promise<SubmitOutcome>;
  /** Opens a history entry as a new draft beside the one in progress (kept; undo goes back to it). */
  openAsDraft(entry: HistoryEntry, model?: FieldModel): Promise<void>;
  /** Replaces this tab's draft values with another draft's (undo restores them). */
  takeOther(instrument: string, otherId: string): void;
  /** Takes one field's value from another draft. */
  takeField(instrument: string, otherId: string, pointer: string, value: unknown): void;
  /** Switches this tab to another stored draft; the current one stays stored. */
  switchTo(instrument: string, draftId: string): Promise<void>;
  /** Deletes a stored draft no tab has open. */
  deleteOther(instrument: string, draftId: string): Promise<void>;
  undo(): Promise<void>;
  /** Re-reads the other drafts of an instrument. */
  refreshOthers(instrument: string): Promise<void>;
  /** Lets go of this tab's drafts (their locks) and stops listening to other tabs: the page is going. */
  close(): void;
  /** Retries the outbox now and on every `online` event. */
  startSync(target?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>): () => void;
}

const tabKey = (instrument: string) => `formulary:tab-draft:${instrument}`;
const acceptedPrefix = 'formulary:accepted|';

function sessionStore(): Pick<Storage, 'getItem' | 'setItem'> {
  try {
    if (globalThis.sessionStorage) return globalThis.sessionStorage;
  } catch {
    // Disabled storage: this tab starts a new draft on every reload of an instrument no tab holds.
  }
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

export function createDraftsRuntime(options: DraftsRuntimeOptions): DraftsRuntime {
  const base = options.storage ?? defaultStorage();
  const channel = options.channel ?? changeChannel();
  const tabStorage = options.tabStorage ?? sessionStore();
  const now = options.now ?? Date.now;
  // Every draft write tells the other tabs, which re-read their lists of other drafts.
  const storage: StateStorage = {
    getItem: (name) => base.getItem(name),
    setItem: async (name, value) => {
      await base.setItem(name, value);
      channel.post(name);
    },
    removeItem: async (name) => {
      await base.removeItem(name);
      channel.post(name);
    },
  };
  const rescue =
    options.unloadRescue === false || (options.storage === undefined && options.unloadRescue === undefined)
      ? undefined
      : unloadRescue(options.unloadRescue);
  const migrated = (
    options.migrateFrom
      ? migrateLocalStorage(options.migrateFrom.storage, base, options.migrateFrom.instruments).catch(
          () => undefined,
        )
      : Promise.resolve()
  ).then(() => rescue?.restoreAll(base).catch(() => undefined));
  const outbox = createOutboxStore({ storage: base });
  const history = createHistoryStore({ storage: base });
  // Migrated lists were written after the first read: read again.
  const ready = migrated.then(async () => {
    await Promise.all([outbox.getState().refresh(), history.getState().refresh()]);
  });
  const tab = createStore<TabDraftsState>()(() => ({ drafts: {}, others: {}, undo: null, notes: {} }));
  const open = new Map<
    string,
    { store: DraftStore; draftId: string; schemaVersion: number; model?: FieldModel; release: () => void }
  >();

  const clearAccepted = (draftId: string, instrument: string, since: number) => {
    const form = open.get(instrument);
    if (form?.draftId !== draftId) return false;
    form.store.getState().clearIfUnchangedSince(since);
    outbox.setState({ accepted: { ...outbox.getState().accepted, [draftId]: { id: draftId, at: now() } } });
    return true;
  };

  const submitter = createSubmitter({
    outbox,
    history,
    send: options.send,
    now,
    onAccepted: (entry) => {
      if (!entry.draftId) return;
      outbox.setState({
        accepted: { ...outbox.getState().accepted, [entry.draftId]: { id: entry.id, at: now() } },
      });
      if (clearAccepted(entry.draftId, entry.instrument, entry.createdAt)) return;
      // Another tab's draft: that tab clears it; a draft no tab has open is cleared here.
      channel.post(`${acceptedPrefix}${entry.instrument}|${entry.draftId}|${entry.createdAt}`);
      void heldLockNames().then((held) => {
        if (!held.has(draftLockName(entry.instrument, entry.draftId!))) {
          void clearStoredDraft(entry.instrument, entry.createdAt, storage, entry.draftId);
        }
      });
    },
  });

  const refreshOthers = async (instrument: string) => {
    const mine = open.get(instrument)?.draftId;
    const others = (await listDrafts(base, instrument)).filter((d) => d.draftId !== mine);
    tab.setState({ others: { ...tab.getState().others, [instrument]: others } });
  };

  const stopListening = channel.listen((key) => {
    if (key.startsWith(acceptedPrefix)) {
      const [instrument = '', draftId = '', since = '0'] = key.slice(acceptedPrefix.length).split('|');
      clearAccepted(draftId, instrument, Number(since));
      return;
    }
    const parsed = parseDraftStorageKey(key);
    if (parsed?.draftId && open.has(parsed.instrument)) void refreshOthers(parsed.instrument);
  });

  const openDraft = async (instrument: string, schemaVersion: number, model?: FieldModel) => {
    await ready;
    const known = open.get(instrument);
    let draftId = tabStorage.getItem(tabKey(instrument)) ?? undefined;
    if (
      known &&
      known.draftId === draftId &&
      known.schemaVersion === schemaVersion &&
      known.model === model
    ) {
      return known.store;
    }
    const held = await heldLockNames();
    // A duplicated tab copies sessionStorage: a draft another tab holds is that tab's, not ours.
    if (draftId && known?.draftId !== draftId && held.has(draftLockName(instrument, draftId)))
      draftId = undefined;
    const stored = await listDrafts(base, instrument);
    // This tab's draft holds nothing yet: a draft left by a closed tab (or moved from localStorage) is
    // worth more than an empty one.
    if (draftId && known?.draftId !== draftId && !stored.some((d) => d.draftId === draftId))
      draftId = undefined;
    if (!draftId) draftId = stored.find((d) => !d.open)?.draftId ?? newIdempotencyKey();
    if (known) {
      known.store.getState().dispose();
      if (known.draftId !== draftId) known.release();
    }
    let release =
      known?.draftId === draftId ? known.release : await holdLock(draftLockName(instrument, draftId));
    if (!release) {
      // Another tab took that draft a moment ago: this tab starts its own.
      draftId = newIdempotencyKey();
      release = (await holdLock(draftLockName(instrument, draftId))) ?? (() => {});
    }
    const store = createDraftStore({
      instrument,
      draftId,
      schemaVersion,
      model,
      storage,
      rescue,
      debounceMs: options.debounceMs,
      now,
    });
    tabStorage.setItem(tabKey(instrument), draftId);
    open.set(instrument, { store, draftId, schemaVersion, model, release });
    tab.setState({ drafts: { ...tab.getState().drafts, [instrument]: store } });
    void refreshOthers(instrument);
    return store;
  };

  const reopen = async (instrument: string, draftId: string) => {
    tabStorage.setItem(tabKey(instrument), draftId);
    const known = open.get(instrument);
    if (known) await openDraft(instrument, known.schemaVersion, known.model);
  };

  const replaceValues = (
    instrument: string,
    values: JsonValue | undefined,
    text: string,
    textValues?: Readonly<Record<string, string>>,
  ) => {
    const form = open.get(instrument);
    if (!form) return;
    form.store.getState().flush();
    const previousValues = form.store.getState().draft?.values;
    form.store.getState().replace(structuredClone(values));
    tab.setState({ undo: { instrument, text, ...(textValues && { values: textValues }), previousValues } });
  };

  return {
    outbox,
    history,
    submitter,
    tab,
    ready,
    openDraft,
    async submit(request, meta) {
      const form = open.get(meta.instrument);
      form?.store.getState().flush();
      const draftId = meta.draftId ?? form?.draftId;
      const outcome = await submitter.submit(request, { ...meta, ...(draftId && { draftId }) });
      if (draftId) {
        const note =
          !outcome.ok && (outcome.kind === 'not-stored' || outcome.kind === 'earlier-landed')
            ? { tone: 'alert' as const, text: outcome.message, ...(outcome.why && { why: outcome.why }) }
            : 'notice' in outcome && outcome.notice
              ? {
                  tone: 'alert' as const,
                  text: outcome.notice,
                  ...(outcome.noticeWhy && { why: outcome.noticeWhy }),
                }
              : undefined;
        const notes = { ...tab.getState().notes };
        if (note) notes[draftId] = note;
        else delete notes[draftId];
        tab.setState({ notes });
      }
      return outcome;
    },
    async openAsDraft(entry, model) {
      const previousDraftId =
        open.get(entry.instrument)?.draftId ?? tabStorage.getItem(tabKey(entry.instrument));
      open.get(entry.instrument)?.store.getState().flush();
      const draftId = newIdempotencyKey();
      // Written in the draft store's own format under the entry's schema version: opening runs migrate.
      await storage.setItem(
        draftStorageKey(entry.instrument, draftId),
        JSON.stringify({
          state: {
            draft: { values: entry.request, savedAt: now(), schemaVersion: entry.schemaVersion },
            notApplied: [],
          },
          version: entry.schemaVersion,
        }),
      );
      tabStorage.setItem(tabKey(entry.instrument), draftId);
      const known = open.get(entry.instrument);
      if (known) await openDraft(entry.instrument, known.schemaVersion, model ?? known.model);
      tab.setState({
        undo: {
          instrument: entry.instrument,
          text: 'draft.other.openedRequest',
          ...(previousDraftId && { previousDraftId }),
        },
      });
    },
    takeOther(instrument, otherId) {
      const other = tab.getState().others[instrument]?.find((d) => d.draftId === otherId);
      if (other) replaceValues(instrument, other.values, 'draft.other.tookAll');
    },
    takeField(instrument, otherId, pointer, value) {
      const form = open.get(instrument);
      if (!form || !tab.getState().others[instrument]?.some((d) => d.draftId === otherId)) return;
      form.store.getState().flush();
      // No draft yet: a row index starts a list root, a key an object root.
      const current = form.store.getState().draft?.values ?? (/^\/\d+(\/|$)/.test(pointer) ? [] : {});
      const values = setAt(structuredClone(current), pointer, structuredClone(value));
      replaceValues(instrument, values, 'draft.other.tookField', { pointer });
    },
    switchTo: (instrument, draftId) => {
      const previousDraftId = open.get(instrument)?.draftId;
      open.get(instrument)?.store.getState().flush();
      tab.setState({
        undo: {
          instrument,
          text: 'draft.other.openedOther',
          ...(previousDraftId && { previousDraftId }),
        },
      });
      return reopen(instrument, draftId);
    },
    async deleteOther(instrument, draftId) {
      const held = await heldLockNames();
      if (held.has(draftLockName(instrument, draftId))) return;
      await storage.removeItem(draftStorageKey(instrument, draftId));
      await refreshOthers(instrument);
    },
    async undo() {
      const undo = tab.getState().undo;
      if (!undo) return;
      tab.setState({ undo: null });
      if (undo.previousDraftId) await reopen(undo.instrument, undo.previousDraftId);
      else if (undo.previousValues) open.get(undo.instrument)?.store.getState().replace(undo.previousValues);
      else open.get(undo.instrument)?.store.getState().discard();
    },
    refreshOthers,
    close() {
      for (const form of open.values()) {
        form.store.getState().dispose();
        form.release();
      }
      open.clear();
      stopListening();
      channel.close();
      outbox.close();
      history.close();
    },
    startSync(target = globalThis) {
      let stopped = false;
      let stop = () => {};
      void ready.then(() => {
        if (!stopped) stop = startOutboxSync(submitter, target);
      });
      return () => {
        stopped = true;
        stop();
      };
    },
  };
}
