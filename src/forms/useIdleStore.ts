/**
 * Like useSyncExternalStore, but a change re-renders once typing pauses (no key or input for 200 ms)
 * and the browser is next idle (at most 100 ms later), as a transition: for marks that need not show in
 * the frame of the keystroke that caused them ("changed", "N changed"). useSyncExternalStore renders
 * synchronously inside the keystroke's event; measured at 1,000 fields, that render (the field's reset
 * button, the section's count, on code not yet warm) was what made the first keystroke slower than the
 * rest. Deferred, the typed characters are painted first and the marks follow between bursts of typing.
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

// ...and only once typing pauses. Flushed at the first idle moment, the marks' one render (1-6 ms of
// React, cold) and the layout it causes (2-6 ms) landed in the frame of the next keystroke of a fast
// burst and made it miss a frame: on biosans and reflectometer (bench:forms, 5 runs each) the second
// keystroke took 20-23 ms against 9-13 ms for the others, and 9-15 ms with no marks at all. A pause
// is measured from the last keydown or input anywhere on the page (one listener for all forms).
const typingPauseMs = 200;
let lastTypedAt = Number.NEGATIVE_INFINITY;
let watchingTyping = false;

function noteTyping(): void {
  lastTypedAt = performance.now();
}

function watchTyping(): void {
  if (watchingTyping || typeof window === 'undefined') return;
  watchingTyping = true;
  for (const type of ['keydown', 'input'] as const)
    window.addEventListener(type, noteTyping, { capture: true, passive: true });
}

function scheduleFlush(): void {
  const wait = lastTypedAt + typingPauseMs - performance.now();
  if (wait > 0) setTimeout(scheduleFlush, wait);
  else whenIdle(flush, 100);
}

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
    watchTyping();
    // Several changes before the idle period cost one render.
    const render = () => setValue(read());
    const update = () => {
      queued.add(render);
      if (flushScheduled) return;
      flushScheduled = true;
      scheduleFlush();
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
