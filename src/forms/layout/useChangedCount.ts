/**
 * The "N changed" count of a section or advanced part, derived from the engine's changed-from-default
 * tracking (not stored twice). Re-renders only when a value inside its roots crosses its default.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { StoragePath } from '../engine/storagePath';
import { useFormContextValue } from '../FormContext';

/** How many values inside `roots` differ from their defaults. */
export function useChangedCount(roots: readonly StoragePath[]): number {
  const { engine } = useFormContextValue();
  return useSyncExternalStore(
    useCallback((listener) => engine.subscribeChanged(roots, listener), [engine, roots]),
    () => engine.changedCount(roots),
  );
}
