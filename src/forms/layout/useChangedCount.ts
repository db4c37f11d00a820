/**
 * The "N changed" count of a section or advanced part, derived from the engine's changed-from-default
 * tracking (not stored twice). Re-renders only when a value inside its roots crosses its default, in
 * the next idle period (see useIdleStore).
 */
import { useCallback } from 'react';
import type { StoragePath } from '../engine/storagePath';
import { useFormContextValue } from '../FormContext';
import { useIdleStore } from '../useIdleStore';

/** How many values inside `roots` differ from their defaults. */
export function useChangedCount(roots: readonly StoragePath[]): number {
  const { engine } = useFormContextValue();
  return useIdleStore(
    useCallback((listener) => engine.subscribeChanged(roots, listener), [engine, roots]),
    useCallback(() => engine.changedCount(roots), [engine, roots]),
  );
}
