/**
 * Lets the error summary (and reveal) focus a group, list or choice as a whole when an error belongs
 * to it rather than to one input: registers the element under its storage path.
 */
import { type RefObject, useEffect } from 'react';
import type { StoragePath } from '../engine/storagePath';
import { useFormContextValue } from '../FormContext';

/** `path` null: nothing is registered (an open tuple's rest rows: the tuple takes its path's focus). */
export function useFocusTarget(path: StoragePath | null, ref: RefObject<HTMLElement | null>): void {
  const { engine } = useFormContextValue();
  useEffect(
    () =>
      path === null
        ? undefined
        : engine.registerFocuser(path, () => {
            const element = ref.current;
            if (!element) return;
            element.scrollIntoView?.({ block: 'center' });
            element.focus();
          }),
    [engine, path, ref],
  );
}
