/**
 * Runs work when the browser is idle (requestIdleCallback, at most `timeout` ms later), or soon where
 * there is no idle callback (happy-dom, old Safari). For work a form needs later but not to mount:
 * compiling validators, building the search index. Returns a cancel function.
 */
export function whenIdle(fn: () => void, timeout = 500): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(fn, 1);
  return () => clearTimeout(handle);
}
