/**
 * The draft store of one instrument's form: a zustand/vanilla store persisted with `persist`, whose
 * `version` is the instrument's schema version, so a draft saved under an older schema goes through
 * `migrate` (values fitted to the current FieldModel, the rest kept in `notApplied`). Autosave is
 * debounced: at most one write per `debounceMs` of quiet. No React here: hooks only read this store.
 */
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { type FieldModel, isPlainObject, type JsonValue } from '../../schemas/index';
import type { DraftTexts, TypedText } from '../engine/FormEngine';
import { defaultStorage } from './memoryStorage';
import { migrateDraftValues, type NotAppliedValue } from './migrateDraftValues';
import { refusalSafeSet, type SaveErrorState } from './refusalSafeSet';
import type { UnloadRescue } from './unloadRescue';

/** A saved draft: the form's values, when they were saved and under which schema version. */
export interface Draft {
  /**
   * The form's values: an object for an object root, else the list, text, number, boolean or null the
   * root is; undefined while a root field is empty (its typed text, if any, is in `texts`).
   */
  readonly values: JsonValue | undefined;
  /** Text that was not a value when saved, by pointer (SubmissionForm's onDraftChange, draftTexts). */
  readonly texts?: DraftTexts;
  /** Epoch milliseconds of the last save. */
  readonly savedAt: number;
  readonly schemaVersion: number;
  /**
   * The instrument defaults the values were made against (a service's overlay on the schema's, and
   * its revision), so a draft restored after they changed can say so and move onto the new ones.
   */
  readonly defaults?: DraftDefaults;
}

/** One field whose default an instrument's staff set, as a draft remembers it. */
export interface DraftDefault {
  readonly pointer: string;
  readonly value: unknown;
  readonly label?: string;
  readonly changedBy?: string;
  readonly changedAt?: string;
}

/** The defaults a draft was made against: the overlay's revision and its values. */
export interface DraftDefaults {
  readonly revision: number;
  readonly overrides: readonly DraftDefault[];
}

export interface DraftState extends SaveErrorState {
  readonly instrument: string;
  /** Which of the instrument's drafts this is (one per tab while open); undefined: the one shared key. */
  readonly draftId: string | undefined;
  /** True once the stored draft was read (IndexedDB answers later than the first render). */
  readonly hydrated: boolean;
  readonly schemaVersion: number;
  readonly draft: Draft | null;
  /** Set when the form opened on a saved draft: the bar "restored draft from <time> · discard". */
  readonly restoredFrom: { readonly savedAt: number; readonly schemaVersion: number } | null;
  /** Values the current schema could not take; persisted until dismissed. */
  readonly notApplied: readonly NotAppliedValue[];
  /** The defaults the form's values are made against; saved with every draft (see Draft.defaults). */
  readonly defaults: DraftDefaults | undefined;
  /** True while changes wait for the debounce. */
  readonly pending: boolean;
  /** Bumps when values are replaced from outside the form (discard, clear, open from history): remount. */
  readonly revision: number;
  /** Records the form's latest values (and texts); saved at most `debounceMs` after the last call. O(1). */
  saveSoon(values: JsonValue | undefined, texts?: DraftTexts): void;
  /** Saves pending values now (submit, unmount). */
  flush(): void;
  /** The page is going: saves now, and keeps a synchronous copy of any write not yet finished. */
  flushOnHide(): void;
  /** Deletes the draft; the form goes back to its defaults. */
  discard(): void;
  /** Clears the draft after a submission accepted at `time`, unless it was edited after. */
  clearIfUnchangedSince(time: number): boolean;
  /**
   * Makes `values` the draft now (open a history entry, move onto new defaults), running them
   * through the model check; `texts` and `defaults` go with them when given.
   */
  replace(
    values: JsonValue | undefined,
    fromSchemaVersion?: number,
    extra?: { texts?: DraftTexts; defaults?: DraftDefaults },
  ): void;
  /** Names the defaults the values are made against (a new draft: the instrument's current ones). */
  setDefaults(defaults: DraftDefaults | undefined): void;
  /** Hides the restored bar without touching the draft. */
  dismissRestored(): void;
  /** Forgets one not-applied value (by pointer), or all of them. */
  dismissNotApplied(pointer?: string): void;
  /** Cancels the debounce timer (the form unmounted); pending values are saved first. */
  dispose(): void;
}

export type DraftStore = StoreApi<DraftState>;

export interface DraftStoreOptions {
  instrument: string;
  /** A positive integer; drafts saved under another version are migrated against `model`. */
  schemaVersion: number;
  /** The current model; without it every saved value is kept as is. */
  model?: FieldModel;
  /** Which of the instrument's drafts; each is stored under its own key. */
  draftId?: string;
  /** String storage (localStorage by default; idbStorage() in the portal; memoryStorage() in Node). */
  storage?: StateStorage;
  /** Where a write still unfinished when the page hides is copied synchronously (see unloadRescue). */
  rescue?: Pick<UnloadRescue, 'save' | 'forget'>;
  /** Autosave delay after the last change; 500 ms by default. */
  debounceMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** The storage key of an instrument's draft (one of several when `draftId` is given). */
export function draftStorageKey(instrument: string, draftId?: string): string {
  return draftId ? `formulary:draft:${instrument}|${draftId}` : `formulary:draft:${instrument}`;
}

/** The instrument and draft id of a storage key made by draftStorageKey, or undefined. */
export function parseDraftStorageKey(key: string): { instrument: string; draftId?: string } | undefined {
  if (!key.startsWith('formulary:draft:')) return undefined;
  const rest = key.slice('formulary:draft:'.length);
  const bar = rest.lastIndexOf('|');
  return bar < 0 ? { instrument: rest } : { instrument: rest.slice(0, bar), draftId: rest.slice(bar + 1) };
}

interface PersistedDraft {
  draft: Draft | null;
  notApplied: NotAppliedValue[];
}

/** Creates (and synchronously restores, for synchronous storage) the draft store of one form. */
export function createDraftStore(options: DraftStoreOptions): DraftStore {
  const { instrument, schemaVersion, model } = options;
  if (!instrument) throw new Error('createDraftStore: `instrument` is required');
  if (!Number.isInteger(schemaVersion) || schemaVersion < 0) {
    throw new Error(`createDraftStore: schemaVersion must be a non-negative integer, got ${schemaVersion}`);
  }
  const debounceMs = options.debounceMs ?? 500;
  const now = options.now ?? Date.now;
  const base = options.storage ?? defaultStorage();
  // An asynchronous storage (IndexedDB) refuses by rejecting, which persist does not catch: say so here.
  let reportWrite: (error: unknown) => void = () => {};
  let markHydrated = () => {};
  // The newest write whose asynchronous storage has not answered yet: what a page hide must rescue.
  let unfinished: { name: string; value: string } | undefined;
  const storage = createJSONStorage<PersistedDraft>(() => ({
    getItem: (name) => base.getItem(name),
    removeItem: (name) => {
      unfinished = undefined;
      options.rescue?.forget(name);
      return base.removeItem(name);
    },
    setItem: (name, value) => {
      const written = base.setItem(name, value);
      if (written && typeof (written as Promise<void>).then === 'function') {
        const write = { name, value };
        unfinished = write;
        return (written as Promise<void>).then(
          () => {
            if (unfinished === write) {
              unfinished = undefined;
              options.rescue?.forget(name);
            }
            reportWrite(null);
          },
          (error: unknown) => reportWrite(error),
        );
      }
      return written;
    },
  }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let migrated = false;
  // `valuesWaiting` says whether values wait, not pendingValues: 0, "", false and null are values to save
  // (a number or text root), and undefined is an empty root field.
  let valuesWaiting = false;
  let pendingValues: JsonValue | undefined;
  let pendingTexts: DraftTexts | undefined;

  const storeRef = createStore<DraftState>()(
    persist(
      (persistedSet, get, api) => {
        const set = refusalSafeSet(persistedSet, get);
        reportWrite = (error) => {
          const why =
            error === null
              ? null
              : `the browser did not store it (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})`;
          // Only on a change: setting the same error again would write (and fail) again.
          if (get().saveError !== why) api.setState({ saveError: why } as Partial<DraftState>);
        };
        markHydrated = () => api.setState({ hydrated: true } as Partial<DraftState>);
        const cancelTimer = () => {
          if (timer !== undefined) clearTimeout(timer);
          timer = undefined;
        };
        const flush = () => {
          cancelTimer();
          if (!valuesWaiting) return;
          valuesWaiting = false;
          // A structured copy: the form may keep mutating the object it handed us.
          const values = structuredClone(pendingValues);
          const texts =
            pendingTexts && Object.keys(pendingTexts).length > 0 ? { ...pendingTexts } : undefined;
          pendingValues = undefined;
          pendingTexts = undefined;
          const defaults = get().defaults;
          set({
            draft: {
              values,
              ...(texts && { texts }),
              savedAt: now(),
              schemaVersion,
              ...(defaults && { defaults }),
            },
            pending: false,
          });
        };
        return {
          instrument,
          draftId: options.draftId,
          hydrated: false,
          schemaVersion,
          draft: null,
          restoredFrom: null,
          notApplied: [],
          defaults: undefined,
          pending: false,
          saveError: null,
          revision: 0,
          saveSoon(values, texts) {
            valuesWaiting = true;
            pendingValues = values;
            pendingTexts = texts;
            cancelTimer();
            timer = setTimeout(flush, debounceMs);
            if (!get().pending) set({ pending: true });
          },
          flush,
          flushOnHide() {
            flush();
            if (unfinished) options.rescue?.save(unfinished.name, unfinished.value, now());
          },
          discard() {
            cancelTimer();
            valuesWaiting = false;
            pendingValues = undefined;
            pendingTexts = undefined;
            set({ draft: null, restoredFrom: null, pending: false, revision: get().revision + 1 });
          },
          clearIfUnchangedSince(time) {
            const { draft, pending } = get();
            if (pending || (draft && draft.savedAt > time)) return false;
            get().discard();
            return true;
          },
          replace(values, fromSchemaVersion = schemaVersion, extra = {}) {
            cancelTimer();
            valuesWaiting = false;
            pendingValues = undefined;
            pendingTexts = undefined;
            const fitted = model
              ? migrateDraftValues(values, model, fromSchemaVersion)
              : { values, notApplied: [] };
            const defaults = extra.defaults ?? get().defaults;
            set({
              draft: {
                values: fitted.values,
                ...(extra.texts && Object.keys(extra.texts).length > 0 && { texts: extra.texts }),
                savedAt: now(),
                schemaVersion,
                ...(defaults && { defaults }),
              },
              defaults,
              restoredFrom: null,
              notApplied: [...get().notApplied, ...fitted.notApplied],
              pending: false,
              revision: get().revision + 1,
            });
          },
          setDefaults(defaults) {
            set({ defaults });
          },
          dismissRestored() {
            set({ restoredFrom: null });
          },
          dismissNotApplied(pointer) {
            set({
              notApplied: pointer === undefined ? [] : get().notApplied.filter((v) => v.pointer !== pointer),
            });
          },
          dispose() {
            flush();
            cancelTimer();
          },
        };
      },
      {
        name: draftStorageKey(instrument, options.draftId),
        // A storage that could not be read: the form opens anyway, saying why.
        onRehydrateStorage: () => (_state, error) => {
          if (error) {
            reportWrite(error);
            markHydrated();
          }
        },
        version: schemaVersion,
        storage,
        partialize: (state): PersistedDraft => ({
          draft: state.draft,
          notApplied: [...state.notApplied],
        }),
        // Only called when the saved schema version differs from ours.
        migrate: (persisted, fromVersion): PersistedDraft => {
          migrated = true;
          const saved = readPersisted(persisted, fromVersion);
          if (!saved.draft || !model) return saved;
          const fitted = migrateDraftValues(saved.draft.values, model, fromVersion);
          return {
            draft: { ...saved.draft, values: fitted.values, schemaVersion: fromVersion },
            notApplied: [...saved.notApplied, ...fitted.notApplied],
          };
        },
        merge: (persisted, current): DraftState => {
          const saved = readPersisted(persisted, schemaVersion);
          if (!saved.draft) return { ...current, hydrated: true, notApplied: saved.notApplied };
          let { values } = saved.draft;
          let notApplied = saved.notApplied;
          // Same version number but a schema edited without a bump: the same check, never a silent loss.
          if (!migrated && model) {
            const fitted = migrateDraftValues(values, model, saved.draft.schemaVersion);
            values = fitted.values;
            notApplied = [...notApplied, ...fitted.notApplied];
          }
          return {
            ...current,
            hydrated: true,
            draft: { ...saved.draft, values, schemaVersion },
            defaults: saved.draft.defaults,
            restoredFrom: { savedAt: saved.draft.savedAt, schemaVersion: saved.draft.schemaVersion },
            notApplied,
          };
        },
      },
    ),
  );
  return storeRef;
}

/** Checks the stored shape; an unreadable draft becomes one not-applied value, never vanishes. */
function readPersisted(persisted: unknown, version: number): PersistedDraft {
  if (persisted === undefined || persisted === null) return { draft: null, notApplied: [] };
  const notApplied: NotAppliedValue[] = [];
  const record = isPlainObject(persisted) ? persisted : {};
  if (Array.isArray(record.notApplied)) {
    for (const item of record.notApplied) {
      if (isPlainObject(item) && typeof item.pointer === 'string') notApplied.push(item as never);
    }
  }
  const draft = record.draft;
  if (draft === null || draft === undefined) return { draft: null, notApplied };
  // Values of any JSON type: a schema whose root is a list or a text saves that value (migrateDraftValues
  // then checks it against the model).
  // A draft without `values` is one of a root field left empty (JSON has no undefined): it may hold texts.
  if (isPlainObject(draft) && (Object.hasOwn(draft, 'values') || typeof draft.savedAt === 'number')) {
    const savedAt = typeof draft.savedAt === 'number' ? draft.savedAt : 0;
    const schemaVersion = typeof draft.schemaVersion === 'number' ? draft.schemaVersion : version;
    const texts = readTexts(draft.texts, notApplied, schemaVersion);
    const defaults = readDefaults(draft.defaults);
    return {
      draft: {
        values: draft.values as JsonValue | undefined,
        ...(texts && { texts }),
        savedAt,
        schemaVersion,
        ...(defaults && { defaults }),
      },
      notApplied,
    };
  }
  notApplied.push({
    pointer: '',
    value: draft,
    reason: 'the saved draft could not be read',
    fromSchemaVersion: version,
  });
  return { draft: null, notApplied };
}

/** A draft's texts as stored; an entry of the wrong shape becomes a not-applied value. */
function readTexts(stored: unknown, notApplied: NotAppliedValue[], version: number): DraftTexts | undefined {
  if (stored === undefined) return undefined;
  const texts: Record<string, TypedText> = {};
  const entries = isPlainObject(stored) ? Object.entries(stored) : [['', stored] as const];
  for (const [pointer, entry] of entries) {
    if (isPlainObject(entry) && typeof entry.text === 'string' && typeof entry.message === 'string')
      texts[pointer] = { text: entry.text, message: entry.message };
    else
      notApplied.push({
        pointer,
        value: entry,
        reason: 'the text saved for this field could not be read',
        fromSchemaVersion: version,
      });
  }
  return Object.keys(texts).length > 0 ? texts : undefined;
}

/** A draft's defaults as stored; anything of another shape is left out (the draft is then taken as made against today's). */
function readDefaults(stored: unknown): DraftDefaults | undefined {
  if (!isPlainObject(stored) || !Number.isInteger(stored.revision) || !Array.isArray(stored.overrides))
    return undefined;
  const overrides = stored.overrides.filter(
    (o): o is DraftDefault => isPlainObject(o) && typeof o.pointer === 'string' && Object.hasOwn(o, 'value'),
  );
  return { revision: stored.revision as number, overrides };
}
