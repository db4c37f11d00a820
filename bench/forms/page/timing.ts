/**
 * In-page timing for the form benchmark. "Script work" of a keystroke runs from keydown to the end of
 * the work it causes: a MessageChannel task posted from the input event runs after every task React's
 * scheduler posted before it (the same queue, FIFO). "To frame" runs on to the next frame after that.
 */

export interface KeyTiming {
  /** keydown to the end of the commit the keystroke caused, ms. */
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

function afterQueuedTasks(): Promise<number> {
  return new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  });
}

/** Times the next keystroke: keydown (capture) to the work after its input event, then to the frame. */
export function watchNextKeystroke(): Promise<KeyTiming> {
  return new Promise((done) => {
    let start = 0;
    const onKeyDown = (event: Event) => {
      // The event's own time: includes any wait in the queue before the page got to it.
      start = event.timeStamp;
    };
    const onInput = () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('input', onInput);
      afterQueuedTasks().then((workEnd) =>
        nextFrameAfter().then((frameEnd) => done({ work: workEnd - start, frame: frameEnd - start })),
      );
    };
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('input', onInput);
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
