/**
 * The value stored under one name, re-rendering only when that value changes. The values live in the
 * form's value map; the subscription is the engine's per-name listener.
 */
import { type RefObject, useCallback, useRef, useSyncExternalStore } from 'react';
import { useFormContextValue } from '../FormContext';

/**
 * The stored value. While `ownWrite.current` is true (the field's own widget is reporting what the
 * user typed) the change re-renders nothing: the uncontrolled input shows it already, so a keystroke
 * costs no render. The value a later render reads is still the stored one.
 */
export function useStoredValue(name: string, ownWrite?: RefObject<boolean>): unknown {
  const { engine } = useFormContextValue();
  // The snapshot is a box: an own write updates it in place (same identity, no render), any other
  // change replaces it (a render, so the widget shows the new value).
  const box = useRef<{ value: unknown } | null>(null);
  const snapshot = useCallback(() => {
    const value = engine.read(name);
    if (box.current === null || !Object.is(box.current.value, value)) box.current = { value };
    return box.current;
  }, [engine, name]);
  const subscribe = useCallback(
    (listener: () => void) =>
      engine.subscribeValue(name, () => {
        if (ownWrite?.current && box.current) box.current.value = engine.read(name);
        else listener();
      }),
    [engine, name, ownWrite],
  );
  return useSyncExternalStore(subscribe, snapshot).value;
}
