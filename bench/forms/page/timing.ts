/**
 * In-page timing for the form benchmark: a keystroke's script work (the page's handlers; React commits
 * a discrete event's update before the event returns) and its time to the next frame; a click's time to
 * the next frame after the work it causes.
 */

export interface KeyTiming {
  /** The page's own script for the keystroke's events, through the commit it caused, ms. */
  work: number;
  /** keydown to the next frame after that commit, ms. */
  frame: number;
}

/** Resolves with the time just after the next frame is produced. */
export function nextFrameAfter(): Promise<number> {
  return new Promise((done) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(null);
    });
  });
}

function afterMicrotasks(): Promise<number> {
  return new Promise((done) => queueMicrotask(() => done(performance.now())));
}

function afterQueuedTasks(): Promise<number> {
  return new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  });
}

/** Events one keystroke dispatches; the page's handlers for each are its script work. */
const keystrokeEvents = ['keydown', 'keypress', 'beforeinput', 'input'] as const;

/**
 * Times the next keystroke. Script work: for each event of the keystroke, from a window capture
 * listener (before any handler of the page) to a window bubble listener (after them all: React listens
 * on its root), plus the microtasks after the input event. The browser's own editing, style and layout
 * between those events is not script work. To frame: from the keydown's own time (including any wait
 * in the queue, which a user feels) to the next frame after the input event.
 */
export function watchNextKeystroke(): Promise<KeyTiming> {
  return new Promise((done) => {
    let created = 0;
    let work = 0;
    const began = new Map<string, number>();
    const onCapture = (event: Event) => {
      if (event.type === 'keydown') created = event.timeStamp;
      began.set(event.type, performance.now());
    };
    const onBubble = (event: Event) => {
      const start = began.get(event.type);
      if (start !== undefined) work += performance.now() - start;
      if (event.type !== 'input') return;
      for (const type of keystrokeEvents) {
        window.removeEventListener(type, onCapture, true);
        window.removeEventListener(type, onBubble);
      }
      const microtasksFrom = performance.now();
      afterMicrotasks().then((microtasksEnd) => {
        work += microtasksEnd - microtasksFrom;
        nextFrameAfter().then((frameEnd) => done({ work, frame: frameEnd - created }));
      });
    };
    for (const type of keystrokeEvents) {
      window.addEventListener(type, onCapture, true);
      window.addEventListener(type, onBubble);
    }
  });
}

/** Times the next click on [data-bench-target] to the next frame after the work it causes. */
export function watchNextClick(): Promise<number> {
  return new Promise((done) => {
    const onClick = (event: Event) => {
      if (!(event.target instanceof Element) || !event.target.closest('[data-bench-target]')) return;
      const start = event.timeStamp;
      window.removeEventListener('click', onClick, true);
      afterQueuedTasks()
        .then(() => nextFrameAfter())
        .then((frameEnd) => done(frameEnd - start));
    };
    window.addEventListener('click', onClick, true);
  });
}
