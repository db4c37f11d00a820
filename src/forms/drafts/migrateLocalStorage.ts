/**
 * Moves what the page kept in localStorage before drafts moved to IndexedDB, once, so no saved draft,
 * waiting request or history entry is lost: each instrument's draft becomes one stored draft of its
 * own, outbox and history entries are merged by id into the stored lists. A localStorage key is
 * removed only after its content is stored; a refused write leaves it for the next load.
 */
import type { StateStorage } from 'zustand/middleware';
import { draftStorageKey } from './createDraftStore';
import { historyStorageKey } from './createHistoryStore';
import { outboxStorageKey } from './createOutboxStore';
import { newIdempotencyKey } from './submitRequest';
import { withLock } from './tabLocks';

export interface MigrationReport {
  drafts: number;
  outbox: number;
  history: number;
}

/** Moves `instruments`' drafts, the outbox and the history from `from` to `to`; idempotent. */
export function migrateLocalStorage(
  from: StateStorage,
  to: StateStorage,
  instruments: readonly string[],
): Promise<MigrationReport> {
  return withLock('formulary:migrate', async () => {
    const report: MigrationReport = { drafts: 0, outbox: 0, history: 0 };
    for (const instrument of instruments) {
      const legacy = draftStorageKey(instrument);
      const raw = await from.getItem(legacy);
      if (typeof raw !== 'string') continue;
      if (/"draft":\{/.test(raw)) {
        await to.setItem(draftStorageKey(instrument, `moved-${newIdempotencyKey()}`), raw);
        report.drafts += 1;
      }
      await from.removeItem(legacy);
    }
    report.outbox = await mergeList(from, to, outboxStorageKey);
    report.history = await mergeList(from, to, historyStorageKey);
    return report;
  });
}

/** Adds the entries of `key` in `from` that `to` lacks (by id), under that list's lock; the count. */
async function mergeList(from: StateStorage, to: StateStorage, key: string): Promise<number> {
  const raw = await from.getItem(key);
  if (typeof raw !== 'string') return 0;
  const moved = entriesOf(raw);
  const added = await withLock(key, async () => {
    const stored = entriesOf(await to.getItem(key));
    const known = new Set(stored.map((e) => e.id));
    const fresh = moved.filter((e) => !known.has(e.id));
    if (fresh.length > 0) {
      await to.setItem(key, JSON.stringify({ state: { entries: [...stored, ...fresh] }, version: 1 }));
    }
    return fresh.length;
  });
  await from.removeItem(key);
  return added;
}

function entriesOf(raw: string | null): { id: string }[] {
  if (typeof raw !== 'string') return [];
  try {
    const list = (JSON.parse(raw) as { state?: { entries?: unknown } })?.state?.entries;
    return Array.isArray(list)
      ? list.filter((e): e is { id: string } => !!e && typeof (e as { id?: unknown }).id === 'string')
      : [];
  } catch {
    return [];
  }
}
