/**
 * Which sections and advanced parts are open, per mounted form: a zustand vanilla store, so a part
 * re-renders only when its own flag flips (selector per key) and the state can be read outside React
 * (reveal from the error summary or the search box).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface UiState {
  /** Part key -> open. Absent means "closed if advanced, open otherwise". */
  readonly open: Readonly<Record<string, boolean>>;
  setOpen(key: string, open: boolean): void;
}

export type UiStore = StoreApi<UiState>;

/** A fresh UI store for one form. */
export function createUiStore(): UiStore {
  return createStore<UiState>((set) => ({
    open: {},
    setOpen: (key, open) =>
      set((state) => (state.open[key] === open ? state : { open: { ...state.open, [key]: open } })),
  }));
}
