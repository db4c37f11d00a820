/**
 * Every stored draft of one instrument (one per tab that edited it, plus drafts opened beside another
 * from the history), read straight from storage, newest first, with whether a tab has it open now
 * (it holds the draft's lock). Used to tell a tab that another is editing the same instrument.
 */
import type { StateStorage } from 'zustand/middleware';
import { isPlainObject, type JsonValue } from '../../schemas/index';
import { draftStorageKey, parseDraftStorageKey } from './createDraftStore';
import { storageKeys } from './idbStorage';
import { heldLockNames } from './tabLocks';

export interface StoredDraft {
  readonly draftId: string;
  readonly savedAt: number;
  readonly values: JsonValue | undefined;
  readonly schemaVersion: number;
  /** True when another tab has it open now. */
  readonly open: boolean;
}

/** The lock an open draft holds for its tab's life. */
export function draftLockName(instrument: string, draftId: string): string {
  return `${draftStorageKey(instrument, draftId)}#open`;
}

/** The drafts of `instrument` that hold values, newest first. O(keys in storage). */
export async function listDrafts(storage: StateStorage, instrument: string): Promise<StoredDraft[]> {
  const held = await heldLockNames();
  const found: StoredDraft[] = [];
  for (const key of await storageKeys(storage)) {
    const parsed = parseDraftStorageKey(key);
    if (!parsed?.draftId || parsed.instrument !== instrument) continue;
    const raw = await storage.getItem(key);
    if (typeof raw !== 'string') continue;
    try {
      const draft = (JSON.parse(raw) as { state?: { draft?: unknown } })?.state?.draft;
      // Values of any JSON type (a list or text root); a draft without values is an empty root field.
      if (!isPlainObject(draft) || (!Object.hasOwn(draft, 'values') && draft.texts === undefined)) continue;
      found.push({
        draftId: parsed.draftId,
        savedAt: typeof draft.savedAt === 'number' ? draft.savedAt : 0,
        values: draft.values as JsonValue | undefined,
        schemaVersion: typeof draft.schemaVersion === 'number' ? draft.schemaVersion : 1,
        open: held.has(draftLockName(instrument, parsed.draftId)),
      });
    } catch {
      // Unreadable: the form that opens it lists it as not applied; nothing to compare here.
    }
  }
  return found.sort((a, b) => b.savedAt - a.savedAt);
}
