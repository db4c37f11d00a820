/**
 * React adapters over the vanilla draft, outbox and history stores: useSyncExternalStore and nothing
 * else. Selectors must return a primitive or a reference held by the state (not a fresh object), or
 * React re-renders forever; that is the price of holding no logic here.
 */
import { useContext, useEffect, useSyncExternalStore } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { DraftState, DraftStore } from './createDraftStore';
import type { HistoryState, HistoryStore } from './createHistoryStore';
import type { OutboxState, OutboxStore } from './createOutboxStore';
import { DraftsContext } from './DraftsContext';
import { flushDraftOnPageHide } from './flushDraftOnPageHide';

function useStore<S, T>(store: StoreApi<S> | undefined, selector: (state: S) => T, name: string): T {
  if (!store) throw new Error(`${name}: no store; pass one or wrap the page in <DraftsContext value={...}>`);
  const read = () => selector(store.getState());
  return useSyncExternalStore(store.subscribe, read, read);
}

/** Reads the open form's draft store (from DraftsContext unless `store` is given). */
export function useDraftStore<T>(selector: (state: DraftState) => T, store?: DraftStore): T {
  const context = useContext(DraftsContext);
  return useStore(store ?? context.drafts, selector, 'useDraftStore');
}

/** Reads the outbox (from DraftsContext unless `store` is given). */
export function useOutbox<T>(selector: (state: OutboxState) => T, store?: OutboxStore): T {
  const context = useContext(DraftsContext);
  return useStore(store ?? context.outbox, selector, 'useOutbox');
}

/** Reads the submission history (from DraftsContext unless `store` is given). */
export function useHistory<T>(selector: (state: HistoryState) => T, store?: HistoryStore): T {
  const context = useContext(DraftsContext);
  return useStore(store ?? context.history, selector, 'useHistory');
}

/** While mounted: saves pending changes when the page hides; on unmount saves them and stops the timer. */
export function useDraftAutosave(store: DraftStore | undefined): void {
  useEffect(() => {
    if (!store) return;
    const stop = flushDraftOnPageHide(store);
    return () => {
      stop();
      store.getState().dispose();
    };
  }, [store]);
}
