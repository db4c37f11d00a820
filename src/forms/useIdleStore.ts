/**
 * Like useSyncExternalStore, but a change re-renders when the browser is next idle (at most 100 ms
 * later), as a transition: for marks that need not show in the frame of the keystroke that caused them
 * ("changed", "N changed"). useSyncExternalStore renders synchronously inside the keystroke's event;
 * measured at 1,000 fields, that render (the field's reset button, the section's count, on code not yet
 * warm) was what made the first keystroke slower than the rest. Deferred, the typed character is painted
 * first and the mark follows in the next idle period, yielding to any keystroke that comes first.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import { whenIdle } from './idle';

// Every deferred mark of every form waits in one queue and renders in one idle callback, as one
// transition: one commit, so one layout and paint. Scheduled one idle callback each, the marks a first
// keystroke sets off (the field's reset button, its section's count, the advanced part's count) each
// made a frame of their own during the next keystrokes: measured on biosans (bench:forms, 5 runs),
// key-to-frame p95 20.6 ms, against 14.9 ms batched and 13.3 ms with no deferred marks at all.
const queued = new Set<() => void>();
let flushScheduled = false;

function flush(): void {
  flushScheduled = false;
  const renders = [...queued];
  queued.clear();
  startTransition(() => {
    for (const render of renders) render();
  });
}

/** The value `read` returns, kept up to date through `subscribe`. Both must be stable (useCallback). */
export function useIdleStore<T>(subscribe: (listener: () => void) => () => void, read: () => T): T {
  const [value, setValue] = useState(read);
  const rendered = useRef(value);
  rendered.current = value;
  useEffect(() => {
    // Several changes before the idle period cost one render.
    const render = () => setValue(read());
    const update = () => {
      queued.add(render);
      if (flushScheduled) return;
      flushScheduled = true;
      whenIdle(flush, 100);
    };
    const off = subscribe(update);
    // A change between this render and the subscription is not missed (and no work when there is none:
    // every field of a mounting section runs this).
    if (!Object.is(read(), rendered.current)) update();
    return () => {
      off();
      queued.delete(render);
    };
  }, [subscribe, read]);
  return value;
}
