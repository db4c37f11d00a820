/**
 * The page's link to `formulary preview`: a server-sent event stream (/api/events) that delivers every
 * new state; EventSource reconnects by itself when the command restarts. A tiny store (no React) so
 * the hook over it only subscribes.
 */
import type { PreviewState } from '../cli/preview/index';

export interface PreviewConnection {
  readonly state: PreviewState | null;
  /** The stream is down (the command stopped); the last state stays. */
  readonly lost: boolean;
}

export interface PreviewConnectionStore {
  get(): PreviewConnection;
  subscribe(listener: () => void): () => void;
  close(): void;
}

/** Opens the stream at `url`; an older revision arriving late is ignored. */
export function connectPreview(url = 'api/events'): PreviewConnectionStore {
  let current: PreviewConnection = { state: null, lost: false };
  const listeners = new Set<() => void>();
  const emit = (next: PreviewConnection) => {
    current = next;
    for (const listener of listeners) listener();
  };
  const source = new EventSource(url);
  source.addEventListener('state', (event) => {
    const state = JSON.parse((event as MessageEvent<string>).data) as PreviewState;
    // A restarted command counts from 1 again: a lower revision after a lost stream is a new run.
    if (current.state && state.revision < current.state.revision && !current.lost) return;
    emit({ state, lost: false });
  });
  source.addEventListener('error', () => {
    if (!current.lost) emit({ ...current, lost: true });
  });
  return {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => source.close(),
  };
}
