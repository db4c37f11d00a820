/**
 * Open/closed state of a section or advanced part: from the form's UI store, opening by itself when an
 * error appears inside it and when reveal() (error summary, search) targets something inside it.
 */
import { useContext, useEffect } from 'react';
import { useStore } from 'zustand';
import { isWithin, type StoragePath } from '../engine/storagePath';
import { useFormContextValue } from '../FormContext';
import { UiStoreContext } from './UiStoreContext';

/** [open, setOpen] for the part `key` holding `roots`; `initiallyOpen` when the store has no entry. */
export function useOpenState(
  key: string,
  roots: readonly StoragePath[],
  initiallyOpen: boolean,
): [boolean, (open: boolean) => void] {
  const { engine } = useFormContextValue();
  const ui = useContext(UiStoreContext);
  const stored = useStore(ui, (s) => s.open[key]);
  const open = stored ?? initiallyOpen;
  useEffect(() => {
    const setOpen = () => ui.getState().setOpen(key, true);
    const holdsError = () => engine.errors.paths().some((p) => roots.some((r) => isWithin(p, r)));
    if (holdsError()) setOpen();
    const offErrors = engine.errors.subscribeAll(() => {
      if (holdsError()) setOpen();
    });
    const offReveal = engine.registerRevealer(roots, setOpen);
    return () => {
      offErrors();
      offReveal();
    };
  }, [engine, ui, key, roots]);
  return [open, (next) => ui.getState().setOpen(key, next)];
}
