/**
 * "Show only matches": which model nodes the form shows while the search filters it. A tiny external
 * store (set once per query, read by each node through useSyncExternalStore), so typing re-renders
 * only the nodes whose visibility flips. Without a provider every node is shown and nothing subscribes.
 */
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { PointerTemplate } from '../../schemas/index';

export interface SearchFilter {
  /** Pointers shown (matched fields and their ancestors), or null when the form is not filtered. */
  visible(): ReadonlySet<PointerTemplate> | null;
  /** Filters to `fields` and their ancestors; null shows everything again. O(fields × depth). */
  show(fields: readonly PointerTemplate[] | null): void;
  subscribe(listener: () => void): () => void;
}

/** A filter store for one form. */
export function createSearchFilter(): SearchFilter {
  let visible: Set<PointerTemplate> | null = null;
  const listeners = new Set<() => void>();
  return {
    visible: () => visible,
    show(fields) {
      if (fields === null) {
        if (visible === null) return;
        visible = null;
      } else {
        visible = new Set(['']);
        for (const pointer of fields) {
          for (let i = pointer.indexOf('/', 1); i > 0; i = pointer.indexOf('/', i + 1))
            visible.add(pointer.slice(0, i));
          visible.add(pointer);
        }
      }
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const unfiltered: SearchFilter = { visible: () => null, show: () => {}, subscribe: () => () => {} };

export const SearchFilterContext = createContext<SearchFilter>(unfiltered);

/** Whether the node at `pointer` is shown (always, unless the search filters the form). */
export function useSearchShows(pointer: PointerTemplate): boolean {
  const filter = useContext(SearchFilterContext);
  return useSyncExternalStore(
    filter.subscribe,
    useCallback(() => filter.visible()?.has(pointer) ?? true, [filter, pointer]),
  );
}

/** Whether any of `pointers` is shown. */
export function useSearchShowsAny(pointers: readonly PointerTemplate[]): boolean {
  const filter = useContext(SearchFilterContext);
  return useSyncExternalStore(
    filter.subscribe,
    useCallback(() => {
      const visible = filter.visible();
      return visible === null || pointers.some((p) => visible.has(p));
    }, [filter, pointers]),
  );
}

/** Whether the form is filtered now: closed parts then open so their matches show. */
export function useSearchFiltering(): boolean {
  const filter = useContext(SearchFilterContext);
  return useSyncExternalStore(filter.subscribe, () => filter.visible() !== null);
}
