/**
 * Saves a draft's pending changes at once when the page is hidden or unloaded, so a reload inside the
 * autosave debounce loses nothing. Plain DOM events; the React hook only calls this in an effect.
 */
import type { DraftStore } from './createDraftStore';

/** Listens for pagehide and visibilitychange(hidden); returns a function that stops listening. */
export function flushDraftOnPageHide(
  store: DraftStore,
  win: Pick<Window, 'addEventListener' | 'removeEventListener' | 'document'> = window,
): () => void {
  const flush = () => store.getState().flushOnHide();
  const onVisibility = () => {
    if (win.document.visibilityState === 'hidden') flush();
  };
  win.addEventListener('pagehide', flush);
  win.addEventListener('beforeunload', flush);
  win.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    win.removeEventListener('pagehide', flush);
    win.removeEventListener('beforeunload', flush);
    win.document.removeEventListener('visibilitychange', onVisibility);
  };
}
