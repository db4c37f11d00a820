/**
 * Tells the other tabs of this origin that a shared record (outbox, history, a draft) changed, so they
 * re-read it: a BroadcastChannel where there is one (every browser we support, Node too), else
 * nothing (one tab: nobody to tell). Messages carry the storage key only, never the data: a reader
 * always takes the stored copy, never a message's.
 */

export interface ChangeChannel {
  /** Tells the other tabs `key` changed. */
  post(key: string): void;
  /** Calls `listener` with each key another tab changed; returns a function that stops listening. */
  listen(listener: (key: string) => void): () => void;
  close(): void;
}

/** One channel per store; several stores in one tab each get their own. */
export function changeChannel(name = 'formulary:changes'): ChangeChannel {
  const Channel = (globalThis as { BroadcastChannel?: typeof BroadcastChannel }).BroadcastChannel;
  if (!Channel) return { post() {}, listen: () => () => {}, close() {} };
  const channel = new Channel(name);
  // Node keeps a process alive while a channel is open; a browser has no unref.
  (channel as { unref?: () => void }).unref?.();
  const listeners = new Set<(key: string) => void>();
  channel.onmessage = (event: MessageEvent) => {
    if (typeof event.data === 'string') for (const listener of listeners) listener(event.data);
  };
  return {
    post: (key) => channel.postMessage(key),
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => channel.close(),
  };
}
