/**
 * Like useSyncExternalStore, but a change re-renders as a transition: for marks that need not show in
 * the frame of the keystroke that caused them ("changed", "N changed"). useSyncExternalStore renders
 * synchronously inside the keystroke's event; measured at 1,000 fields, that first-keystroke render
 * (the reset button, the section badge) was most of what made the first keystroke slower than the rest.
 */
import { startTransition, useEffect, useRef, useState } from 'react';

/** The value `read` returns, kept up to date through `subscribe`. Both must be stable (useCallback). */
export function useTransitionStore<T>(subscribe: (listener: () => void) => () => void, read: () => T): T {
  const [value, setValue] = useState(read);
  const rendered = useRef(value);
  rendered.current = value;
  useEffect(() => {
    const update = () => startTransition(() => setValue(read()));
    const off = subscribe(update);
    // A change between this render and the subscription is not missed (and no work when there is none:
    // every field of a mounting section runs this).
    if (!Object.is(read(), rendered.current)) update();
    return off;
  }, [subscribe, read]);
  return value;
}
