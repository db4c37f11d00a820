/**
 * Clears a saved draft of an instrument whose form is not open (its submission was accepted from the
 * outbox), unless it was saved after `since`: edits made after submitting are kept. Storage only.
 */
import type { StateStorage } from 'zustand/middleware';
import { draftStorageKey } from './createDraftStore';
import { defaultStorage } from './memoryStorage';

/** Removes the instrument's stored draft if it was saved at or before `since`; true when removed. */
export async function clearStoredDraft(
  instrument: string,
  since: number,
  storage: StateStorage = defaultStorage(),
  draftId?: string,
): Promise<boolean> {
  const key = draftStorageKey(instrument, draftId);
  const raw = await storage.getItem(key);
  if (raw === null) return false;
  let savedAt = Number.POSITIVE_INFINITY;
  try {
    const parsed = JSON.parse(raw) as { state?: { draft?: { savedAt?: unknown } | null } };
    const draft = parsed.state?.draft;
    if (draft === null || draft === undefined) return false;
    if (typeof draft.savedAt === 'number') savedAt = draft.savedAt;
  } catch {
    return false; // Unreadable: leave it for the form to report as not applied.
  }
  if (savedAt > since) return false;
  await storage.removeItem(key);
  return true;
}
