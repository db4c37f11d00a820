/**
 * The value stored under one react-hook-form name, re-rendering only when that value changes. The
 * values live in RHF; the subscription is the engine's per-name listener (see FormEngine: RHF's
 * useWatch would clone every value of the form on each keystroke).
 */
import { useCallback, useSyncExternalStore } from 'react';
import { useFormContextValue } from '../FormContext';

export function useStoredValue(name: string): unknown {
  const { engine } = useFormContextValue();
  return useSyncExternalStore(
    useCallback((listener) => engine.subscribeValue(name, listener), [engine, name]),
    () => engine.read(name),
  );
}
