/**
 * The JSON request beside the form, updated as the user types. It holds the request in a tiny store of
 * its own so that an update re-renders this panel only, never the form.
 */
import { type ReactNode, useSyncExternalStore } from 'react';

type Listener = () => void;

function createRequestStore() {
  let current: unknown = null;
  const listeners = new Set<Listener>();
  return {
    get: () => current,
    set: (next: unknown) => {
      current = next;
      for (const l of listeners) l();
    },
    subscribe: (l: Listener) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

/** The request the form last reported (SubmissionForm's onChange writes here). */
export const liveRequest = createRequestStore();

export function LiveRequest(): ReactNode {
  const request = useSyncExternalStore(liveRequest.subscribe, liveRequest.get);
  return (
    <section aria-labelledby="live-request-heading">
      <h2 id="live-request-heading">Request (live)</h2>
      {request === null ? (
        <p>Change a field to see the request.</p>
      ) : (
        <pre className="portal__json" data-testid="live-request">
          {JSON.stringify(request, null, 2)}
        </pre>
      )}
    </section>
  );
}
