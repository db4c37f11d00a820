/**
 * The setter the persisted stores (drafts, outbox, history) use instead of zustand's own. persist
 * writes storage inside every set() and throws when the browser refuses (a full origin quota); the
 * state is updated by then, so the values stay in the page. This records why in `saveError` for the
 * panels to say, instead of letting the error escape a timer or a submission, and clears it once a
 * write succeeds. No React.
 */

/** A store state that can say its last write to storage failed. */
export interface SaveErrorState {
  /** Why the last write to storage failed, or null. */
  readonly saveError: string | null;
}

/** Wraps persist's `set`: never throws for a refused write; O(1) besides the write itself. */
export function refusalSafeSet<S extends SaveErrorState>(
  persistedSet: (partial: Partial<S>) => void,
  get: () => S,
): (partial: Partial<S>) => void {
  return (partial) => {
    try {
      persistedSet(partial);
      if (get().saveError !== null) persistedSet({ saveError: null } as Partial<S>);
    } catch (error) {
      const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      try {
        persistedSet({ saveError: `the browser did not store it (${why})` } as Partial<S>);
      } catch {
        // The same refusal again: the state already holds the error.
      }
    }
  };
}
