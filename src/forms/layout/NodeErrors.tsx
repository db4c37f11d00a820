/**
 * Errors that belong to a group, list or choice as a whole (a list below its minItems, a required
 * key missing in an object), shown where that part starts. Subscribes to that path only.
 */
import { type ReactNode, useCallback, useSyncExternalStore } from 'react';
import type { StoragePath } from '../engine/storagePath';
import { useFormContextValue } from '../FormContext';

export function NodeErrors({ path, id }: { path: StoragePath; id: string }): ReactNode {
  const { engine } = useFormContextValue();
  const shown = useSyncExternalStore(
    useCallback((listener) => engine.errors.subscribe(path, listener), [engine, path]),
    () => engine.errors.at(path),
  );
  if (shown.length === 0) return null;
  return (
    <p id={id} className="formulary-node-error">
      {shown.map((e) => e.error.message).join(' ')}
    </p>
  );
}
